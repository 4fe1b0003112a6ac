/** IOS everyday commands through the CLI engine: dir, inventory, VLANs, routes, MAC table, logging, users. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { interpret } from '../../simulator/engine/interpret.js';
import type { SessionState } from '../../simulator/engine/types.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';
import * as render from '../../simulator/personalities/cisco-ios/render/index.js';
import { deviceRuntimeFor } from '../device.js';
import { expectGolden, FIXTURES } from '../helpers.js';

const DRIFT_TOPOLOGY = join(FIXTURES, 'drift', 'lab.yaml');
const DRIFT = readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8');

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
    // A router's tree has no `vlan`: `v` still begins `version`, so the caret is under the `l`.
    expect(run(csr, 'show vlan')).toBe(invalidAt(3 + 6));
    expect(run(csr, 'show vlan brief')).toBe(invalidAt(3 + 6));
  });
});

describe('show etherchannel summary', () => {
  it('prints the legend and a row per channel-group; a box without LAGs has an empty table', () => {
    const text = run(tor, 'show etherchannel summary');
    expect(text).toContain('\nNumber of channel-groups in use: 1\n');
    expect(text).toContain('\n1      Po1(RU)         LACP      Te1/1/3(P)     Te1/1/4(P)     \n');
    expect(text).toContain('        A - formed by Auto LAG\n');
    expect(run(csr, 'show etherchannel summary')).toContain('\nNumber of channel-groups in use: 0\n');
    expect(run(csr, 'show etherchannel summary')).toMatch(
      /^Flags: {2}D - down {8}P\/bndl - bundled in port-channel\n/,
    );
  });
});

describe('show ip route', () => {
  it('routes the up addressed ports and a static default, like the running-config says', () => {
    const text = run(csr, 'show ip route');
    const config = run(csr, 'show running-config');
    const nextHop = /^ip route 0\.0\.0\.0 0\.0\.0\.0 (\S+)$/m.exec(config)![1];
    expect(text).toContain(
      `\nGateway of last resort is ${nextHop} to network 0.0.0.0\n\nS*    0.0.0.0/0 [1/0] via ${nextHop}\n`,
    );
    expect(text).toContain(
      '\nC        10.0.0.0/31 is directly connected, GigabitEthernet2\nL        10.0.0.0/32 is directly connected, GigabitEthernet2\n',
    );
  });

  it('keeps the management VRF out of the global table and drops a shut port', () => {
    const ctx = tor.renderContext();
    expect(render.renderShowIpRoute(ctx)).not.toContain('GigabitEthernet0/0');
    const interfaces = new Map([['GigabitEthernet1/0/1', { shutdown: true }]]);
    expect(render.renderShowIpRoute({ ...ctx, config: { ...ctx.config, interfaces } })).not.toContain(
      'GigabitEthernet1/0/1\n',
    );
  });
});

describe('show mac address-table', () => {
  it('learns the peer MAC on a live switchport (a cable added outside the documentation)', () => {
    const ctx = tor.renderContext();
    const interfaces = ctx.state.interfaces.map((i) =>
      i.name === 'TenGigabitEthernet1/1/5' ? { ...i, connected: true } : i,
    );
    const heard = {
      ...ctx.state.neighbors[0]!,
      localInterface: 'TenGigabitEthernet1/1/5',
      portMac: 0x001122334455,
    };
    const neighbors = [...ctx.state.neighbors, heard, { ...heard, protocol: 'cdp' as const }];
    const text = render.renderShowMacAddressTable({ ...ctx, state: { ...ctx.state, interfaces, neighbors } });
    expect(text).toContain(
      '\n   1    0011.2233.4455    DYNAMIC     Te1/1/5\nTotal Mac Addresses for this criterion: 23',
    );
    expect(render.renderShowMacAddressTable(ctx)).not.toContain('DYNAMIC');
  });

  it('is refused by routers (`m` still begins `memory`)', () => {
    expect(run(csr, 'show mac address-table')).toBe(invalidAt(3 + 6));
  });
});

describe('show logging', () => {
  it('logs each cabled port up after the restart, and a pulled cable down later', async () => {
    const r2 = await deviceRuntimeFor(DRIFT_TOPOLOGY, 'R2', { drift: DRIFT });
    const text = run(r2, 'show logging');
    const at = (line: string) => text.split('\n').findIndex((l) => l.endsWith(line));
    const up = at('%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet3, changed state to up');
    const down = at(
      '%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet3, changed state to down',
    );
    expect(up).toBeGreaterThan(at('%SYS-5-RESTART: System restarted --'));
    expect(down).toBeGreaterThan(up);
    expect(text).not.toContain('Interface GigabitEthernet4, changed state');
    const logged = text.split('\n').filter((l) => /^\*\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d{3}: %/.test(l)).length;
    expect(text).toContain(
      `    Buffer logging:  level debugging, ${logged} messages logged, xml disabled,\n`,
    );
  });
});

describe('show users', () => {
  it('marks this session on vty 0', () => {
    expect(run(csr, 'show users', 'user').split('\n').slice(0, 2)).toEqual([
      '    Line       User       Host(s)              Idle       Location',
      '*  2 vty 0     admin      idle                 00:00:00   127.0.0.1',
    ]);
  });
});

describe('commands IOS does not have', () => {
  it.each(['show hostname', 'show switch virtual'])('%s stays invalid', (line) => {
    expect(run(tor, line)).toContain("% Invalid input detected at '^' marker.");
  });
});
