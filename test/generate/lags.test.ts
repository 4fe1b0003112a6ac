/** Generated LAGs: leaf pairs' peer links and the racks' pair cables are bundled, and resolve as LAGs. */
import { describe, expect, it } from 'vitest';
import { generateLeafSpine, generateRacks, renderTopologyYaml } from '../../simulator/generate/index.js';
import { parseTopology } from '../../simulator/topology/load.js';

const lagged = (text: string) =>
  parseTopology(text)
    .links.filter((l) => l.lag)
    .map((l) => `${l.a.node}:${l.a.interface} ${l.b.node}:${l.b.interface} ${l.lag!.join('/')}`);

describe('generated LAGs', () => {
  it('leaf-spine bundles each leaf pair’s two peer links into LAG 1', () => {
    const links = lagged(renderTopologyYaml(generateLeafSpine({ spines: 2, leaves: 4, seed: 3 })));
    expect(links).toHaveLength(4);
    expect(links.map((l) => l.split(' ').map((e) => e.split(':')[0]))).toEqual([
      ['leaf1', 'leaf2', '1/1'],
      ['leaf1', 'leaf2', '1/1'],
      ['leaf3', 'leaf4', '1/1'],
      ['leaf3', 'leaf4', '1/1'],
    ]);
  });

  it('racks bundles the aggregation pair and every ToR pair, and nothing else', () => {
    const links = lagged(renderTopologyYaml(generateRacks({ racks: 2, perRack: 6, seed: 3 })));
    expect(links).toEqual([
      'agg1:HundredGigE1/0/49 agg2:HundredGigE1/0/49 1/1',
      'agg1:HundredGigE1/0/50 agg2:HundredGigE1/0/50 1/1',
      'r1-tor1:TenGigabitEthernet1/1/3 r1-tor2:TenGigabitEthernet1/1/3 1/1',
      'r1-tor1:TenGigabitEthernet1/1/4 r1-tor2:TenGigabitEthernet1/1/4 1/1',
      'r2-tor1:TenGigabitEthernet1/1/3 r2-tor2:TenGigabitEthernet1/1/3 1/1',
      'r2-tor1:TenGigabitEthernet1/1/4 r2-tor2:TenGigabitEthernet1/1/4 1/1',
    ]);
  });

  it('per-end numbers resolve to each end’s own LAG', () => {
    const topology = parseTopology(
      [
        'name: mixed',
        'nodes: { sw1: { kind: cisco_ios }, jx1: { kind: juniper_junos } }',
        'links:',
        '  - { endpoints: [sw1:Te1/1/1, jx1:xe-0/2/0], lag: [5, 0] }',
        '  - { endpoints: [sw1:Te1/1/2, jx1:xe-0/2/1], lag: [5, 0] }',
      ].join('\n'),
    );
    expect(topology.links.map((l) => l.lag)).toEqual([
      [5, 0],
      [5, 0],
    ]);
  });
});
