/**
 * Steering a running fleet: drift applied and undone at runtime, faults applied and lifted, a reset
 * to how the fleet started, and what every device is doing. The control API (simulator/control),
 * `labfleet ctl` and a test suite's `startFleet` all go through this one object.
 *
 * A change is checked whole before anything is applied: a rejected request changes nothing.
 * Wiring changes invalidate only the devices whose ports (or whose peers' ports) they touch; each
 * device derives its state again on its next command, and logs the link going down or up.
 */
import { LabfleetError } from '../errors.js';
import type { ActiveFault } from '../device/faults.js';
import type { Availability, DeviceRuntime } from '../device/runtime.js';
import type { Protocol, ProtocolCounters } from '../device/stats.js';
import type { Timers } from '../device/timers.js';
import type { StateContext } from '../state/index.js';
import { createRng } from '../state/random.js';
import { validateDriftText, type RawDrift } from '../topology/drift.js';
import { FaultSpecSchema, resolveFaultSpec, type FaultKind, type FaultParams } from '../topology/faults.js';
import { parseInterfaceName } from '../topology/interfaces.js';
import { getKind } from '../topology/kinds/index.js';
import { endpointKey, type Endpoint, type Topology } from '../topology/model.js';
import { renderPath, type PathSegment } from '../topology/source.js';
import type { DriftItem, World } from '../topology/world.js';

/** A drift item as written in drift files and control requests (ports as "node:interface"). */
export type RawDriftItem = RawDrift['drift'][number];

/** A fault as the control reports it: one spec, the devices it holds, when it lifts. */
export interface FaultStatus {
  id: string;
  kind: FaultKind;
  devices: string[];
  params: FaultParams;
  /** ms since the epoch (the fleet's clock). */
  since: number;
  until?: number;
}

export interface DeviceStatus {
  name: string;
  platform: string;
  availability: Availability;
  /** vty lines in use (SSH and NETCONF sessions). */
  vtyLines: number;
  /** Per protocol: sessions open now and what was served. */
  counters: Partial<Record<Protocol, ProtocolCounters>>;
  /** Kinds of the faults in force. */
  faults: FaultKind[];
}

/** What control needs from the fleet's listeners and servers. */
export interface DevicePorts {
  /** Stops listening on every port of the device (new connections are refused). */
  close(device: DeviceRuntime): Promise<void>;
  /** Listens again on every port of the device. */
  open(device: DeviceRuntime): Promise<void>;
  /** Drops every connection the device has (SSH, NETCONF and REST). */
  drop(device: DeviceRuntime): void;
}

export interface FleetControl {
  /** Every served device, in topology order. */
  devices(): DeviceStatus[];
  /** One device; DEVICE_UNKNOWN when the fleet does not serve it. */
  device(name: string): DeviceStatus;
  /** The drift in force (from `up --drift` and applied since), as drift files write it. */
  drift(): RawDriftItem[];
  /**
   * Applies drift items in order, all or none: DRIFT_INVALID (diagnostics name the item and field)
   * and nothing applied when one is not valid or does not fit the cabling as it stands.
   */
  applyDrift(items: readonly unknown[]): { applied: number; affected: string[] };
  /** The faults in force. */
  faults(): FaultStatus[];
  /**
   * Applies a fault to named devices or a seeded fraction: FAULT_INVALID (what is wrong, what is
   * valid) or DEVICE_UNKNOWN, and nothing applied, when it cannot be.
   */
  addFault(raw: unknown): Promise<FaultStatus>;
  /** Lifts one fault; FAULT_UNKNOWN when no fault has this id. */
  removeFault(id: string): Promise<FaultStatus>;
  /** Lifts every fault; resolves with how many there were. */
  clearFaults(): Promise<number>;
  /** Back to the wiring the fleet started with (the topology and `up --drift`); faults stay in force. */
  clearDrift(): { removed: number; affected: string[] };
  /**
   * Back to how the fleet started: the wiring it started with (the topology and `up --drift`),
   * every fault lifted, then the faults it started with (`startWith`) applied again.
   */
  reset(): Promise<void>;
  /** Applies the faults the fleet starts with (the topology's, an overlay's); `reset` applies them again. */
  startWith(faults: readonly unknown[]): Promise<FaultStatus[]>;
  /** Stops every flap and reboot timer; called when the fleet stops. */
  dispose(): void;
}

interface Held {
  status: FaultStatus;
  /** Per device: what ends the fault's behaviour there (a flap's timer, a reboot's return). */
  stops: Map<string, Array<() => void>>;
  /** Cancels the `for` timer. */
  expiry?: () => void;
}

export function createFleetControl(options: {
  topology: Topology;
  ctx: StateContext;
  /** Served devices by name, in topology order. */
  runtimes: ReadonlyMap<string, DeviceRuntime>;
  /**
   * Every device the whole fleet serves, in topology order, when this process serves only part of
   * it (a shard or a worker): a fraction of devices is chosen among these, as one fleet would, and
   * a named device served elsewhere is accepted and left to the part that serves it.
   */
  fleetNames?: readonly string[];
  timers: Timers;
  ports: DevicePorts;
  now(): number;
}): FleetControl {
  const { topology, ctx, runtimes, timers, ports } = options;
  /** The wiring with drift applied; flapping links are taken down on top of it. */
  let base: World = ctx.world;
  const initial = { world: ctx.world, faults: [] as unknown[] };
  const downPorts = new Set<string>();
  const held = new Map<string, Held>();
  /** Why each device listens on none of its ports: the kinds (down, reboot) holding it offline. */
  const offline = new Map<string, Set<FaultKind>>();
  let nextId = 1;

  /** The wiring now: a snapshot, so the world before a change still answers as it was. */
  const live = (): World => {
    if (downPorts.size === 0) return base;
    const [under, down] = [base, new Set(downPorts)];
    return { ...under, peerOf: (e) => (down.has(endpointKey(e)) ? undefined : under.peerOf(e)) };
  };

  /** Swaps the world in and tells the devices whose wiring changed at `ports` (and their peers'). */
  const rewire = (next: () => void, touched: readonly Endpoint[]) => {
    const before = ctx.world;
    const around = (world: World) =>
      touched.flatMap((p) => [p, world.peerOf(p)].filter((e) => e !== undefined));
    const watched = dedupe([...around(before)]);
    next();
    ctx.world = live();
    const affected = dedupe([...watched, ...around(ctx.world)]);
    const names = new Set<string>();
    for (const port of affected) {
      names.add(port.node);
      const was = before.peerOf(port);
      const is = ctx.world.peerOf(port);
      const runtime = runtimes.get(port.node);
      if (!runtime || (was && is && endpointKey(was) === endpointKey(is))) continue;
      if (was) runtime.linkEvent(port.interface, 'down');
      if (is) runtime.linkEvent(port.interface, 'up');
    }
    for (const name of names) runtimes.get(name)?.invalidate();
    return [...names].filter((n) => runtimes.has(n)).sort();
  };

  const runtimeOf = (name: string): DeviceRuntime => {
    const runtime = runtimes.get(name);
    if (runtime) return runtime;
    const near = [...runtimes.keys()].filter((n) => n.toLowerCase() === name.toLowerCase());
    throw new LabfleetError(
      'DEVICE_UNKNOWN',
      `no device named "${name}" in this fleet${near.length ? `; did you mean "${near[0]}"?` : ''}`,
    );
  };

  /** A named device's name as the fleet spells it: served here, or (a part of a fleet) elsewhere. */
  const fleetNameOf = (name: string): string => {
    if (runtimes.has(name) || !options.fleetNames) return runtimeOf(name).name;
    return options.fleetNames.find((n) => n === name) ?? runtimeOf(name).name;
  };

  const statusOf = (runtime: DeviceRuntime): DeviceStatus => ({
    name: runtime.name,
    platform: runtime.node.platform,
    availability: runtime.availability,
    vtyLines: runtime.sessions,
    counters: Object.fromEntries(runtime.stats.entries().map(([p, c]) => [p, { ...c }])),
    faults: runtime.faults.list().map((f) => f.kind),
  });

  const goOffline = async (runtime: DeviceRuntime, why: FaultKind) => {
    let reasons = offline.get(runtime.name);
    if (!reasons) offline.set(runtime.name, (reasons = new Set()));
    const first = reasons.size === 0;
    reasons.add(why);
    runtime.availability = reasons.has('down') ? 'down' : 'rebooting';
    ports.drop(runtime);
    if (first) await ports.close(runtime);
  };

  const goOnline = async (runtime: DeviceRuntime, why: FaultKind) => {
    const reasons = offline.get(runtime.name);
    if (!reasons?.delete(why)) return;
    if (reasons.size > 0) {
      runtime.availability = reasons.has('down') ? 'down' : 'rebooting';
      return;
    }
    offline.delete(runtime.name);
    runtime.availability = 'up';
    if (!timers.signal.aborted) await ports.open(runtime);
  };

  /** The port a flap takes down: the one named, else the device's first cabled port. */
  const flapPort = (runtime: DeviceRuntime, port: string | undefined): Endpoint => {
    if (port !== undefined) {
      const parsed = parseInterfaceName(port, getKind(runtime.node.platform).interfaceTypes);
      const endpoint = parsed && { node: runtime.name, interface: parsed.full };
      if (!endpoint || !base.peerOf(endpoint))
        throw new LabfleetError(
          'FAULT_INVALID',
          `port: ${runtime.name} has no cabled port "${port}"; cabled: ${cabledPorts(runtime.name).join(', ') || 'none'}`,
        );
      return endpoint;
    }
    const first = cabledPorts(runtime.name)[0];
    if (!first) throw new LabfleetError('FAULT_INVALID', `flap: ${runtime.name} has no cabled port to flap`);
    return { node: runtime.name, interface: first };
  };

  const cabledPorts = (name: string) =>
    runtimes
      .get(name)!
      .state()
      .interfaces.filter(
        (i) => !i.mgmt && i.aggregate === undefined && base.peerOf({ node: name, interface: i.name }),
      )
      .map((i) => i.name);

  const setLink = (port: Endpoint, up: boolean) => {
    const peer = base.peerOf(port);
    const keys = [endpointKey(port), ...(peer ? [endpointKey(peer)] : [])];
    rewire(() => {
      for (const key of keys) {
        if (up) downPorts.delete(key);
        else downPorts.add(key);
      }
    }, [port]);
  };

  /** Starts a fault's behaviour on one device; returns what stops it. */
  const start = async (
    runtime: DeviceRuntime,
    fault: ActiveFault,
    flapAt: Endpoint | undefined,
  ): Promise<Array<() => void>> => {
    runtime.faults.set(fault);
    switch (fault.kind) {
      case 'down':
        await goOffline(runtime, 'down');
        return [];
      case 'reboot': {
        await goOffline(runtime, 'reboot');
        // However the reboot ends (its downtime over, or lifted early), the box comes back fresh.
        return [
          timers.after(fault.params.downtimeMs, () => void liftOn(fault.id, runtime.name)),
          () => runtime.rebooted(),
        ];
      }
      case 'flap': {
        const half = Math.max(1, fault.params.periodMs / 2);
        let up = false;
        let cancel = () => undefined as void;
        const toggle = () => {
          setLink(flapAt!, up);
          up = !up;
          cancel = timers.after(half, toggle);
        };
        toggle();
        return [() => cancel(), () => setLink(flapAt!, true)];
      }
      case 'vty-full':
      case 'auth-fail':
      case 'hang':
      case 'slow-banner':
        // New connections meet the fault; the sessions already open keep going, as on a box.
        return [];
      default:
        return [];
    }
  };

  const lift = async (id: string): Promise<FaultStatus | undefined> => {
    const fault = held.get(id);
    if (!fault) return undefined;
    const status = { ...fault.status, devices: [...fault.status.devices] };
    for (const name of status.devices) await liftOn(id, name);
    return status;
  };

  /** Takes one device out of a fault (the rest of its devices keep it); the last one ends it. */
  async function liftOn(id: string, name: string): Promise<void> {
    const fault = held.get(id);
    const runtime = runtimes.get(name)!;
    if (!fault || !fault.stops.has(name)) return;
    for (const stop of fault.stops.get(name)!) stop();
    fault.stops.delete(name);
    fault.status.devices = fault.status.devices.filter((n) => n !== name);
    if (fault.stops.size === 0) {
      fault.expiry?.();
      held.delete(id);
    }
    runtime.faults.remove(id);
    if (fault.status.kind === 'down' || fault.status.kind === 'reboot')
      await goOnline(runtime, fault.status.kind);
  }

  const resolve = (raw: unknown) => {
    const parsed = FaultSpecSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success)
      throw new LabfleetError(
        'FAULT_INVALID',
        parsed.error.issues
          .map((issue) => `${renderPath(issue.path as PathSegment[]) || 'fault'}: ${issue.message}`)
          .join('; '),
      );
    const resolved = resolveFaultSpec(parsed.data);
    if ('problem' in resolved) throw new LabfleetError('FAULT_INVALID', resolved.problem);
    return resolved.spec;
  };

  const control: FleetControl = {
    devices: () => [...runtimes.values()].map(statusOf),
    device: (name) => statusOf(runtimeOf(name)),
    drift: () => base.drift.map(rawItem),
    applyDrift(items) {
      const text = JSON.stringify({ drift: items });
      const checked = validateDriftText(text, topology, 'request', base.drift);
      if (!checked.world)
        throw new LabfleetError(
          'DRIFT_INVALID',
          checked.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; '),
          { diagnostics: checked.diagnostics },
        );
      const added = checked.world.drift.slice(base.drift.length);
      const affected = rewire(() => (base = checked.world!), added.flatMap(portsOf));
      return { applied: added.length, affected };
    },
    faults: () => [...held.values()].map((h) => ({ ...h.status, devices: [...h.status.devices] })),
    async addFault(raw) {
      const spec = resolve(raw);
      const names =
        'devices' in spec.target
          ? spec.target.devices.map(fleetNameOf)
          : chooseFraction(
              options.fleetNames ?? [...runtimes.keys()],
              spec.target.fraction,
              spec.target.seed ?? ctx.seed,
              spec.kind,
            );
      const local = names.filter((n) => runtimes.has(n));
      // Checked for every device before any is touched: a flap needs a cabled port on each.
      const flapAt = new Map(
        spec.kind === 'flap' ? local.map((n) => [n, flapPort(runtimes.get(n)!, spec.params.port)]) : [],
      );
      const id = `f${nextId++}`;
      const since = options.now();
      const status: FaultStatus = {
        id,
        kind: spec.kind,
        devices: names,
        params: spec.params,
        since,
        ...(spec.forMs === undefined ? {} : { until: since + spec.forMs }),
      };
      // A newer fault of the same kind on a device replaces the older one there.
      for (const name of local) {
        const older = runtimes.get(name)!.faults.get(spec.kind);
        if (older) await liftOn(older.id, name);
      }
      const entry: Held = { status, stops: new Map(local.map((n) => [n, []])) };
      held.set(id, entry);
      for (const name of local) {
        const fault: ActiveFault = {
          id,
          kind: spec.kind,
          params: spec.params,
          since,
          ...(status.until === undefined ? {} : { until: status.until }),
        };
        entry.stops.get(name)!.push(...(await start(runtimes.get(name)!, fault, flapAt.get(name))));
      }
      if (spec.forMs !== undefined) entry.expiry = timers.after(spec.forMs, () => void lift(id));
      return { ...status, devices: [...names] };
    },
    async removeFault(id) {
      const status = await lift(id);
      if (!status)
        throw new LabfleetError(
          'FAULT_UNKNOWN',
          `no fault "${id}" is in force${held.size ? `; in force: ${[...held.keys()].join(', ')}` : ''}`,
        );
      return status;
    },
    async clearFaults() {
      const ids = [...held.keys()];
      for (const id of ids) await lift(id);
      return ids.length;
    },
    clearDrift() {
      const removed = base.drift.length - initial.world.drift.length;
      const touched = [...base.drift, ...initial.world.drift].flatMap(portsOf);
      const affected = rewire(() => (base = initial.world), touched);
      return { removed, affected };
    },
    async reset() {
      for (const id of [...held.keys()]) await lift(id);
      const touched = [...base.drift, ...initial.world.drift].flatMap(portsOf);
      rewire(() => {
        downPorts.clear();
        base = initial.world;
      }, touched);
      for (const fault of initial.faults) await control.addFault(fault);
    },
    async startWith(faults) {
      initial.faults = [...faults];
      const applied: FaultStatus[] = [];
      for (const fault of faults) applied.push(await control.addFault(fault));
      return applied;
    },
    dispose() {
      // The fleet's timers are cleared with it; nothing else holds the process.
      held.clear();
    },
  };
  return control;
}

function portsOf(item: DriftItem): Endpoint[] {
  switch (item.op) {
    case 'unplug':
      return [item.port];
    case 'move':
      return [item.from, item.to];
    default:
      return [...item.ports];
  }
}

function rawItem(item: DriftItem): RawDriftItem {
  const key = endpointKey;
  switch (item.op) {
    case 'unplug':
      return { unplug: key(item.port) };
    case 'move':
      return { move: { from: key(item.from), to: key(item.to) } };
    case 'swap':
      return { swap: [key(item.ports[0]), key(item.ports[1])] };
    case 'add':
      return { add: [key(item.ports[0]), key(item.ports[1])] };
  }
}

function dedupe(ports: readonly Endpoint[]): Endpoint[] {
  return [...new Map(ports.map((p) => [endpointKey(p), p])).values()];
}

/**
 * Exactly round(F × N) of `names`, chosen by the seed and the kind: the same seed, kind and fleet
 * always pick the same devices. Returned in the fleet's order.
 */
export function chooseFraction(
  names: readonly string[],
  fraction: number,
  seed: string | number,
  kind: FaultKind,
): string[] {
  const count = Math.round(fraction * names.length);
  const rng = createRng(seed, 'faults', kind);
  const order = names.map((_, i) => i);
  // A partial Fisher–Yates shuffle: the first `count` places are a uniform seeded choice.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.next() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => names[i]!);
}
