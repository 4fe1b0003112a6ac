/** The NX-OS driver parses the personality's rendered goldens back into the facts the state holds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ciscoNxosDriver,
  parseNxosArp,
  parseNxosCdpDetail,
  parseNxosLldpDetail,
  parseNxosMemory,
  parseNxosVersion,
} from '../../client/drivers/cisco-nxos.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';
import { renderMacDotted } from '../../simulator/state/mac.js';
import type { Neighbor } from '../../simulator/state/neighbors.js';
import { getKind } from '../../simulator/topology/kinds/index.js';
import { normalizeInterfaceName } from '../../simulator/topology/interfaces.js';
import { TEST_DIR } from '../helpers.js';

const DEVICES = ['r2-nx02', 'r2-nx11', 'r4-nx08'] as const;
const contexts = new Map<string, RenderContext>();

beforeAll(async () => {
  for (const device of DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

const golden = (device: string, command: string) =>
  readFileSync(
    join(TEST_DIR, 'golden', 'cisco-nxos', `lab-100-${device}-${command.replaceAll(' ', '-')}.txt`),
    'utf8',
  );

const NXOS_TYPES = getKind('cisco_nxos').interfaceTypes;
const local = (name: string) => normalizeInterfaceName(name, NXOS_TYPES);
const remote = (n: Neighbor, name: string) =>
  normalizeInterfaceName(name, getKind(n.peerPlatform).interfaceTypes);

describe.each(DEVICES)('%s', (device) => {
  const ctx = () => contexts.get(device)!;

  it('CDP detail gives every CDP neighbour as advertised', () => {
    const parsed = parseNxosCdpDetail(golden(device, 'show cdp neighbors detail'));
    const expected = ctx().state.neighbors.filter((n) => n.protocol === 'cdp');
    expect(parsed).toEqual(
      expected.map((n) => ({
        protocol: 'cdp',
        localInterface: n.localInterface,
        remoteDevice: n.deviceId,
        remoteInterface: n.remoteInterface,
        platform: n.platform,
        mgmtAddress: n.mgmtAddress,
      })),
    );
  });

  it('LLDP detail gives every LLDP neighbour, ports normalising to the real ones', () => {
    const parsed = parseNxosLldpDetail(golden(device, 'show lldp neighbors detail'));
    const expected = ctx().state.neighbors.filter((n) => n.protocol === 'lldp');
    expect(parsed).toHaveLength(expected.length);
    parsed.forEach((p, i) => {
      const n = expected[i]!;
      expect(p.protocol).toBe('lldp');
      expect(local(p.localInterface)).toBe(n.localInterface);
      expect(p.remoteDevice).toBe(n.deviceId);
      expect(remote(n, p.remoteInterface)).toBe(n.remoteInterface);
      expect(p.mgmtAddress).toBe(n.mgmtAddress);
    });
  });

  it('ARP gives the learnt adjacencies', () => {
    const parsed = parseNxosArp(golden(device, 'show ip arp'));
    const learnt = ctx().state.arp.filter((e) => e.ageMinutes !== undefined);
    expect(parsed.map(({ address, mac, interface: i }) => ({ address, mac, interface: i }))).toEqual(
      learnt.map((e) => ({
        address: e.address,
        mac: e.mac === undefined ? undefined : renderMacDotted(e.mac),
        interface: e.interface,
      })),
    );
    for (const row of parsed) expect(row.age).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('version gives hostname, software, model and serial', () => {
    const { state } = ctx();
    const facts = parseNxosVersion(golden(device, 'show version'));
    expect(facts).toMatchObject({
      hostname: state.name,
      version: state.version,
      model: state.model,
      serial: state.serial,
    });
    expect(facts.uptime).toMatch(/^\d+ day\(s\), \d+ hour\(s\), \d+ minute\(s\), \d+ second\(s\)$/);
  });

  it('memory gives total and used bytes', () => {
    const { memory } = ctx();
    const facts = parseNxosMemory(golden(device, 'show system resources'));
    expect(facts.totalBytes).toBe(Math.floor(memory.totalBytes / 1024) * 1024);
    expect(facts.usedBytes).toBe(Math.floor(memory.usedBytes / 1024) * 1024);
    expect(facts.totalBytes! - facts.usedBytes!).toBe(facts.freeBytes);
  });
});

describe('driver data', () => {
  it('matches exec and configuration prompts, with or without the trailing space', () => {
    for (const prompt of ['\nr2-nx02# ', '\nr2-nx02(config)# ', '\nr2-nx02(config-if)# ', 'sw1#'])
      expect(ciscoNxosDriver.prompt.test(prompt)).toBe(true);
    expect(ciscoNxosDriver.prompt.test('\nr2-nx02> ')).toBe(false);
    expect(ciscoNxosDriver.prompt.test('Device name: r2-nx02')).toBe(false);
  });

  it('recognises NX-OS refusals', () => {
    const refused = (text: string) => ciscoNxosDriver.errorMarkers.some((m) => m.test(text));
    expect(refused("             ^\n% Invalid command at '^' marker.")).toBe(true);
    expect(refused("                ^\n% Incomplete command at '^' marker.")).toBe(true);
    expect(refused("% Ambiguous command at '^' marker.")).toBe(true);
    expect(refused(golden('r2-nx02', 'show version'))).toBe(false);
  });

  it('treats a disabled protocol as no neighbours', () => {
    const [cdp, lldp] = ciscoNxosDriver.neighbors;
    expect(cdp!.disabled!.test('% CDP is not enabled')).toBe(true);
    expect(lldp!.disabled!.test("               ^\n% Invalid command at '^' marker.")).toBe(true);
    expect(ciscoNxosDriver.onOpen).toEqual(['terminal length 0']);
  });
});
