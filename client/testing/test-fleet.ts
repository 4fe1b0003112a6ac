/**
 * A fleet for a user's own test suite: loopback, ports the OS picked, frozen time, the topology's
 * seed (1 when it names none) and no command latency, so test files run in parallel and assert
 * exact output.
 */
import { createServer, type Server } from 'node:net';
import { LabfleetError } from '../../simulator/errors.js';
import { startFleet, type Fleet, type FleetOptions } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { deviceAddresses } from '../../simulator/topology/addresses.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { targetsFromTopology } from '../inventory.js';
import type { Transport } from '../readers/types.js';
import type { Target } from '../target.js';

export interface TestFleetOptions extends Omit<FleetOptions, 'topology' | 'bind' | 'sshPort' | 'restPort'> {
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
  /** The served devices as the client's targets, for `checkCabling` or `collectAll`. */
  targets(transport?: Transport): Target[];
  stop(): Promise<void>;
}

/** How often to pick new ports when another program took the picked ones first. */
const ATTEMPTS = 5;

/**
 * Starts a fleet for tests. The fleet cannot listen on port 0 (its inventory names one port for
 * all), so the OS picks free ports first; a collision in between is retried with fresh ones.
 * Defaults, each overridable: `freezeTime: true`, `commandLatencyMs: 0` (pass `undefined` for the
 * topology's own latency).
 */
export async function startTestFleet(options: TestFleetOptions): Promise<TestFleet> {
  const topology =
    typeof options.topology === 'string' ? await loadTopology(options.topology) : options.topology;
  const host = deviceAddresses(topology)[0]?.host ?? '127.0.0.1';
  for (let attempt = 1; ; attempt++) {
    const [sshPort, restPort] = await pickFreePorts(host, 2);
    try {
      const fleet = await startFleet({
        freezeTime: true,
        commandLatencyMs: 0,
        ...options,
        topology,
        sshPort,
        restPort,
      });
      return describeTestFleet(fleet, topology, sshPort!, restPort!, options.restPlain);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isAddressInUse(error)) throw error;
    }
  }
}

function describeTestFleet(
  fleet: Fleet,
  topology: Topology,
  sshPort: number,
  restPort: number,
  restPlain = false,
): TestFleet {
  const served = new Set(fleet.devices.map((d) => d.name));
  return {
    fleet,
    topology,
    devices: fleet.devices,
    sshPort,
    restPort,
    targets: (transport = 'ssh') =>
      targetsFromTopology(topology, { sshPort, restPort, restPlain, transport }).filter((t) =>
        served.has(t.name),
      ),
    stop: () => fleet.stop(),
  };
}

/** Ports free on `host` right now, distinct from each other. */
async function pickFreePorts(host: string, count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen({ host, port: 0 }, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function isAddressInUse(error: unknown): boolean {
  return (
    error instanceof LabfleetError &&
    error.code === 'LISTEN_FAILED' &&
    (error.cause as { code?: string } | undefined)?.code === 'EADDRINUSE'
  );
}
