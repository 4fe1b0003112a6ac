/** The IOS driver's parsers read back what the IOS renderers print, fact for fact. */
import { describe, expect, it } from 'vitest';
import {
  ciscoIosDriver,
  parseIosArp,
  parseIosCdpDetail,
  parseIosLldpDetail,
  parseIosMemory,
  parseIosVersion,
} from '../../client/drivers/cisco-ios.js';
import * as render from '../../simulator/personalities/cisco-ios/render/index.js';
import { renderContextFor } from '../device.js';
import { renderMacDotted } from '../../simulator/state/mac.js';

const ctx = await renderContextFor('lab-100', 'r2-tor1');

describe('IOS driver parsers', () => {
  it('CDP detail: one neighbour per entry, as advertised', () => {
    const parsed = parseIosCdpDetail(render.renderShowCdpNeighborsDetail(ctx));
    const expected = ctx.state.neighbors.filter((n) => n.protocol === 'cdp');
    expect(parsed.map((n) => [n.localInterface, n.remoteDevice, n.remoteInterface])).toEqual(
      expected.map((n) => [n.localInterface, n.deviceId, n.remoteInterface]),
    );
    expect(parsed.some((n) => /\(SAL/.test(n.remoteDevice))).toBe(true);
  });

  it('LLDP detail: every LLDP neighbour with its system name', () => {
    const parsed = parseIosLldpDetail(render.renderShowLldpNeighborsDetail(ctx));
    expect(parsed).toHaveLength(ctx.state.neighbors.filter((n) => n.protocol === 'lldp').length);
    expect(new Set(parsed.map((n) => n.remoteDevice.split('.')[0]))).toEqual(
      new Set(ctx.state.neighbors.filter((n) => n.protocol === 'lldp').map((n) => n.hostname)),
    );
  });

  it('ARP: addresses and MACs as the state holds them', () => {
    const parsed = parseIosArp(render.renderShowIpArp(ctx));
    for (const row of parsed) {
      const entry = ctx.state.arp.find((e) => e.address === row.address)!;
      expect(row.mac).toBe(entry.mac === undefined ? undefined : renderMacDotted(entry.mac));
    }
    expect(parsed.length).toBeGreaterThan(0);
  });

  it('version and memory', () => {
    expect(parseIosVersion(render.renderShowVersion(ctx))).toMatchObject({
      hostname: 'r2-tor1',
      model: 'C9300-48P',
      serial: ctx.state.serial,
    });
    const memory = parseIosMemory(render.renderShowMemoryStatistics(ctx));
    expect(memory.totalBytes).toBe(ctx.memory.pools[0]!.total);
  });

  it('prompt pattern: exec, privileged and configuration prompts, not output lines', () => {
    for (const prompt of ['\nr2-tor1>', '\nr2-tor1#', '\nr2-tor1(config)#', '\nr2-tor1(config-if)#', 'R1#'])
      expect(ciscoIosDriver.prompt.test(prompt)).toBe(true);
    for (const text of [
      '\nInterface: Gi1,  Port ID (outgoing port): Gi2',
      '\nTotal cdp entries displayed : 2',
    ])
      expect(ciscoIosDriver.prompt.test(text)).toBe(false);
  });
});
