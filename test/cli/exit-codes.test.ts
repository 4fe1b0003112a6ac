/**
 * One test per exit code of the contract, run in-process: 0 success, 1 mismatches, 2 errors (130,
 * Ctrl-C, needs a signal: test/e2e/cli-interrupt.test.ts spawns the binary for it).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { FIXTURES, runCaptured } from '../helpers.js';

const run = runCaptured;

/** A drifted routers-10 fleet on a port the OS picks, so parallel test files do not collide. */
async function startDriftedFleet(): Promise<{ fleet: Fleet; port: number }> {
  const topology = await loadTopology('routers-10');
  const world = parseDrift(readFileSync(join(FIXTURES, 'check', 'routers-10-drift.yaml'), 'utf8'), topology);
  const fleet = await startFleet({ topology, world, rest: false, sshPort: 0, commandLatencyMs: 0 });
  return { fleet, port: fleet.sshPort };
}

const dir = mkdtempSync(join(tmpdir(), 'labfleet-exit-codes-'));

describe('exit 0: success', () => {
  it('validate of a bundled topology', async () => {
    const { code, err } = await run('validate', 'routers-10');
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('exit 1: mismatches found', () => {
  let started: { fleet: Fleet; port: number };
  beforeAll(async () => {
    started = await startDriftedFleet();
  });
  afterAll(() => started?.fleet.stop());

  it('check against a drifted fleet', async () => {
    const { code, out } = await run(
      'check',
      'routers-10',
      '--ssh-port',
      String(started.port),
      '--format',
      'json',
      '--no-progress',
    );
    const report = JSON.parse(out) as { ok: boolean; devices: { checked: number } };
    expect(report).toMatchObject({ ok: false, devices: { checked: 10 } });
    expect(code).toBe(1);
  });
});

describe('exit 2: usage, topology or connection-wide error', () => {
  it('an unknown option (commander usage error)', async () => {
    const { code } = await run('check', 'routers-10', '--no-such-option');
    expect(code).toBe(2);
  });

  it('an invalid option value is USAGE', async () => {
    const { code, err } = await run('check', 'routers-10', '--format', 'nope');
    expect(err).toMatch(/^labfleet: .*\[USAGE\]\n$/);
    expect(code).toBe(2);
  });

  it('an invalid topology is TOPOLOGY_INVALID, with its diagnostics', async () => {
    const { code, err } = await run('check', join(FIXTURES, 'invalid', 'dangling-endpoint.yaml'));
    expect(err).toMatch(/^labfleet: .*\[TOPOLOGY_INVALID\]\n/);
    expect(err).toContain('[ENDPOINT_NODE_UNKNOWN]');
    expect(code).toBe(2);
  });

  it.each([
    ['a document of the wrong shape', 'shape.json', '{"hosts": []}'],
    ['malformed JSON', 'syntax.json', '{"devices": ['],
    ['a device without a platform', 'platform.json', '{"devices": [{"name": "R1", "host": "127.0.0.1"}]}'],
  ])('check --inventory with %s is the ClientError INVENTORY_INVALID', async (_what, name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const { code, err } = await run('check', '--inventory', file, '--no-progress');
    expect(err).toMatch(/^labfleet: .*\[INVENTORY_INVALID\]\n/);
    expect(err).toMatch(new RegExp(`\\n${file}:\\d+:\\d+: `));
    expect(err).not.toContain('unexpected error');
    expect(code).toBe(2);
  });

  it.each([
    ['a CSV with a bad platform cell', 'platform.csv', 'name,platform,host\nR1,ios-xe,127.0.0.1\n', '2:4'],
    [
      'a CSV with a bad rest_url',
      'rest.csv',
      'name,platform,host,rest_url\nR1,cisco_ios,h,ftp://h\n',
      '2:16',
    ],
    ['a CSV with no devices', 'empty.csv', 'name,platform,host\n', '1:1'],
    ['malformed Ansible YAML', 'broken.yaml', 'all:\n  hosts:\n    R1: {ansible_host: [\n', '4:1'],
    ['an Ansible host that is not a mapping', 'host.yaml', 'all:\n  hosts:\n    R1: 5\n', '3:9'],
    [
      'Nornir hosts naming a group that is not defined',
      'hosts.yaml',
      'R1:\n  hostname: h\n  platform: ios\n  groups: [spine]\n',
      '4:12',
    ],
    ['a file of no inventory format', 'binary.json', '\u00ff\u00fe{', '1:1'],
  ])('check --inventory with %s is INVENTORY_INVALID at its place', async (_what, name, text, at) => {
    const sub = mkdtempSync(join(dir, 'inventory-'));
    const file = join(sub, name);
    writeFileSync(file, text);
    const { code, err } = await run('check', '--inventory', file, '--no-progress');
    expect(err).toMatch(/^labfleet: .*\[INVENTORY_INVALID\]\n/);
    expect(err).toContain(`\n${file}:${at}: `);
    expect(code).toBe(2);
  });

  it.each([
    ['missing', (file: string) => file],
    ['a directory', (file: string) => (mkdirSync(file), file)],
  ])('check --inventory naming a file that is %s is FILE_UNREADABLE, naming it', async (_what, make) => {
    const file = make(join(mkdtempSync(join(dir, 'unreadable-')), 'inventory.yaml'));
    const { code, err } = await run('check', '--inventory', file, '--no-progress');
    expect(err).toMatch(new RegExp(`^labfleet: cannot read inventory ${file}: .*\\[FILE_UNREADABLE\\]\\n$`));
    expect(code).toBe(2);
  });

  it('collect of a target it does not know is USAGE, naming the valid ones', async () => {
    const { code, err } = await run('collect', 'lldpp', 'routers-10');
    expect(err).toMatch(/^labfleet: collect: unknown target "lldpp".*valid: arp, cdp, lldp, .*\[USAGE\]\n$/);
    expect(code).toBe(2);
  });

  it('a malformed containerlab documentation is DOCUMENTATION_INVALID', async () => {
    const file = join(dir, 'broken.clab.yml');
    writeFileSync(file, 'topology: [\n');
    const { code, err } = await run('check', 'routers-10', '--doc', file, '--ssh-port', '1', '--no-progress');
    expect(err).toMatch(/^labfleet: .*\[DOCUMENTATION_INVALID\]\n/);
    expect(err).toMatch(new RegExp(`\\n${file}:\\d+:\\d+: `));
    expect(code).toBe(2);
  });
});
