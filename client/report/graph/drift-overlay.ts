/**
 * What `check` would find in a lab drifted this way, without starting it: every device reports, as
 * its CDP/LLDP neighbours, the far end of each cable the drifted world has at its ports (when both
 * ends run a protocol in common), and the verifier compares that with the topology's documentation.
 */
import type { Topology } from '../../../simulator/topology/model.js';
import { createWorld, type DriftItem } from '../../../simulator/topology/world.js';
import type { CheckResult } from '../../check.js';
import type { DeviceResult } from '../../collect.js';
import type { ObservedNeighbor } from '../../drivers/types.js';
import { documentationFromTopology } from '../../verify/documentation.js';
import { verifyCabling } from '../../verify/verifier.js';

/** A check of the drifted world, as if every device had answered at once (timing zero). */
export function checkDrifted(topology: Topology, drift: readonly DriftItem[]): CheckResult {
  const world = createWorld(topology, [...drift]);
  const heard = new Map<string, ObservedNeighbor[]>(topology.nodes.map((n) => [n.name, []]));
  for (const cable of world.cables) {
    const a = topology.nodeByName.get(cable.a.node)!;
    const b = topology.nodeByName.get(cable.b.node)!;
    const protocol = (['cdp', 'lldp'] as const).find((p) => a.protocols[p] && b.protocols[p]);
    if (!protocol) continue;
    heard.get(a.name)!.push({
      protocol,
      localInterface: cable.a.interface,
      remoteDevice: b.name,
      remoteInterface: cable.b.interface,
    });
    heard.get(b.name)!.push({
      protocol,
      localInterface: cable.b.interface,
      remoteDevice: a.name,
      remoteInterface: cable.a.interface,
    });
  }
  const results: DeviceResult[] = topology.nodes.map((n) => ({
    device: n.name,
    platform: n.platform,
    host: n.mgmtAddress,
    port: 0,
    status: 'ok',
    ok: true,
    neighbors: heard.get(n.name)!,
    seconds: 0,
    attempts: 1,
    timeline: [],
  }));
  const documentation = documentationFromTopology(topology);
  const report = verifyCabling(documentation, results, (device) => topology.nodeByName.get(device)?.platform);
  return { report, results, documentation, timing: { seconds: 0, devices: results.length } };
}
