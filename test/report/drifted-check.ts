/** A real check of a drifted fleet on loopback, for the HTML report tests and the bench. */
import { checkCabling, type CheckResult } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { demoDrift } from '../../client/demo.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { DEFAULT_SEED } from '../../simulator/state/context.js';
import type { Topology } from '../../simulator/topology/model.js';
import { createWorld, type DriftItem } from '../../simulator/topology/world.js';

/**
 * Serves `topology` with the demo's drift (a swap, an unplugged cable, an extra cable) over SSH on a
 * port the OS picks, checks it with every device at once, and stops the fleet.
 */
export async function checkDriftedFleet(
  topology: Topology,
  options: { latencyMs?: number; concurrency?: number } = {},
): Promise<{ check: CheckResult; drift: DriftItem[] }> {
  const drift = demoDrift(topology, topology.seed ?? DEFAULT_SEED, () => true);
  const fleet = await startFleet({
    topology,
    world: createWorld(topology, drift),
    sshPort: 0,
    rest: false,
    netconf: false,
    commandLatencyMs: options.latencyMs ?? 0,
  });
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
