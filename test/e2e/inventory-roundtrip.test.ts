/**
 * Every inventory format `up` writes, read back by `check --inventory`: a fleet of all four
 * platforms (labelled, serving SSH and REST) checks clean over SSH from each, and over REST from
 * the Ansible one, whose httpapi hosts are the same devices, not more; each device's NETCONF port
 * comes back where the fleet serves one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { loadInventory } from '../../client/inventory.js';
import { startTestFleet, type TestFleet } from '../../client/testing/test-fleet.js';
import { renderInventoryFiles, type InventoryFormat } from '../../simulator/fleet/inventory.js';
import { captureIO } from '../helpers.js';

const TOPOLOGY = join(import.meta.dirname, 'ansible', 'topology.yaml');
const dir = mkdtempSync(join(tmpdir(), 'labfleet-roundtrip-'));
let lab: TestFleet;

beforeAll(async () => {
  lab = await startTestFleet({ topology: TOPOLOGY, restPlain: true });
});
afterAll(() => lab?.stop());

async function check(inventory: string, transport: 'ssh' | 'rest') {
  const captured = captureIO();
  const code = await runCli(
    [
      'check',
      TOPOLOGY,
      '--inventory',
      inventory,
      '--transport',
      transport,
      '--format',
      'json',
      '--no-progress',
    ],
    captured.io,
  );
  return { code, report: JSON.parse(captured.out) as { ok: boolean; devices: { checked: number } } };
}

describe('check --inventory reads every inventory up writes', () => {
  it.each<[InventoryFormat, string, 'ssh' | 'rest']>([
    ['json', 'fleet.json', 'ssh'],
    ['csv', 'fleet.csv', 'ssh'],
    ['ansible', 'fleet.yaml', 'ssh'],
    ['nornir', 'hosts.yaml', 'ssh'],
    ['ansible', 'fleet-rest.yaml', 'rest'],
  ])('%s (%s) over %s: clean', async (format, file, transport) => {
    const path = join(dir, file);
    for (const f of renderInventoryFiles(lab.devices, format, path)) writeFileSync(f.path, f.text);
    const { code, report } = await check(path, transport);
    expect(report).toMatchObject({ ok: true, devices: { checked: 4 } });
    expect(code).toBe(0);
  });
});

describe('netconf_port survives every inventory format', () => {
  it.each<[InventoryFormat, string]>([
    ['json', 'netconf.json'],
    ['csv', 'netconf.csv'],
    ['ansible', 'netconf.yaml'],
    ['nornir', 'netconf-hosts.yaml'],
  ])('%s (%s)', async (format, file) => {
    const served = new Map(lab.devices.map((d) => [d.name, d.netconf_port]));
    // The fleet serves NETCONF where the platform has it: at least IOS-XE, on the picked port.
    expect(served.get('ios1')).toBe(lab.netconfPort);
    const path = join(dir, file);
    for (const f of renderInventoryFiles(lab.devices, format, path)) writeFileSync(f.path, f.text);
    const targets = await loadInventory(path);
    expect(new Map(targets.map((t) => [t.name, t.netconfPort]))).toEqual(served);
  });
});
