/**
 * A netlab topology file served as it is: four device types on three platforms, links in four of
 * netlab's syntaxes; the fleet names the ports netlab numbers, and `check` against the same file passes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type RunningFleet } from '../../client/testing/index.js';
import { runCaptured } from '../helpers.js';
import { NETLAB_LAB } from './netlab-lab.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-netlab-up-'));
const file = join(dir, 'topology.yml');
writeFileSync(file, NETLAB_LAB);

const run = runCaptured;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a netlab topology', () => {
  let lab: RunningFleet;
  beforeAll(async () => {
    lab = await startFleet(file, { freezeTime: true, commandLatencyMs: 0, rest: false, netconf: false });
  });
  afterAll(() => lab?.close());

  it('is served with the ports netlab numbers: per node, in link order, from the first ifindex', () => {
    expect(
      lab.topology.links.map((l) => `${l.a.node}:${l.a.interface} ${l.b.node}:${l.b.interface}`),
    ).toEqual([
      'e1:Ethernet1 e2:Ethernet1',
      'e1:Ethernet2 pe1:GigabitEthernet2',
      'pe1:GigabitEthernet3 n1:Ethernet1/5',
      'n1:Ethernet1/1 j1:ge-0/0/0',
      'j1:ge-0/0/1 e2:Ethernet2',
    ]);
    expect(Object.fromEntries(lab.topology.nodes.map((n) => [n.name, `${n.platform} ${n.model}`]))).toEqual({
      e1: 'arista_eos vEOS',
      e2: 'arista_eos vEOS',
      pe1: 'cisco_ios CSR1000V',
      n1: 'cisco_nxos N9K-C9300v',
      j1: 'juniper_junos vMX',
    });
  });

  it('passes `check` against the same file', async () => {
    const { code, out, err } = await run(
      'check',
      file,
      '--ssh-port',
      String(lab.inventory.sshPort),
      '--format',
      'json',
      '--no-progress',
    );
    expect(err).toBe('');
    const report = JSON.parse(out) as { ok: boolean; devices: { checked: number } };
    expect(report).toMatchObject({ ok: true, devices: { checked: 5 } });
    expect(code).toBe(0);
  });
});
