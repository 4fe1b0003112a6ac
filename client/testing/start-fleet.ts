/**
 * A fleet for a test suite in one call: `await startFleet('lab-100')` listens on loopback on
 * ports the OS picked (so parallel test files never collide), and hands back the inventory `up`
 * would write, the client's targets, the control operations (`labfleet ctl`'s: unplug, patch,
 * swap, move, fault, reset …) and `close()`. `await using lab = await startFleet(…)` closes it
 * at the end of the block.
 */
import { startFleet as startSimulator, type Fleet, type FleetOptions } from '../../simulator/fleet/fleet.js';
import type { DeviceStatus, FaultStatus, RawDriftItem } from '../../simulator/fleet/control.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import type { FaultKind, RawFaultSpec } from '../../simulator/topology/faults.js';
import { loadTopology, parseTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { targetsFromTopology } from '../inventory.js';
import type { Transport } from '../readers/types.js';
import type { Target } from '../target.js';

/** A bundled topology's name (`lab-100`), a file path, a loaded Topology, or an object shaped like a topology file. */
export type FleetTopology = string | Topology | Record<string, unknown>;

/**
 * `startFleet`'s options: the simulator's, without the topology. Defaults differ from `up` in the
 * ports only: `sshPort`, `restPort` and `netconfPort` are 0 (the OS picks). Time runs and commands
 * take the topology's latency, as under `up`; pass `freezeTime: true, commandLatencyMs: 0` for
 * byte-identical, instant output (what `startTestFleet` does).
 */
export type StartFleetOptions = Omit<FleetOptions, 'topology' | 'telemetry'> & {
  /**
   * Also serve the control API (what `up` serves: HTTP, Prometheus metrics, OpenAPI) and set
   * `controlUrl`: `true` for 127.0.0.1 on a port the OS picks, or where and with which token.
   */
  control?: boolean | { host?: string; port?: number; token?: string };
};

/** The inventory `up --inventory` writes (`{"devices": […]}`), with the ports the fleet listens on. */
export interface FleetInventory {
  devices: InventoryDevice[];
  /** The first device's SSH port: what `check --ssh-port` takes. */
  sshPort: number;
  restPort: number;
  netconfPort: number;
}

/** Which devices a fault holds, and how it behaves: the control API's fault request without `kind`. */
export type FaultOptions = Omit<RawFaultSpec, 'kind'>;

/** A drift change applied: how many items, and the devices whose neighbours changed. */
export interface DriftApplied {
  applied: number;
  affected: string[];
}

/**
 * The control API's operations, in process. Ports are `device:interface` (`R1:GigabitEthernet2`,
 * short names accepted). A rejected change applies nothing and throws a LabfleetError
 * (DRIFT_INVALID, FAULT_INVALID, DEVICE_UNKNOWN, FAULT_UNKNOWN).
 */
export interface FleetControlOperations {
  /** Pulls the cable out of a port (both ends lose the neighbour). */
  unplug(port: string): DriftApplied;
  /** Plugs a new cable between two free ports. */
  patch(a: string, b: string): DriftApplied;
  /** Swaps the cables of two ports. */
  swap(a: string, b: string): DriftApplied;
  /** Moves the cable of one port to another, free port. */
  move(from: string, to: string): DriftApplied;
  /** Applies a fault to the named devices or a seeded fraction; resolves with its id and devices. */
  fault(kind: FaultKind, options: FaultOptions): Promise<FaultStatus>;
  /** Lifts one fault by id. */
  unfault(id: string): Promise<FaultStatus>;
  /** Lifts every fault; resolves with how many there were. */
  clear(): Promise<number>;
  /** Back to how the fleet started: its wiring (topology and `world`), its start faults, nothing since. */
  reset(): Promise<void>;
  /** Every device: availability, vty lines in use, counters, faults. */
  status(): DeviceStatus[];
  /** The drift in force, as drift files write it. */
  drift(): RawDriftItem[];
  /** The faults in force. */
  faults(): FaultStatus[];
}

export interface RunningFleet extends AsyncDisposable {
  topology: Topology;
  /** What `up --inventory` writes, plus the ports. */
  inventory: FleetInventory;
  /** Every served device (the inventory's devices). */
  devices: readonly InventoryDevice[];
  /** The served devices as the client's targets, for `checkCabling` or `collectAll`. Default ssh. */
  targets: (transport?: Transport) => Target[];
  control: FleetControlOperations;
  /** The control API's base URL, when started with `control` (else undefined). */
  controlUrl?: string;
  /** The simulator's fleet itself, for what the above does not cover. */
  fleet: Fleet;
  /** Stops every listener, connection and timer. Safe to call again; needs no `this`. */
  close: () => Promise<void>;
}

/** Starts a fleet for a test suite; see `StartFleetOptions` for the defaults. */
export async function startFleet(
  topology: FleetTopology,
  options: StartFleetOptions = {},
): Promise<RunningFleet> {
  const loaded = await topologyOf(topology);
  const { control: serveControl, ...fleetOptions } = options;
  // Loaded only when asked for: a suite that steers in process carries none of its weight.
  const api = serveControl ? await import('../../simulator/control/index.js') : undefined;
  const metrics = api?.createFleetMetrics();
  const fleet = await startSimulator({
    sshPort: 0,
    restPort: 0,
    netconfPort: 0,
    ...fleetOptions,
    ...(metrics ? { telemetry: metrics.telemetry } : {}),
    topology: loaded,
  });
  let server: { url: string; close(): Promise<void> } | undefined;
  try {
    if (api && metrics)
      server = await api.startControlServer(fleet, {
        ...(typeof serveControl === 'object' ? serveControl : {}),
        metrics,
      });
  } catch (error) {
    await fleet.stop();
    throw error;
  }
  return describeFleet(fleet, loaded, options, server);
}

async function topologyOf(topology: FleetTopology): Promise<Topology> {
  if (typeof topology === 'string') return loadTopology(topology);
  if (isTopology(topology)) return topology;
  // A plain object is read as a topology file is (JSON is YAML), and validated the same way.
  return parseTopology(JSON.stringify(topology, null, 2), '<inline>');
}

function isTopology(value: FleetTopology): value is Topology {
  return typeof value === 'object' && (value as Partial<Topology>).nodeByName instanceof Map;
}

function describeFleet(
  fleet: Fleet,
  topology: Topology,
  options: StartFleetOptions,
  server?: { url: string; close(): Promise<void> },
): RunningFleet {
  const { sshPort, restPort, netconfPort } = fleet;
  const served = new Set(fleet.devices.map((d) => d.name));
  const control = fleet.control;
  let closing: Promise<void> | undefined;
  // The control API first, as `up` does: nothing steers a fleet that is stopping.
  const close = () =>
    (closing ??= (async () => {
      await server?.close();
      await fleet.stop();
    })());
  const drift = (item: RawDriftItem) => control.applyDrift([item]);
  return {
    topology,
    inventory: { devices: [...fleet.devices], sshPort, restPort, netconfPort },
    devices: fleet.devices,
    targets: (transport = 'ssh') =>
      targetsFromTopology(topology, {
        ...(options.bind ? { bind: options.bind } : {}),
        sshPort,
        restPort,
        netconfPort,
        restPlain: options.restPlain ?? false,
        transport,
      }).filter((t) => served.has(t.name)),
    control: {
      unplug: (port) => drift({ unplug: port }),
      patch: (a, b) => drift({ add: [a, b] }),
      swap: (a, b) => drift({ swap: [a, b] }),
      move: (from, to) => drift({ move: { from, to } }),
      fault: (kind, faultOptions) => control.addFault({ ...faultOptions, kind }),
      unfault: (id) => control.removeFault(id),
      clear: () => control.clearFaults(),
      reset: () => control.reset(),
      status: () => control.devices(),
      drift: () => control.drift(),
      faults: () => control.faults(),
    },
    ...(server ? { controlUrl: server.url } : {}),
    fleet,
    close,
    [Symbol.asyncDispose]: close,
  };
}
