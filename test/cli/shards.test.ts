/**
 * The commands a sharded fleet adds, in-process: `inventory merge`, `check --inventory` given
 * several files, `check --collected`, and `up`'s pod-networking flags; bad input gets a located
 * error with a stable code, before anything starts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { loadInventories } from '../../client/inventory/merge.js';
import { checkCollected } from '../../client/check.js';
import { loadCollected } from '../../client/report/read-collected.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { advertiseDevices, parseAdvertiseHost } from '../../simulator/fleet/advertise.js';
import { describeFleetDevices } from '../../simulator/fleet/fleet-devices.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Endpoint } from '../../simulator/topology/model.js';
import { captureIO } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-shards-'));

function write(name: string, data: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2) + '\n');
  return file;
}

const device = (name: string, port: number) => ({
  name,
  platform: 'cisco_ios',
  model: 'CSR1000V',
  host: '127.0.0.1',
  port,
  username: 'admin',
  password: 'admin',
  secret: 'admin',
});

async function cli(args: string[]) {
  const captured = captureIO();
  const code = await runCli(args, captured.io);
  return { code, out: captured.out, err: captured.err };
}

describe('inventory merge', () => {
  const a = write('a.json', {
    control_url: 'http://127.0.0.1:1',
    devices: [device('R1', 2222), device('R2', 2223)],
  });
  const b = write('b.json', { devices: [device('R3', 2224)] });

  it('joins the files in the order given, each file’s devices in order, in any inventory format', async () => {
    const merged = join(dir, 'merged.json');
    const run = await cli(['inventory', 'merge', b, a, '-o', merged]);
    expect(run.code).toBe(0);
    const { devices } = JSON.parse(readFileSync(merged, 'utf8')) as { devices: Array<{ name: string }> };
    expect(devices.map((d) => d.name)).toEqual(['R3', 'R1', 'R2']);
    const csv = await cli(['inventory', 'merge', a, b, '--format', 'csv']);
    expect(
      csv.out
        .split('\n')
        .slice(1, 4)
        .map((l) => l.split(',')[0]),
    ).toEqual(['R1', 'R2', 'R3']);
  });

  it('refuses a device in two files, naming both places', async () => {
    const twice = write('twice.json', { devices: [device('R9', 1), device('r2', 2)] });
    const run = await cli(['inventory', 'merge', a, twice]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('[INVENTORY_INVALID]');
    expect(run.err).toMatch(
      /twice\.json:\d+:\d+: devices\[1\]\.name: device "r2" is also in .*a\.json \(\d+:\d+\)/,
    );
    await expect(loadInventories([a, twice])).rejects.toMatchObject({ code: 'INVENTORY_INVALID' });
  });

  it('refuses unreadable, invalid and non-JSON files, and unknown formats', async () => {
    expect((await cli(['inventory', 'merge', a, join(dir, 'nope.json')])).err).toContain('[FILE_UNREADABLE]');
    const bad = write('bad.json', {
      devices: [{ name: 'R7', platform: 'cisco_ios', host: '127.0.0.1', port: 'x' }],
    });
    const invalid = await cli(['inventory', 'merge', a, bad]);
    expect(invalid.err).toContain('[INVENTORY_INVALID]');
    expect(invalid.err).toMatch(/bad\.json:\d+:\d+/);
    const csv = write('c.csv', 'name,platform,host,port,username,password\nR8,cisco_ios,127.0.0.1,22,a,b\n');
    expect((await cli(['inventory', 'merge', a, csv])).err).toMatch(/c\.csv:1:1: .*JSON inventories/);
    expect((await cli(['inventory', 'merge', a, '--format', 'xml'])).err).toMatch(
      /valid: json, ansible, nornir, csv/,
    );
    expect((await cli(['inventory', 'merge', a, '--format', 'nornir'])).code).toBe(2);
  });
});

describe('check with several inventories and with --collected', () => {
  it('check --inventory given twice merges them (a device in both is refused)', async () => {
    const a = write('c1.json', { devices: [device('R1', 2222)] });
    const run = await cli(['check', 'routers-10', '--inventory', a, '--inventory', a]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/device "R1" is also earlier in this file|device "R1" is also in/);
  });

  it('check --collected: bad files are located REPORT_INVALID, a device in two files names both', async () => {
    const entry = (name: string) => ({
      device: name,
      platform: 'cisco_ios',
      host: 'h',
      port: 1,
      status: 'ok',
      ok: true,
      neighbors: [],
      seconds: 0.1,
    });
    const one = write('n1.json', { devices: [entry('R1')] });
    const two = write('n2.json', { devices: [entry('R1')] });
    const dup = await cli(['check', 'routers-10', '--collected', one, two]);
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(
      /n2\.json:\d+:\d+: devices\[0\]\.device: device "R1" is also in .*n1\.json:\d+:\d+/,
    );
    const broken = write('n3.json', '{"devices": [');
    expect((await cli(['check', 'routers-10', '--collected', broken])).err).toMatch(
      /n3\.json:1:\d+: .*not valid JSON/,
    );
    const wrong = write('n4.json', { devices: [{ ...entry('R2'), status: 'fine' }] });
    const status = await cli(['check', 'routers-10', '--collected', wrong]);
    expect(status.err).toContain('[REPORT_INVALID]');
    expect(status.err).toMatch(/n4\.json:\d+:\d+: devices\[0\]\.status/);
    expect((await cli(['check', 'routers-10', '--collected', join(dir, 'none.json')])).err).toContain(
      '[FILE_UNREADABLE]',
    );
    expect((await cli(['check', 'routers-10', '--collected', one, '--inventory', one])).err).toMatch(
      /drop --inventory/,
    );
  });

  it('verifies the union: a cable is verified only when both ends’ shards were collected', async () => {
    const topology = await loadTopology('routers-10');
    const doc = documentationFromTopology(topology);
    const neighbours = (name: string) =>
      topology.links
        .flatMap((l): Array<[Endpoint, Endpoint]> => [
          [l.a, l.b],
          [l.b, l.a],
        ])
        .filter(([local]) => local.node === name)
        .map(([local, remote]) => ({
          protocol: 'cdp',
          localInterface: local.interface,
          remoteDevice: remote.node,
          remoteInterface: remote.interface,
        }));
    const shard = (names: string[]) => ({
      devices: names.map((n) => ({
        device: n,
        platform: 'cisco_ios',
        host: 'h',
        port: 1,
        status: 'ok',
        ok: true,
        neighbors: neighbours(n),
        seconds: 0,
      })),
    });
    const first = write('s0.json', shard(['R1', 'R2', 'R3', 'R4', 'R5']));
    const second = write('s1.json', shard(['R6', 'R7', 'R8', 'R9', 'R10']));
    const both = checkCollected(await loadCollected([first, second]), doc);
    expect(both.report).toMatchObject({
      ok: true,
      cables: { documented: 15, verified: 15, unverifiable: 0 },
    });
    const alone = checkCollected(await loadCollected([first]), doc);
    expect(alone.report.ok).toBe(false);
    expect(alone.report.unverifiable.filter((u) => u.code === 'NOT_IN_INVENTORY')).toHaveLength(5);
  });
});

describe('up: pod networking flags', () => {
  it('refuses bad --bind-address, --advertise-host and --inventory-scope before starting', async () => {
    const run = (args: string[]) => cli(['up', 'routers-10', '--no-control', ...args]);
    expect((await run(['--bind-address', '10.0.0.5'])).err).toMatch(/needs --bind port/);
    expect((await run(['--bind', 'port', '--bind-address', 'pod'])).err).toMatch(/not an IPv4 address/);
    expect((await run(['--advertise-host', 'a b'])).err).toMatch(/not a host name/);
    expect((await run(['--inventory-scope', 'all'])).err).toMatch(/valid: shard .*fleet/);
    const fleetScope = await run(['--shard', '0/2', '--inventory-scope', 'fleet']);
    expect(fleetScope.code).toBe(2);
    expect(fleetScope.err).toMatch(/--advertise-host with \{shard\}/);
  });

  it('a shard’s fleet-wide inventory names every device at its shard’s host, on port first + topology index', async () => {
    const topology = await loadTopology('routers-10');
    const all = describeFleetDevices(topology, {
      bind: 'port',
      sshPort: 30000,
      restPort: 31000,
      netconfPort: 32000,
      bindAddress: '10.1.1.1',
    });
    const index = new Map(topology.nodes.map((n, i) => [n.name, i]));
    const listed = advertiseDevices(
      all,
      parseAdvertiseHost('--advertise-host', 'labfleet-{shard}.labfleet'),
      {
        indexOf: (name) => index.get(name)!,
        total: 10,
        count: 3,
      },
    );
    expect(listed.map((d) => `${d.name}@${d.host}:${d.port}`)).toEqual([
      'R1@labfleet-0.labfleet:30000',
      'R2@labfleet-0.labfleet:30001',
      'R3@labfleet-0.labfleet:30002',
      'R4@labfleet-1.labfleet:30003',
      'R5@labfleet-1.labfleet:30004',
      'R6@labfleet-1.labfleet:30005',
      'R7@labfleet-2.labfleet:30006',
      'R8@labfleet-2.labfleet:30007',
      'R9@labfleet-2.labfleet:30008',
      'R10@labfleet-2.labfleet:30009',
    ]);
    expect(listed[9]!.rest_url).toBe('https://labfleet-2.labfleet:31009');
  });
});
