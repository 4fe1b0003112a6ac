/**
 * `check` and `collect` over REST against real fleets: the same drifted lab checked over SSH and
 * over each platform's API gives the same report; plain HTTP, a pinned certificate, a wrong
 * password and a fleet without REST behave as a user would expect.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDrift } from '../../client/demo.js';
import type { DeviceResult } from '../../client/collect.js';
import { splitCsv } from '../../client/csv.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { generateTlsIdentity } from '../../simulator/rest/tls.js';
import { createWorld } from '../../simulator/topology/world.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { closedPort, runCaptured } from '../helpers.js';

let plainSsh: number;
let plainRest: number;
let refusedPort: number; // nothing listens here
const fleets: Fleet[] = [];
const dir = mkdtempSync(join(tmpdir(), 'labfleet-rest-check-'));
let lab: Fleet;

const cli = runCaptured;

let labArgs: string[];

beforeAll(async () => {
  const topology = await loadTopology('lab-100');
  const drift = demoDrift(topology, topology.seed ?? 1, () => true);
  lab = await startFleet({
    topology,
    world: createWorld(topology, drift),
    sshPort: 0,
    restPort: 0,
    commandLatencyMs: 0,
  });
  fleets.push(lab);
  labArgs = [
    'lab-100',
    '--ssh-port',
    String(lab.sshPort),
    '--rest-port',
    String(lab.restPort),
    '--no-progress',
  ];
  fleets.push(
    await startFleet({
      topology: await loadTopology('routers-10'),
      sshPort: 0,
      restPort: 0,
      restPlain: true,
      commandLatencyMs: 0,
    }),
  );
  [plainSsh, plainRest] = [fleets[1]!.sshPort, fleets[1]!.restPort];
  refusedPort = await closedPort();
});
afterAll(() => Promise.all(fleets.map((f) => f.stop())));

describe('up with REST', () => {
  it('names the REST port when it is taken, and closes what it opened', async () => {
    const topology = await loadTopology('lab-100');
    const sshPort = await closedPort('127.100.0.1');
    await expect(
      startFleet({ topology, sshPort, restPort: lab.restPort, netconfPort: 0, commandLatencyMs: 0 }),
    ).rejects.toThrow(
      new RegExp(
        `cannot listen for REST on 127\\.100\\.0\\.\\d+:${lab.restPort}: EADDRINUSE .*choose --rest-port or another mgmt pool`,
      ),
    );
    const again = await startFleet({ topology, sshPort, rest: false, netconfPort: 0, commandLatencyMs: 0 });
    expect(again.devices).toHaveLength(100);
    await again.stop();
  });
});

describe('check --transport rest', () => {
  it('gives the same report as an SSH check of the same drifted lab (all four platforms)', async () => {
    const ssh = await cli('check', ...labArgs, '--format', 'json');
    const rest = await cli('check', ...labArgs, '--format', 'json', '--transport', 'rest');
    expect([ssh.code, rest.code]).toEqual([1, 1]);
    const strip = (text: string) => {
      const report = JSON.parse(text) as Record<string, unknown>;
      delete report.timing;
      return report;
    };
    const [bySsh, byRest] = [strip(ssh.out), strip(rest.out)];
    expect(byRest).toEqual(bySsh);
    expect(byRest).toMatchObject({ devices: { total: 100, checked: 100 }, unverifiable: [] });
    expect((byRest.findings as unknown[]).length).toBeGreaterThan(0);
  });

  it('collects the same neighbours over REST as over SSH, device by device', async () => {
    const collect = async (...extra: string[]) => {
      const { code, out } = await cli('collect', 'neighbors', ...labArgs.slice(0, -1), ...extra);
      expect(code).toBe(0);
      const { devices } = JSON.parse(out) as { devices: DeviceResult[] };
      return new Map(
        devices.map((d) => [
          d.device,
          (d.neighbors ?? [])
            .map((n) => `${n.localInterface}>${n.remoteDevice.split(/[.(]/)[0]}:${n.remoteInterface}`)
            .sort(),
        ]),
      );
    };
    const [ssh, rest] = [await collect(), await collect('--transport', 'rest')];
    expect(rest.size).toBe(100);
    for (const [device, neighbors] of ssh)
      expect({ device, neighbors: rest.get(device) }).toEqual({ device, neighbors });
  });

  it.each(['ssh', 'rest'])(
    'collect cdp over %s skips the EOS and Junos devices (no CDP), says why, and exits 0',
    async (transport) => {
      const platforms = new Map(lab.devices.map((d) => [d.name, d.platform]));
      const { code, out, err } = await cli(
        'collect',
        'cdp',
        ...labArgs.slice(0, -1),
        '--transport',
        transport,
        '--format',
        'csv',
      );
      const [header, ...rows] = out.trim().split('\n').map(splitCsv);
      const skipped = rows.filter((r) => r[2] === 'skipped');
      const speakers = [...platforms.values()].filter((p) => p === 'cisco_ios' || p === 'cisco_nxos');
      expect(new Set(skipped.map((r) => r[1]))).toEqual(new Set(['arista_eos', 'juniper_junos']));
      expect(skipped).toHaveLength(platforms.size - speakers.length);
      for (const row of skipped) expect(row).toHaveLength(header!.length); // empty cells, same columns
      expect(skipped[0]!.slice(3, -1).every((c) => c === '')).toBe(true);
      expect(skipped.find((r) => r[1] === 'arista_eos')!.at(-1)).toBe(
        'arista_eos does not speak CDP, only LLDP',
      );
      expect(out).toContain(',"arista_eos does not speak CDP, only LLDP"\n');
      expect(rows.filter((r) => r[2] !== 'ok' && r[2] !== 'skipped')).toEqual([]);
      expect(err).toBe(
        `collect cdp: ${speakers.length} of ${platforms.size} devices answered; ${skipped.length} skipped (` +
          [...new Set(skipped.map((r) => r[1]))]
            .sort()
            .map((p) => `${skipped.filter((r) => r[1] === p).length}: ${p} does not speak CDP, only LLDP`)
            .join('; ') +
          '); 0 failed\n',
      );
      expect(code).toBe(0);
    },
  );

  it('verifies against the pinned fleet certificate with --rest-ca', async () => {
    const ca = join(dir, 'fleet.pem');
    writeFileSync(ca, lab.tls!.cert);
    const { code, out } = await cli(
      'collect',
      'version',
      ...labArgs.slice(0, -1),
      '--transport',
      'rest',
      '--rest-ca',
      ca,
    );
    expect(code).toBe(0);
    const { devices } = JSON.parse(out) as { devices: DeviceResult[] };
    expect(devices.filter((d) => d.ok)).toHaveLength(100);
    const stranger = join(dir, 'stranger.pem');
    writeFileSync(stranger, (await generateTlsIdentity()).cert);
    const refused = await cli(
      'collect',
      'version',
      ...labArgs.slice(0, -1),
      '--transport',
      'rest',
      '--rest-ca',
      stranger,
      '--retries',
      '0',
    );
    expect(refused.code).toBe(1);
    const first = (JSON.parse(refused.out) as { devices: DeviceResult[] }).devices[0]!;
    expect(first.error?.code).toBe('TLS_FAILED');
    expect(first.error?.message).toMatch(/certificate does not chain to the --rest-ca given/);
  });

  it('says so when HTTPS meets a plain-HTTP device', async () => {
    const { code, out } = await cli(
      'collect',
      'version',
      'routers-10',
      '--ssh-port',
      String(plainSsh),
      '--rest-port',
      String(plainRest),
      '--transport',
      'rest',
    );
    expect(code).toBe(1);
    const first = (JSON.parse(out) as { devices: DeviceResult[] }).devices[0]!;
    expect(first.error?.code).toBe('TLS_FAILED');
    expect(first.error?.message).toMatch(/no TLS there .*--rest-plain/);
    expect(first.attempts).toBe(1); // retrying cannot help: no retries despite --retries 2
  });

  it('collects a raw RESTCONF path, and says plainly when a path cannot be sent', async () => {
    const plain = ['routers-10', '--ssh-port', String(plainSsh), '--rest-port', String(plainRest)];
    const raw = (what: string) =>
      cli('collect', '--raw', what, ...plain, '--rest-plain', '--transport', 'rest', '--retries', '0');
    const good = await raw('Cisco-IOS-XE-native:native/hostname');
    expect(good.code).toBe(0);
    const [r1] = (JSON.parse(good.out) as { devices: DeviceResult[] }).devices;
    expect(JSON.parse(r1!.raw!['Cisco-IOS-XE-native:native/hostname']!)).toEqual({
      'Cisco-IOS-XE-native:hostname': 'R1',
    });
    const bad = await raw('Cisco-IOS-XE-native:native/hostname x');
    expect(bad.code).toBe(1);
    const [first] = (JSON.parse(bad.out) as { devices: DeviceResult[] }).devices;
    expect(first!.error?.message).toMatch(/cannot be sent as a URL path .*percent-encode/);
  });

  it('talks plain HTTP to a --rest-plain fleet', async () => {
    const { code, out } = await cli(
      'check',
      'routers-10',
      '--ssh-port',
      String(plainSsh),
      '--rest-port',
      String(plainRest),
      '--rest-plain',
      '--transport',
      'rest',
      '--no-progress',
    );
    expect(out).toContain('Cabling 100% coincides with the documentation!');
    expect(code).toBe(0);
  });

  it('reports a wrong password and a device without REST as unverifiable; the rest completes', async () => {
    const inventory = join(dir, 'inventory.json');
    const devices = lab.devices.filter((d) => d.name.startsWith('r1-')).slice(0, 4);
    const eos = lab.devices.find((d) => d.platform === 'arista_eos')!;
    writeFileSync(
      inventory,
      JSON.stringify({
        devices: [
          ...devices.slice(0, 3),
          { ...devices[3]!, password: 'wrong' },
          { ...devices[0]!, name: 'no-rest', rest_url: undefined },
          { ...devices[1]!, name: 'refused', rest_url: `https://127.0.0.1:${refusedPort}` },
          { ...eos, secret: 'not-the-secret' },
        ],
      }),
    );
    const { code, out } = await cli(
      'collect',
      'neighbors',
      '--inventory',
      inventory,
      '--transport',
      'rest',
      '--retries',
      '0',
    );
    expect(code).toBe(1);
    const results = (JSON.parse(out) as { devices: DeviceResult[] }).devices;
    expect(results.map((r) => [r.device, r.ok, r.error?.code])).toEqual([
      [devices[0]!.name, true, undefined],
      [devices[1]!.name, true, undefined],
      [devices[2]!.name, true, undefined],
      [devices[3]!.name, false, 'AUTH_FAILED'],
      ['no-rest', false, 'INVENTORY_INVALID'],
      ['refused', false, 'CONNECT_REFUSED'],
      [eos.name, false, 'COMMAND_FAILED'],
    ]);
    // eAPI checks the enable secret the client sends, as a box with one configured does.
    expect(results.at(-1)!.error!.message).toMatch(/Error \[1005\]/);
  });
});
