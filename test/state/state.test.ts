import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createStateContext,
  deriveDeviceState,
  renderMacDotted,
  type DeviceState,
} from '../../simulator/state/index.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { createWorld } from '../../simulator/topology/world.js';
import { loadTopology, readTopologySync } from '../../simulator/topology/load.js';
import { expectGolden, FIXTURES, ROOT } from '../helpers.js';

const driftLab = readTopologySync(join(FIXTURES, 'drift', 'lab.yaml'));
const driftWorld = parseDrift(readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8'), driftLab);

/** State as JSON, MACs in Cisco notation so goldens read like device output. */
function stateJson(states: DeviceState[]): string {
  return (
    JSON.stringify(
      states,
      (key, value: unknown) =>
        /mac$/i.test(key) && typeof value === 'number' ? renderMacDotted(value) : value,
      2,
    ) + '\n'
  );
}

describe('derived device state', () => {
  it('golden: routers-10 with its own seed', async () => {
    const topology = await loadTopology('routers-10');
    const ctx = createStateContext(createWorld(topology));
    expect(ctx.seed).toBe(10);
    expectGolden(
      'state/routers-10.json',
      stateJson(topology.nodes.map((n) => deriveDeviceState(ctx, n.name))),
    );
  });

  it('golden: the drift lab with drift applied, seed 42', () => {
    const ctx = createStateContext(driftWorld, 42);
    expectGolden(
      'state/drift-lab-42.json',
      stateJson(driftLab.nodes.map((n) => deriveDeviceState(ctx, n.name))),
    );
  });

  it('golden: one lab-100 device of each kind', async () => {
    const topology = await loadTopology('lab-100');
    const ctx = createStateContext(createWorld(topology));
    const picks = ['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos'].map((p) =>
      topology.nodes.find((n) => n.platform === p && n.labels.role === 'lab')!,
    );
    expectGolden('state/lab-100-kinds.json', stateJson(picks.map((n) => deriveDeviceState(ctx, n.name))));
  });

  it('is a function of seed and name only: order and repetition change nothing', async () => {
    const topology = await loadTopology('lab-100');
    const forward = createStateContext(createWorld(topology), 'abc');
    const backward = createStateContext(createWorld(topology), 'abc');
    const names = topology.nodes.map((n) => n.name);
    const a = names.map((n) => stateJson([deriveDeviceState(forward, n)]));
    const b = [...names]
      .reverse()
      .map((n) => stateJson([deriveDeviceState(backward, n)]))
      .reverse();
    expect(b).toEqual(a);
    expect(stateJson([deriveDeviceState(forward, names[7]!)])).toBe(a[7]);
  });

  it('a different seed gives different serials, MACs and memory', () => {
    const one = deriveDeviceState(createStateContext(driftWorld, 1), 'R1');
    const two = deriveDeviceState(createStateContext(driftWorld, 2), 'R1');
    expect(two.serial).not.toBe(one.serial);
    expect(two.baseMac).not.toBe(one.baseMac);
    expect(two.memory.usedBytes).not.toBe(one.memory.usedBytes);
    expect(two.interfaces.map((i) => i.name)).toEqual(one.interfaces.map((i) => i.name));
  });

  it('neighbours follow the actual (drifted) wiring, and only where both ends speak the protocol', () => {
    const ctx = createStateContext(driftWorld, 3);
    const r1 = deriveDeviceState(ctx, 'R1');
    const heard = (s: DeviceState, protocol: string) =>
      s.neighbors
        .filter((n) => n.protocol === protocol)
        .map((n) => `${n.localInterface}>${n.hostname}:${n.remoteInterface}`);
    expect(heard(r1, 'cdp')).toEqual([
      'GigabitEthernet2>R2:GigabitEthernet2',
      'GigabitEthernet3>R4:GigabitEthernet2',
      'GigabitEthernet4>R3:GigabitEthernet2',
    ]);
    const sw1 = deriveDeviceState(ctx, 'sw1');
    expect(heard(sw1, 'cdp')).toEqual([]); // EOS has no CDP
    expect(heard(sw1, 'lldp')).toEqual(['Ethernet1>R5:GigabitEthernet3', 'Ethernet2>R5:GigabitEthernet6']);
    // descriptions keep naming the documented peer
    expect(r1.interfaces.find((i) => i.name === 'GigabitEthernet3')?.documentedPeer).toEqual({
      node: 'R3',
      interface: 'GigabitEthernet2',
    });
  });

  it('ARP resolves a peer only where the cable joins the documented /31', () => {
    const ctx = createStateContext(driftWorld, 3);
    const r1 = deriveDeviceState(ctx, 'R1');
    const r2 = deriveDeviceState(ctx, 'R2');
    const learnt = r1.arp.filter(
      (e) =>
        e.ageMinutes !== undefined &&
        e.interface.startsWith('GigabitEthernet') &&
        e.interface !== 'GigabitEthernet1',
    );
    const r2Gi2 = r2.interfaces.find((i) => i.name === 'GigabitEthernet2')!;
    expect(learnt).toEqual([
      expect.objectContaining({ interface: 'GigabitEthernet2', address: r2Gi2.address!.ip, mac: r2Gi2.mac }),
    ]);
    expect(
      r1.arp
        .filter((e) => e.ageMinutes === undefined)
        .map((e) => e.interface)
        .sort(),
    ).toEqual(['GigabitEthernet1', 'GigabitEthernet2', 'GigabitEthernet3', 'GigabitEthernet4']);
  });

  it('NX-OS advertises name(serial) in CDP; domains are appended for others', async () => {
    const topology = await loadTopology('lab-100');
    const ctx = createStateContext(createWorld(topology));
    const nxos = topology.nodes.find((n) => n.platform === 'cisco_nxos')!;
    const nxState = deriveDeviceState(ctx, nxos.name);
    const entry = topology.links.find((l) => l.a.node === nxos.name || l.b.node === nxos.name)!;
    const other = entry.a.node === nxos.name ? entry.b.node : entry.a.node;
    const heardFromNx = deriveDeviceState(ctx, other).neighbors.find(
      (n) => n.hostname === nxos.name && n.protocol === 'cdp',
    );
    expect(heardFromNx?.deviceId).toBe(`${nxos.name}(${nxState.serial})`);
    expect(nxState.neighbors.find((n) => n.protocol === 'cdp')?.deviceId).toMatch(/\.lab\.example\.com$/);
  });

  it('product code never uses Math.random', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && readFileSync(path, 'utf8').includes('Math.random'))
          offenders.push(path);
      }
    };
    walk(join(ROOT, 'simulator'));
    walk(join(ROOT, 'client'));
    expect(offenders).toEqual([]);
  });
});

describe('memory over time', () => {
  it('moves from minute to minute, and is the same at the same time', async () => {
    const { memoryAt } = await import('../../simulator/state/memory.js');
    const base = deriveDeviceState(createStateContext(driftWorld, 5), 'R1').memory;
    expect(memoryAt(base, 5, 'R1', 30)).toBe(base);
    const later = memoryAt(base, 5, 'R1', 600);
    expect(later.usedBytes).not.toBe(base.usedBytes);
    expect(memoryAt(base, 5, 'R1', 630)).toEqual(later);
    for (const pool of later.pools) expect(pool.used + pool.free).toBe(pool.total);
  });
});
