/** IOS `dir`, `show inventory`, `show vlan` and `show etherchannel summary` through the CLI engine. */
import { beforeAll, describe, expect, it } from 'vitest';
import { interpret } from '../../simulator/engine/interpret.js';
import type { SessionState } from '../../simulator/engine/types.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';
import * as render from '../../simulator/personalities/cisco-ios/render/index.js';
import { deviceRuntimeFor } from '../device.js';
import { expectGolden } from '../helpers.js';

function run(device: DeviceRuntime, line: string, mode = 'enable'): string {
  const session: SessionState = { mode, user: 'admin', terminal: { length: 0, width: 511 } };
  const prompt = device.config().hostname.length + 1;
  return interpret(line, session, device, ciscoIosPersonality, prompt)?.result.output ?? '';
}

const invalidAt = (column: number) => `${' '.repeat(column)}^\n% Invalid input detected at '^' marker.\n`;

let tor: DeviceRuntime;
let csr: DeviceRuntime;
beforeAll(async () => {
  tor = await deviceRuntimeFor('lab-100', 'r2-tor1');
  csr = await deviceRuntimeFor('routers-10', 'R1');
});

describe('dir', () => {
  it.each([
    ['lab-100-r2-tor1', () => tor],
    ['routers-10-R1', () => csr],
  ])('%s (golden)', (slug, device) => {
    expectGolden(`cisco-ios/${slug}-dir.txt`, run(device(), 'dir'));
  });

  it('gives ios_facts its filesystem and sizes', () => {
    const text = run(tor, 'dir');
    expect(/^Directory of (\S+)\//m.exec(text)?.[1]).toBe('flash:');
    const [, total, free] = /^(\d+) bytes total \((\d+) bytes free\)$/m.exec(text)!;
    expect(Number(free)).toBeGreaterThan(0);
    expect(Number(free)).toBeLessThan(Number(total));
    expect(/^Directory of (\S+)\//m.exec(run(csr, 'dir'))?.[1]).toBe('bootflash:');
  });

  it('lists one filesystem under either name, refuses others, and needs enable', () => {
    expect(run(tor, 'dir bootflash:')).toMatch(/^Directory of bootflash:\/\n/);
    expect(run(tor, 'dir flash:').split('\n').slice(1)).toEqual(run(tor, 'dir').split('\n').slice(1));
    expect(run(tor, 'dir nvram:')).toBe(invalidAt(8 + 4));
    expect(run(tor, 'dir', 'user')).toBe(invalidAt(8 + 2)); // `di` still matches `disable`
  });
});

describe('show inventory', () => {
  it('names the chassis by the serial show version prints', () => {
    for (const device of [tor, csr]) {
      const serial = /Processor board ID (\S+)/.exec(run(device, 'show version'))![1];
      expect(run(device, 'show inventory')).toMatch(
        new RegExp(`^NAME: "[^"]+", DESCR: "[^"]+"\\nPID: \\S+ +, VID: \\S+ +, SN: ${serial}\\n`),
      );
    }
  });

  it('lists optics only in cabled cages', () => {
    const ctx = tor.renderContext();
    const cabled = ctx.state.interfaces.filter((i) => i.speed === 10_000 && i.connected).length;
    expect(run(tor, 'show inventory').match(/DESCR: "SFP-10GBase-SR"/g) ?? []).toHaveLength(cabled);
  });

  it('keeps show switch virtual invalid, so ios_facts does not take a C9300 for a VSS', () => {
    expect(run(tor, 'show switch virtual')).toContain("% Invalid input detected at '^' marker.");
  });
});

describe('show vlan', () => {
  it('lists the switchports of VLAN 1 on a Catalyst, four to a line', () => {
    const text = run(tor, 'show vlan brief');
    expect(text).toBe(render.renderShowVlanBrief(tor.renderContext()));
    expect(text).toMatch(
      /\n1 {4}default {26}active {4}Gi1\/0\/\d+, Gi1\/0\/\d+, Gi1\/0\/\d+, Gi1\/0\/\d+\n {48}Gi/,
    );
    expect(text).not.toContain('Gi1/0/1,');
  });

  it('is refused by routers, as Ansible expects (it calls such a box L3)', () => {
    expect(run(csr, 'show vlan')).toBe(invalidAt(3 + 5));
    expect(run(csr, 'show vlan brief')).toBe(invalidAt(3 + 5));
  });
});

describe('show etherchannel summary', () => {
  it('prints the legend and an empty table', () => {
    const text = run(tor, 'show etherchannel summary');
    expect(text).toContain('\nNumber of channel-groups in use: 0\n');
    expect(text).toContain('        A - formed by Auto LAG\n');
    expect(run(csr, 'show etherchannel summary')).toMatch(
      /^Flags: {2}D - down {8}P\/bndl - bundled in port-channel\n/,
    );
  });
});
