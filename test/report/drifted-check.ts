/** A drifted fleet on loopback, and a real check of it, for the HTML report tests and the bench. */
import { checkCabling, type CheckResult } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { demoDrift } from '../../client/demo.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { DEFAULT_SEED } from '../../simulator/state/context.js';
import type { Topology } from '../../simulator/topology/model.js';
import { createWorld, type DriftItem } from '../../simulator/topology/world.js';

/** Serves `topology` with the demo's drift (a swap, an unplugged cable, an extra cable) over SSH on a port the OS picks. */
export async function startDriftedFleet(
  topology: Topology,
  latencyMs = 0,
): Promise<{ fleet: Fleet; drift: DriftItem[] }> {
  const drift = demoDrift(topology, topology.seed ?? DEFAULT_SEED, () => true);
  const fleet = await startFleet({
    topology,
    world: createWorld(topology, drift),
    sshPort: 0,
    rest: false,
    netconf: false,
    commandLatencyMs: latencyMs,
  });
  return { fleet, drift };
}

/** Checks a drifted fleet of `topology` with many devices at once, and stops the fleet. */
export async function checkDriftedFleet(
  topology: Topology,
  options: { latencyMs?: number; concurrency?: number } = {},
): Promise<{ check: CheckResult; drift: DriftItem[] }> {
  const { fleet, drift } = await startDriftedFleet(topology, options.latencyMs);
  try {
    const targets = targetsFromTopology(topology, { sshPort: fleet.sshPort });
    const check = await checkCabling(targets, documentationFromTopology(topology), {
      ...DEFAULT_COLLECT_OPTIONS,
      concurrency: options.concurrency ?? targets.length,
    });
    return { check, drift };
  } finally {
    await fleet.stop();
  }
}
