import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateRandom, renderTopologyYaml } from '../../simulator/generate/index.js';
import { loadTopology, parseTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { summarizeTopology, type Topology } from '../../simulator/topology/model.js';
import { TOPOLOGIES } from '../helpers.js';

function linkedNodes(topology: Topology): Set<string> {
  return new Set(topology.links.flatMap((l) => [l.a.node, l.b.node]));
}

describe('bundled topologies', () => {
  it('lab-100 is the default: 5 racks, 100 devices, 700+ cables, mostly IOS, every device cabled', async () => {
    const topology = await loadTopology();
    const summary = summarizeTopology(topology);
    expect(summary.name).toBe('lab-100');
    expect(summary.devices).toBe(100);
    expect(summary.links).toBeGreaterThanOrEqual(700);
    expect(new Set(topology.nodes.map((n) => n.labels.rack))).toEqual(new Set(['1', '2', '3', '4', '5']));
    expect(summary.kinds.cisco_ios).toBeGreaterThan(50);
    for (const kind of ['cisco_nxos', 'arista_eos', 'juniper_junos'])
      expect(summary.kinds[kind]).toBeGreaterThan(0);
    expect(linkedNodes(topology).size).toBe(100);
  });

  it('routers-10 is ten CSR1000V routers, every one cabled', async () => {
    const topology = await loadTopology('routers-10');
    expect(topology.nodes.map((n) => n.model)).toEqual(Array(10).fill('CSR1000V'));
    expect(linkedNodes(topology).size).toBe(10);
  });

  it('leaf-spine-500 is about 500 devices, every leaf on every spine', async () => {
    const topology = await loadTopology('leaf-spine-500');
    expect(topology.nodes).toHaveLength(500);
    const spines = topology.nodes.filter((n) => n.labels.role === 'spine').map((n) => n.name);
    for (const leaf of topology.nodes.filter((n) => n.labels.role === 'leaf')) {
      const peers = new Set(topology.links.filter((l) => l.a.node === leaf.name).map((l) => l.b.node));
      for (const spine of spines) expect(peers.has(spine), `${leaf.name} → ${spine}`).toBe(true);
    }
  });

  it('bundled files use full interface names only', () => {
    for (const name of ['lab-100', 'routers-10', 'leaf-spine-500']) {
      const text = readFileSync(join(TOPOLOGIES, `${name}.yaml`), 'utf8');
      const topology = parseTopology(text, name);
      for (const link of topology.links)
        for (const end of [link.a, link.b]) expect(text).toContain(`"${end.node}:${end.interface}"`);
    }
  });

  it('accepts JSON as well as YAML', () => {
    const json = JSON.stringify({
      name: 'json-lab',
      nodes: { R1: { model: 'CSR1000V' }, sw1: { kind: 'arista_eos', model: 'vEOS' } },
      links: [{ endpoints: ['R1:Gi2', 'sw1:Et1'] }],
    });
    const topology = parseTopology(json, 'lab.json');
    expect(topology.links[0]).toMatchObject({
      a: { node: 'R1', interface: 'GigabitEthernet2' },
      b: { node: 'sw1', interface: 'Ethernet1' },
    });
  });

  it('assigns management addresses in file order from the pool, skipping explicit ones', () => {
    const topology = parseTopology(
      'name: t\nmgmt: { pool: 127.120.5.0/24 }\nnodes:\n  a: {}\n  b: { mgmt: 127.120.5.1 }\n  c: {}\n',
    );
    expect(topology.nodes.map((n) => n.mgmtAddress)).toEqual(['127.120.5.2', '127.120.5.1', '127.120.5.3']);
  });

  it('validates a 10,000-device, 100,000-link topology', () => {
    const text = renderTopologyYaml(generateRandom({ nodes: 10_000, links: 100_000, seed: 7 }));
    const result = validateTopologyText(text, 'random-100k.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.topology?.links).toHaveLength(100_000);
  }, 120_000);

  it('reports at most 200 problems of a huge broken file and counts the rest', () => {
    const links = Array.from(
      { length: 500 },
      (_, i) => `  - endpoints: ["R1:Gi${i + 2}", "nope${i}:Gi2"]`,
    ).join('\n');
    const result = validateTopologyText(`name: t\nnodes: { R1: {} }\nlinks:\n${links}\n`);
    expect(result.diagnostics).toHaveLength(200);
    expect(result.diagnostics.length + result.omitted).toBeGreaterThanOrEqual(500);
  });
});
