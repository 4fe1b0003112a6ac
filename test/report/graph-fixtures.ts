/** Topologies and a drifted check for the drawing's tests and the bench: no fleet, results synthesized from the world. */
import type { CheckResult } from '../../client/check.js';
import type { DeviceResult } from '../../client/collect.js';
import { demoDrift } from '../../client/demo.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { verifyCabling } from '../../client/verify/verifier.js';
import { generateRacks, generateRandom, renderTopologyYaml } from '../../simulator/generate/index.js';
import { validateTopologyText } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { createWorld } from '../../simulator/topology/world.js';

export function racksTopology(racks: number, perRack: number): Topology {
  return validateTopologyText(renderTopologyYaml(generateRacks({ racks, perRack })), 'racks.yaml').topology!;
}

export function randomTopology(nodes: number, links: number): Topology {
  return validateTopologyText(renderTopologyYaml(generateRandom({ nodes, links, seed: 7 })), 'random.yaml')
    .topology!;
}

/**
 * A check of the topology with demoDrift applied: every device answers with its neighbours as the
 * drifted world has them, except `down`, which fails as an unreachable device would; `intruder`, when
 * given, answers too without being documented, with a cable to the first device.
 */
export function driftedCheck(
  topology: Topology,
  down: readonly string[] = [],
  intruder?: string,
): CheckResult {
  const world = createWorld(
    topology,
    demoDrift(topology, 'graph-test', (n) => !down.includes(n)),
  );
  const results: DeviceResult[] = topology.nodes.map((node) => {
    const base = {
      device: node.name,
      platform: node.platform,
      host: '127.0.0.1',
      port: 22,
      seconds: 0.01,
      attempts: 1,
      timeline: [],
    };
    if (down.includes(node.name))
      return {
        ...base,
        status: 'error',
        ok: false,
        error: { code: 'CONNECT_REFUSED', message: 'connection refused' },
      };
    const neighbors = world.cables.flatMap((c) =>
      [
        [c.a, c.b],
        [c.b, c.a],
      ]
        .filter(([local]) => local!.node === node.name)
        .map(([local, remote]) => ({
          protocol: 'cdp' as const,
          localInterface: local!.interface,
          remoteDevice: remote!.node,
          remoteInterface: remote!.interface,
        })),
    );
    return { ...base, status: 'ok', ok: true, neighbors };
  });
  if (intruder)
    results.push({
      device: intruder,
      platform: 'cisco_ios',
      host: '127.0.0.1',
      port: 22,
      status: 'ok',
      ok: true,
      seconds: 0.01,
      attempts: 1,
      timeline: [],
      neighbors: [
        {
          protocol: 'cdp',
          localInterface: 'GigabitEthernet1/0/1',
          remoteDevice: topology.nodes[0]!.name,
          remoteInterface: 'GigabitEthernet9/0/9',
        },
      ],
    });
  const documentation = documentationFromTopology(topology);
  const platforms = new Map(topology.nodes.map((n) => [n.name, n.platform]));
  const report = verifyCabling(documentation, results, (d) => platforms.get(d));
  return { report, results, documentation, timing: { seconds: 1, devices: results.length } };
}
