/**
 * `labfleet discover` against a running drifted lab-100 (the demo's drift: a swap, an unplugged
 * cable, an undocumented cable), through its inventory: the file written validates, holds the
 * cabling the simulator's world serves (not the documented one), and `check` against it passes.
 * The same fleet with one device faulted and one left out of the inventory gives their cables as
 * unresolved ends. One fleet for the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDrift } from '../../client/demo.js';
import type { Discovery } from '../../client/discover.js';
import { startFleet, type RunningFleet } from '../../client/testing/index.js';
import { DEFAULT_SEED } from '../../simulator/state/context.js';
import { loadTopology, validateTopologyText } from '../../simulator/topology/load.js';
import type { Endpoint } from '../../simulator/topology/model.js';
import { createWorld, type World } from '../../simulator/topology/world.js';
import { runCaptured } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-discover-'));
let lab: RunningFleet;
let world: World;

const run = runCaptured;

const end = (e: Endpoint) => `${e.node}:${e.interface}`.toLowerCase();
const pair = (a: string, b: string) => [a.toLowerCase(), b.toLowerCase()].sort().join(' ~ ');

/** The cables a topology file describes, as unordered `node:port` pairs. */
function cablesOf(text: string): Set<string> {
  const checked = validateTopologyText(text, 'discovered.yaml');
  expect(checked.diagnostics).toEqual([]);
  return new Set(checked.topology!.links.map((l) => pair(end(l.a), end(l.b))));
}

function writeInventory(name: string, skip: string[] = []): string {
  const file = join(dir, name);
  const devices = lab.inventory.devices.filter((d) => !skip.includes(d.name));
  writeFileSync(file, JSON.stringify({ devices }));
  return file;
}

beforeAll(async () => {
  const topology = await loadTopology('lab-100');
  world = createWorld(
    topology,
    demoDrift(topology, topology.seed ?? DEFAULT_SEED, () => true),
  );
  lab = await startFleet(topology, {
    world,
    rest: false,
    netconf: false,
    freezeTime: true,
    commandLatencyMs: 0,
  });
});
afterAll(async () => {
  await lab?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('labfleet discover against a drifted lab-100', () => {
  it('writes the drifted cabling, which validates and which check then passes', async () => {
    const inventory = writeInventory('inventory.json');
    const output = join(dir, 'lab.discovered.yaml');
    const { code, err } = await run('discover', '--inventory', inventory, '--output', output);
    expect(err).toMatch(
      /100 of 100 devices answered, 0 failed; wrote 100 devices and \d+ links \(0 seen from one end only\)/,
    );
    expect(code).toBe(0);
    const text = readFileSync(output, 'utf8');
    const served = new Set(world.cables.map((c) => pair(end(c.a), end(c.b))));
    const documented = new Set(world.topology.links.map((l) => pair(end(l.a), end(l.b))));
    expect(served).not.toEqual(documented);
    expect(cablesOf(text)).toEqual(served);
    // every model as documented, from show version; the copy moves off the fleet's addresses
    const discovered = validateTopologyText(text).topology!;
    expect(discovered.nodes.map((n) => [n.name, n.platform, n.model])).toEqual(
      world.topology.nodes.map((n) => [n.name, n.platform, n.model]),
    );
    expect(text).toContain('mgmt: { pool: "127.101.0.0/16" }');
    expect(text).toContain('  domain: "lab.example.com"');
    expect(text).toContain(`# Discovered by: labfleet discover --inventory ${inventory}\n`);

    // the same fleet discovered again: the same bytes
    const again = join(dir, 'again', 'lab.discovered.yaml');
    mkdirSync(dirname(again));
    expect((await run('discover', '--inventory', inventory, '--output', again)).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(text);

    const check = await run('check', output, '--inventory', inventory, '--format', 'json');
    expect(JSON.parse(check.out)).toMatchObject({ ok: true });
    expect(check.code).toBe(0);
  });

  it('lists the cables of a device that did not answer and of one not in the inventory as unresolved ends', async () => {
    const [faulted, missing] = ['r1-nx05', 'r2-ar06'];
    const inventory = writeInventory('partial.json', [missing]);
    const output = join(dir, 'partial.yaml');
    const fault = await lab.control.fault('auth-fail', { devices: [faulted] });
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run('discover', '--inventory', inventory, '--output', output, '--json');
    } finally {
      await lab.control.unfault(fault.id);
    }
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`did not answer: ${faulted} \\(AUTH_FAILED`));
    const listing = JSON.parse(result.out) as Discovery;
    expect(listing.failed.map((f) => f.device)).toEqual([faulted]);

    const gone = new Set([faulted, missing]);
    const touching = world.cables.filter((c) => gone.has(c.a.node) || gone.has(c.b.node));
    // each cable of theirs is seen from the end that answered, with why its far end is unresolved
    const expected = touching
      .filter((c) => !(gone.has(c.a.node) && gone.has(c.b.node)))
      .map((c) => {
        const [seer, far] = gone.has(c.a.node) ? [c.b, c.a] : [c.a, c.b];
        return `${end(seer)} ${far.node === faulted ? 'did not answer' : 'not in the inventory'}`;
      })
      .sort();
    const unresolved = listing.unresolved
      .map((u) => `${u.port.device}:${u.port.interface}`.toLowerCase() + ` ${u.reason}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(unresolved).toEqual(expected);
    expect(result.err).toMatch(
      /discover: unresolved: \S+ \S+ sees r2-ar06\.lab\.example\.com Ethernet\d+ \(not in the inventory\)/,
    );

    const rest = world.cables.filter((c) => !gone.has(c.a.node) && !gone.has(c.b.node));
    expect(cablesOf(readFileSync(output, 'utf8'))).toEqual(
      new Set(rest.map((c) => pair(end(c.a), end(c.b)))),
    );
  });
});
