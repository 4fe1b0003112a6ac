/** `check --format junit` of a drifted lab: failing test cases exactly at the drifted cables. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { demoDrift } from '../../client/demo.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { renderReport } from '../../client/report/index.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Endpoint, Topology } from '../../simulator/topology/model.js';
import { createWorld } from '../../simulator/topology/world.js';
import { expectCountsAddUp, parseWithPython } from '../report/junit-parse.js';

describe('JUnit report of a drifted lab', () => {
  let fleet: Fleet;
  let topology: Topology;
  let drift: ReturnType<typeof demoDrift>;
  beforeAll(async () => {
    topology = await loadTopology('routers-10');
    drift = demoDrift(topology, topology.seed ?? 1, () => true);
    fleet = await startFleet({
      topology,
      world: createWorld(topology, drift),
      rest: false,
      netconf: false,
      sshPort: 0,
      commandLatencyMs: 0,
      freezeTime: true,
    });
  });
  afterAll(() => fleet?.stop());

  it('fails exactly the drifted cables, documented and seen', async () => {
    const targets = targetsFromTopology(topology, { sshPort: fleet.sshPort });
    const check = await checkCabling(targets, documentationFromTopology(topology), {
      ...DEFAULT_COLLECT_OPTIONS,
      retries: 0,
    });
    const parsed = parseWithPython(renderReport(check, 'junit'));
    expectCountsAddUp(parsed);
    expect(parsed.tests).toBe(topology.links.length + 3); // the swap's two new cables, the added one
    const pair = (a: Endpoint, b: Endpoint) =>
      [`${a.node} ${a.interface}`, `${b.node} ${b.interface}`]
        .map((s) => s.toLowerCase())
        .sort()
        .join(' | ');
    const linkAt = (end: Endpoint) =>
      topology.links.find((l) =>
        [l.a, l.b].some((e) => e.node === end.node && e.interface === end.interface),
      )!;
    const peerOf = (end: Endpoint) => {
      const link = linkAt(end);
      return link.a.node === end.node && link.a.interface === end.interface ? link.b : link.a;
    };
    const expected: string[] = [];
    for (const item of drift) {
      if (item.op === 'swap') {
        const [p, q] = item.ports;
        expected.push(pair(p, peerOf(p)), pair(q, peerOf(q)), pair(p, peerOf(q)), pair(q, peerOf(p)));
      } else if (item.op === 'unplug') expected.push(pair(linkAt(item.port).a, linkAt(item.port).b));
      else if (item.op === 'add') expected.push(pair(item.ports[0], item.ports[1]));
    }
    const failing = parsed.suites
      .flatMap((s) => s.cases)
      .filter((c) => c.failure !== undefined || c.error !== undefined)
      .map((c) => {
        const [a, b] = c.name.replace(/ \(not documented\)$/, '').split(' <-> ');
        return [a!, b!]
          .map((s) => s.toLowerCase())
          .sort()
          .join(' | ');
      });
    expect(failing.sort()).toEqual(expected.sort());
    for (const suite of parsed.suites)
      for (const c of suite.cases)
        expect(c.name.toLowerCase().startsWith(`${suite.name.toLowerCase()} `)).toBe(true);
  });
});
