/**
 * `check` and `collect` over NETCONF against a real drifted lab-100: every device whose platform
 * serves NETCONF is read over it and reported exactly as over SSH; a device whose platform serves
 * none yet is UNVERIFIABLE, saying so (never skipped silently). As platforms gain NETCONF, the
 * tables below follow by themselves: they ask the simulator which platforms serve it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../client/collect.js';
import { demoDrift } from '../../client/demo.js';
import { splitCsv } from '../../client/csv.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { netconfPlatformFor } from '../../simulator/netconf/index.js';
import { getKind, type Platform } from '../../simulator/topology/kinds/index.js';
import { normalizeInterfaceName } from '../../simulator/topology/interfaces.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { createWorld } from '../../simulator/topology/world.js';
import { closedPort, runCaptured } from '../helpers.js';

/** Whether the simulator serves NETCONF for a platform (it decides by the platform string alone). */
const servesNetconf = (platform: Platform) =>
  netconfPlatformFor({ node: { platform } } as unknown as DeviceRuntime) !== undefined;

let lab: Fleet;
let labArgs: string[];
const dir = mkdtempSync(join(tmpdir(), 'labfleet-netconf-check-'));

const cli = runCaptured;

/** A JSON report without its timing, to compare two runs. */
function report(text: string): Record<string, unknown> {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  delete parsed.timing;
  return parsed;
}

beforeAll(async () => {
  const topology = await loadTopology('lab-100');
  const drift = demoDrift(topology, topology.seed ?? 1, () => true);
  lab = await startFleet({
    topology,
    world: createWorld(topology, drift),
    sshPort: 0,
    rest: false,
    commandLatencyMs: 0,
  });
  labArgs = [
    'lab-100',
    '--ssh-port',
    String(lab.sshPort),
    '--netconf-port',
    String(lab.netconfPort),
    '--no-progress',
  ];
});
afterAll(() => lab.stop());

/** Two checks or collections of 100 devices a test: minutes on a loaded CI box, not seconds. */
const HEAVY = { timeout: 120_000 };

describe('check --transport netconf', HEAVY, () => {
  it('on a drifted lab-100 reports exactly what SSH reports, every device checked', async () => {
    const [ssh, netconf] = [
      await cli('check', ...labArgs, '--format', 'json'),
      await cli('check', ...labArgs, '--format', 'json', '--transport', 'netconf', '--retries', '0'),
    ];
    expect(lab.devices.every((d) => servesNetconf(d.platform))).toBe(true);
    const byNetconf = report(netconf.out);
    expect(byNetconf.devices).toEqual({ total: 100, checked: 100 });
    expect(byNetconf.unverifiable).toEqual([]);
    expect((byNetconf.findings as unknown[]).length).toBeGreaterThan(0);
    expect(byNetconf).toEqual(report(ssh.out));
    expect([ssh.code, netconf.code]).toEqual([1, 1]);
  });

  it('on the devices serving NETCONF, reports exactly what SSH reports (the drift included)', async () => {
    const inventory = join(dir, 'serving.json');
    writeFileSync(
      inventory,
      JSON.stringify({ devices: lab.devices.filter((d) => servesNetconf(d.platform)) }),
    );
    const run = (...extra: string[]) =>
      cli('check', 'lab-100', '--inventory', inventory, '--no-progress', '--format', 'json', ...extra);
    const [ssh, netconf] = [await run(), await run('--transport', 'netconf')];
    const [bySsh, byNetconf] = [report(ssh.out), report(netconf.out)];
    expect(byNetconf).toEqual(bySsh);
    expect((byNetconf.findings as unknown[]).length).toBeGreaterThan(0);
    expect(
      (byNetconf.unverifiable as Array<{ code: string }>).every((u) => u.code === 'NOT_IN_INVENTORY'),
    ).toBe(true);
    expect(netconf.code).toBe(1);
  });
});

describe('collect --transport netconf', HEAVY, () => {
  it('collects the same neighbours over NETCONF as over SSH, device by device', async () => {
    const collect = async (...extra: string[]) => {
      const { out } = await cli('collect', 'neighbors', ...labArgs.slice(0, -1), '--retries', '0', ...extra);
      const { devices } = JSON.parse(out) as { devices: DeviceResult[] };
      // The local port as each protocol's source spells it (NX-OS `show lldp neighbors`: Eth1/11;
      // its model: Ethernet1/11), compared by its full name as the checker compares it.
      const platformOf = new Map(lab.devices.map((d) => [d.name, d.platform]));
      return new Map(
        devices.map((d) => {
          const types = getKind(platformOf.get(d.device)!).interfaceTypes;
          return [
            d.device,
            (d.neighbors ?? [])
              .map(
                (n) =>
                  `${n.protocol} ${normalizeInterfaceName(n.localInterface, types)}>${n.remoteDevice}:${n.remoteInterface}`,
              )
              .sort(),
          ];
        }),
      );
    };
    const [ssh, netconf] = [await collect(), await collect('--transport', 'netconf')];
    const serving = lab.devices.filter((d) => servesNetconf(d.platform));
    for (const { name } of serving)
      expect({ name, neighbors: netconf.get(name) }).toEqual({ name, neighbors: ssh.get(name) });
    expect(serving.every(({ name }) => netconf.get(name)!.length > 0)).toBe(true);
  });

  it.each([
    ['cdp', 'arista_eos', 'arista_eos does not speak CDP, only LLDP'],
    ['cdp', 'juniper_junos', 'juniper_junos does not speak CDP, only LLDP'],
    ['version', 'cisco_ios', 'version not collected over NETCONF (use --transport ssh or rest)'],
  ])('collect %s skips %s and says why', async (item, platform, reason) => {
    const { code, out } = await cli(
      'collect',
      item,
      ...labArgs.slice(0, -1),
      '--transport',
      'netconf',
      '--format',
      'csv',
      '--retries',
      '0',
    );
    const rows = out.trim().split('\n').slice(1).map(splitCsv);
    const ofPlatform = rows.filter((r) => r[1] === platform);
    expect(ofPlatform.length).toBeGreaterThan(0);
    for (const row of ofPlatform) expect([row[2], row.at(-1)]).toEqual(['skipped', reason]);
    if (item === 'version') expect(code).toBe(0);
  });

  it('a wrong password is AUTH_FAILED and a closed port CONNECT_REFUSED; the rest completes', async () => {
    const ios = lab.devices.filter((d) => d.platform === 'cisco_ios').slice(0, 2);
    const refused = await closedPort();
    const inventory = join(dir, 'bad.json');
    writeFileSync(
      inventory,
      JSON.stringify({
        devices: [
          ios[0],
          { ...ios[1]!, password: 'wrong' },
          { ...ios[0]!, name: 'refused', host: '127.0.0.1', port: refused },
        ],
      }),
    );
    const { code, out } = await cli(
      'collect',
      'neighbors',
      '--inventory',
      inventory,
      '--transport',
      'netconf',
      '--retries',
      '0',
    );
    const results = (JSON.parse(out) as { devices: DeviceResult[] }).devices;
    expect(results.map((r) => [r.device, r.ok, r.error?.code])).toEqual([
      [ios[0]!.name, true, undefined],
      [ios[1]!.name, false, 'AUTH_FAILED'],
      ['refused', false, 'CONNECT_REFUSED'],
    ]);
    expect(code).toBe(1);
  });
});
