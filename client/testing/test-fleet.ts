/**
 * A fleet for a user's own test suite: loopback, ports the OS picked, frozen time, the topology's
 * seed (1 when it names none) and no command latency, so test files run in parallel and assert
 * exact output.
 */
import type { Fleet, FleetOptions } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import type { Topology } from '../../simulator/topology/model.js';
import type { Transport } from '../readers/types.js';
import type { Target } from '../target.js';
import { startFleet } from './start-fleet.js';

export interface TestFleetOptions extends Omit<
  FleetOptions,
  'topology' | 'bind' | 'sshPort' | 'restPort' | 'netconfPort'
> {
  /** A bundled topology's name (`lab-100`), a file path, or a loaded topology. */
  topology: string | Topology;
}

export interface TestFleet {
  fleet: Fleet;
  topology: Topology;
  /** Every served device, with where it listens and how to log in (what `up` writes as inventory). */
  devices: readonly InventoryDevice[];
  /** The SSH port every device listens on, each on its own loopback address. */
  sshPort: number;
  /** The REST port, likewise. */
  restPort: number;
  /** The NETCONF port, likewise. */
  netconfPort: number;
  /** The served devices as the client's targets, for `checkCabling` or `collectAll`. */
  targets(transport?: Transport): Target[];
  stop(): Promise<void>;
}

/**
 * `startFleet` for tests that want exact output, on ports the OS picks (port 0; the fleet lays every
 * device out from the first pick and retries a pick someone took meanwhile). Defaults, each overridable:
 * `freezeTime: true`, `commandLatencyMs: 0` (pass `undefined` for the topology's own latency).
 */
export async function startTestFleet(options: TestFleetOptions): Promise<TestFleet> {
  const { topology, ...rest } = options;
  const lab = await startFleet(topology, {
    freezeTime: true,
    commandLatencyMs: 0,
    ...rest,
    sshPort: 0,
    restPort: 0,
    netconfPort: 0,
  });
  const { sshPort, restPort, netconfPort } = lab.inventory;
  return {
    fleet: lab.fleet,
    topology: lab.topology,
    devices: lab.devices,
    sshPort,
    restPort,
    netconfPort,
    targets: lab.targets,
    stop: lab.close,
  };
}
