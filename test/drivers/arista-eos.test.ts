import { beforeAll, describe, expect, it } from 'vitest';
import {
  aristaEosDriver,
  parseEosArp,
  parseEosLldpDetail,
  parseEosMemory,
  parseEosVersion,
} from '../../client/drivers/arista-eos.js';
import { renderMacDotted } from '../../simulator/state/mac.js';
import * as render from '../../simulator/personalities/arista-eos/render/index.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';

const DEVICES = ['r2-ar08', 'r2-ar12'] as const;
const contexts = new Map<string, RenderContext>();

beforeAll(async () => {
  for (const device of DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

describe.each(DEVICES)('EOS parsers read back what %s prints', (device) => {
  const ctx = () => contexts.get(device)!;

  it('parses show lldp neighbors detail into the neighbours the state holds', () => {
    const parsed = parseEosLldpDetail(render.renderShowLldpNeighborsDetail(ctx()));
    const expected = ctx()
      .state.neighbors.filter((n) => n.protocol === 'lldp')
      .map((n) => ({ local: n.localInterface, device: n.deviceId, mgmt: n.mgmtAddress }));
    expect(
      parsed.map((n) => ({ local: n.localInterface, device: n.remoteDevice, mgmt: n.mgmtAddress })),
    ).toEqual(expected);
    for (const n of parsed) expect(n.protocol).toBe('lldp');
    // Ports as advertised: IOS its short name, the others their full name.
    const byLocal = new Map(ctx().state.neighbors.map((n) => [n.localInterface, n]));
    for (const n of parsed) {
      const remote = byLocal.get(n.localInterface)!.remoteInterface;
      expect(remote.endsWith(n.remoteInterface.replace(/^[A-Za-z]+/, ''))).toBe(true);
    }
  });

  it('parses show ip arp into the learnt entries', () => {
    const rows = parseEosArp(render.renderShowIpArp(ctx()));
    const learnt = ctx().state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
    expect(rows.map((r) => [r.address, r.mac, r.interface])).toEqual(
      learnt.map((e) => [e.address, renderMacDotted(e.mac!), e.interface]),
    );
  });

  it('parses show version into version, model, serial and memory', () => {
    const text = render.renderShowVersion(ctx());
    const { state, memory } = ctx();
    expect(parseEosVersion(text)).toMatchObject({ version: state.version, serial: state.serial });
    expect(parseEosVersion(text).model).toBe(state.model);
    const facts = parseEosMemory(text);
    expect(facts.totalBytes).toBe(Math.floor(memory.totalBytes / 1024) * 1024);
    expect(Math.abs(facts.usedBytes! - memory.usedBytes)).toBeLessThan(2048);
  });
});

describe('EOS parsers on real captures', () => {
  it('reads the newer indentation and unquoted neighbour headers', () => {
    const text = [
      'Interface Ethernet8 detected 1 LLDP neighbors:',
      '',
      '  Neighbor 0050.56eb.3ef3/Management1, age 4 seconds',
      '  Discovered 34 days, 19:40:42 ago; Last changed 34 days, 19:40:42 ago',
      '    - Chassis ID type: MAC address (4)',
      '      Chassis ID     : 0050.56eb.3ef3',
      '    - Port ID type: Interface name (5)',
      '      Port ID     : "Management1"',
      '    - Time To Live: 120 seconds',
      '    - System Name: "cvx"',
      '    - Management Address Subtype: IPv4 (1)',
      '      Management Address        : 172.16.2.141',
      '    - IEEE802.1/IEEE802.3 Link Aggregation',
      '      Port ID                : 0',
      '',
      'Interface Ethernet9 detected 0 LLDP neighbors:',
      '',
    ].join('\n');
    expect(parseEosLldpDetail(text)).toEqual([
      {
        protocol: 'lldp',
        localInterface: 'Ethernet8',
        remoteDevice: 'cvx',
        remoteInterface: 'Management1',
        mgmtAddress: '172.16.2.141',
      },
    ]);
  });

  it('reads ARP rows with VRF headers, N/A ages and port lists', () => {
    const text = [
      'VRF: default',
      'Address         Age (sec)  Hardware Addr   Interface',
      '172.16.0.1               0 004c.6211.223b  Vlan101, Port-Channel2',
      '10.10.1.1              N/A 0002.00ff.555e  Vlan1, not learned',
    ].join('\n');
    expect(parseEosArp(text)).toEqual([
      { address: '172.16.0.1', age: '0', mac: '004c.6211.223b', interface: 'Vlan101' },
      { address: '10.10.1.1', age: 'N/A', mac: '0002.00ff.555e', interface: 'Vlan1' },
    ]);
  });

  it('reads a vEOS show version with padded fields', () => {
    const text =
      'Arista vEOS\nHardware version:    \nSerial number:       \nSystem MAC address:  2803.829a.1347\n\n' +
      'Software image version: 4.14.7M\nUptime:                 1 hour and 5 minutes\n' +
      'Total memory:           2028860 kB\nFree memory:            301240 kB\n';
    expect(parseEosVersion(text)).toEqual({
      model: 'vEOS',
      version: '4.14.7M',
      uptime: '1 hour and 5 minutes',
    });
    expect(parseEosMemory(text)).toEqual({
      totalBytes: 2028860 * 1024,
      freeBytes: 301240 * 1024,
      usedBytes: (2028860 - 301240) * 1024,
    });
  });
});

describe('EOS driver data', () => {
  it.each([
    ['r2-ar08>', true],
    ['r2-ar08#', true],
    ['r2-ar08(config)#', true],
    ['r2-ar08(config-if-Et49/1)#', true],
    ['Last login: x\nleaf1.lab(config-router-bgp)#', true],
    ['Password: ', false],
    ['r2-ar08# ', true],
  ])('prompt %j matches: %s', (text, matches) => {
    expect(aristaEosDriver.prompt.test(text)).toBe(matches);
  });

  it('knows the secret prompt, the errors and the disabled answer', () => {
    expect(aristaEosDriver.enable!.secretPrompt.test('Password: ')).toBe(true);
    for (const error of [
      '% Invalid input',
      '% Invalid input (privileged mode required)',
      '% Incomplete command',
      '% Ambiguous command',
    ])
      expect(aristaEosDriver.errorMarkers.some((re) => re.test(error))).toBe(true);
    expect(aristaEosDriver.neighbors[0]!.disabled!.test('% LLDP is not enabled')).toBe(true);
    expect(aristaEosDriver.onOpen).toEqual(['terminal length 0']);
  });
});
