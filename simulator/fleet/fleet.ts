/**
 * A running fleet: lightweight TCP listeners per device (SSH, and NETCONF on its own port) feeding
 * one shared SSH server, and REST's feeding one shared REST server.
 * Starting binds every listener (or none: a failure closes what was opened); stopping clears
 * every pending timer (one registry, simulator/device/timers.ts, owns them all), then closes
 * connections and listeners, so nothing the fleet started keeps the process alive.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { LabfleetError } from '../errors.js';
import { withCommandLatency } from '../latency/sampler.js';
import { hasPersonality, personalityFor } from '../personalities/index.js';
import { netconfPlatformFor } from '../netconf/index.js';
import { generateHostKeys } from '../ssh/host-keys.js';

import { createSshServer } from '../ssh/server.js';
import type { RestLimits } from '../rest/limits.js';
import type { TlsIdentity } from '../rest/tls.js';
import { createStateContext } from '../state/index.js';
import { createWorld, type World } from '../topology/world.js';
import { LOOPBACK, cidrContains, parseIpv4 } from '../topology/ip.js';
import { isPickedPortTaken, pickPorts, PICK_ATTEMPTS, type PortRequest } from './pick-ports.js';
import type { Topology } from '../topology/model.js';
import { rawFaultSpec } from '../topology/fault-files.js';
import type { FaultSpec } from '../topology/faults.js';
import {
  deviceAddresses,
  DEFAULT_BIND,
  DEFAULT_NETCONF_PORT,
  DEFAULT_REST_PORT,
  DEFAULT_SSH_PORT,
  type BindMode,
} from '../topology/addresses.js';
import { createClock } from '../device/clock.js';
import { createDeviceRuntime, type DeviceRuntime } from '../device/runtime.js';
import type { Telemetry } from '../device/stats.js';
import { createFleetControl, type DevicePorts, type FleetControl } from './control.js';
import { createTimers } from '../device/timers.js';
import { checkDuration } from '../topology/duration.js';
import type { InventoryDevice } from './inventory.js';
import { shardRange, type Shard } from './shard.js';
import { DEFAULT_MAX_SESSIONS } from './defaults.js';
import { describeDevice } from './fleet-devices.js';
import { listenAll, PORT_FLAG, type Listener, type PortHandle, type Protocol } from './listeners.js';

/** Host keys from files, for `up --host-key`: the CLI reaches the SSH layer only through the fleet. */
export { loadHostKeys } from '../ssh/host-keys.js';
export type { TlsIdentity } from '../rest/tls.js';

export interface FleetOptions {
  topology: Topology;
  /** The actual wiring (topology plus drift); the documented wiring when absent. */
  world?: World;
  seed?: string | number;
  bind?: BindMode;
  /** SSH port (with bind `port`: the first device's); 2222 by default, 0 lets the OS pick one. */
  sshPort?: number;
  /** REST port (with bind `port`: the first device's); 8443 by default, 0 lets the OS pick one. */
  restPort?: number;
  /**
   * NETCONF port (with bind `port`: the first device's); 0 lets the OS pick one. Absent: 8830, or
   * picked by the OS like the others when `sshPort` is 0 (so fleets of parallel tests never meet).
   */
  netconfPort?: number;
  /** Serve NETCONF on its own port at all (each device also needs `netconf` and `ssh` in its protocols). Default true. */
  netconf?: boolean;
  /** Serve REST over plain HTTP instead of HTTPS. */
  restPlain?: boolean;
  /** Serve REST at all (each device also needs `rest` in its topology protocols). Default true. */
  rest?: boolean;
  /** TLS key and certificate for REST; generated for this run when absent. */
  tls?: TlsIdentity;
  /** Overrides every device's per-command latency, ms. */
  commandLatencyMs?: number;
  /** Freeze the clock so output is byte-identical between runs. */
  freezeTime?: boolean;
  /** Private host keys (OpenSSH or PEM); generated for this run when absent. */
  hostKeys?: Array<string | Buffer>;
  /** Concurrent SSH sessions per device (vty lines). */
  maxSessions?: number;
  /** REST deadlines and bounds (simulator/rest/limits.ts); each absent one takes its default. */
  restLimits?: Partial<RestLimits>;
  /** Told of every login, auth failure, command and byte served (the control API's metrics). */
  telemetry?: Telemetry;
  /** Faults applied at start after the topology's own (`up --faults`: loadFaults). */
  faults?: readonly FaultSpec[];
  /**
   * Serve only this shard's block of the topology (shard.ts); the whole world is still derived,
   * so the devices served look exactly as they would in one fleet. Absent: every device.
   */
  shard?: Shard;
  /**
   * With bind `port`: listen on this address instead of 127.0.0.1 (a pod's IP). Given, it lifts the
   * loopback-only rule: the devices are reachable from wherever that address is.
   */
  bindAddress?: string;
  /** A worker's part of the shard's block (or of the whole topology): `up --workers` (workers.ts). */
  part?: Shard;
  /**
   * Descriptors one process may hold (this process's limit when absent): listeners beyond it go to
   * helper processes (listeners.ts). Tests give a small one to exercise helpers with few devices.
   */
  descriptorLimit?: number;
}

/** What a running fleet of any shape (one process, or workers: workers.ts) tells its caller. */
export interface ServedFleet {
  /** Devices served over SSH or REST, with where they listen and how to log in. */
  readonly devices: readonly InventoryDevice[];
  /** Devices of the topology that no personality serves yet. */
  readonly unserved: readonly string[];
  /** The TLS identity REST devices present (absent for plain HTTP or no REST). */
  readonly tls?: TlsIdentity;
  /** Seconds `startFleet` took until every listener accepted connections. */
  readonly startupSeconds: number;
  /** The first device's SSH port, as picked when 0 was asked: what `check --ssh-port` takes. */
  readonly sshPort: number;
  /** The first device's REST port, as picked when 0 was asked: what `check --rest-port` takes. */
  readonly restPort: number;
  /** The first device's NETCONF port, as picked when 0 was asked: what `check --netconf-port` takes. */
  readonly netconfPort: number;
  /** Helper processes holding listeners beyond this process's descriptor limit (0 when all fit). */
  readonly listenerHelpers: number;
  /** Processes serving devices: 1 for a single-process fleet. */
  readonly workers: number;
  stop(): Promise<void>;
}

export interface Fleet extends ServedFleet {
  runtime(name: string): DeviceRuntime | undefined;
  /** Drift and faults at runtime, reset, and what each device is doing. */
  readonly control: FleetControl;
  /** The seed every derived value and every fault's choice of devices comes from. */
  readonly seed: string | number;
  /**
   * Clears every timer the fleet and its sessions started (latency waits, paced output, login
   * and connect delays), destroys every connection and closes every listener. Safe to call twice.
   */
  stop(): Promise<void>;
}

export { DEFAULT_MAX_SESSIONS };

/** Starts every device; resolves when all accept connections. Port 0: see pick-ports.ts. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  checkCommandLatency(options.commandLatencyMs);
  const netconfPort = netconfPortOf(options);
  if (options.sshPort !== 0 && options.restPort !== 0 && netconfPort !== 0)
    return startFleetAt({ ...options, netconfPort }, performance.now());
  const started = performance.now();
  const request = portRequest({ ...options, netconfPort });
  for (let attempt = 1; ; attempt++) {
    const picked = await pickPorts(request);
    try {
      return await startFleetAt({ ...options, ...picked }, started);
    } catch (error) {
      if (attempt === PICK_ATTEMPTS || !isPickedPortTaken(error, request, picked)) throw error;
    }
  }
}

/** Every device the whole fleet serves (over SSH or REST, with a personality), in topology order. */
function fleetNames(options: FleetOptions, serveRest: boolean): string[] {
  return options.topology.nodes
    .filter((n) => (n.protocols.ssh || (serveRest && n.protocols.rest)) && hasPersonality(n.platform))
    .map((n) => n.name);
}

/** The topology indices this process serves: its shard's block, then its worker's part of that. */
function servedRange(options: FleetOptions): { start: number; end: number } {
  const total = options.topology.nodes.length;
  const block = options.shard ? shardRange(total, options.shard) : { start: 0, end: total };
  if (!options.part) return block;
  const part = shardRange(block.end - block.start, options.part);
  return { start: block.start + part.start, end: block.start + part.end };
}

/**
 * The concrete first ports a fleet would listen on: those asked, or for 0 ones the OS found free.
 * Workers all take the ports their parent resolved, so the whole fleet is laid out once.
 */
export async function resolveFleetPorts(
  options: FleetOptions,
): Promise<{ sshPort: number; restPort: number; netconfPort: number }> {
  const netconfPort = netconfPortOf(options);
  const asked = {
    sshPort: options.sshPort ?? DEFAULT_SSH_PORT,
    restPort: options.restPort ?? DEFAULT_REST_PORT,
    netconfPort,
  };
  if (asked.sshPort !== 0 && asked.restPort !== 0 && netconfPort !== 0) return asked;
  return pickPorts(portRequest({ ...options, netconfPort }));
}

/** What to ask the OS for: the first device's address (a probe there must be able to listen). */
function portRequest(options: FleetOptions): PortRequest {
  const bind = options.bind ?? DEFAULT_BIND;
  const first = servedRange(options).start;
  const host =
    deviceAddresses(options.topology, { bind, bindAddress: options.bindAddress })[first]?.host ?? '127.0.0.1';
  const ip = parseIpv4(host);
  return {
    host: (ip !== undefined && cidrContains(LOOPBACK, ip)) || options.bindAddress ? host : '127.0.0.1',
    width: bind === 'port' ? options.topology.nodes.length : 1,
    sshPort: options.sshPort ?? DEFAULT_SSH_PORT,
    restPort: options.restPort ?? DEFAULT_REST_PORT,
    netconfPort: options.netconfPort ?? DEFAULT_NETCONF_PORT,
  };
}

/** The NETCONF port asked: absent is 8830, unless SSH's is picked, then NETCONF's is too. */
function netconfPortOf(options: FleetOptions): number {
  return options.netconfPort ?? (options.sshPort === 0 ? 0 : DEFAULT_NETCONF_PORT);
}

async function startFleetAt(options: FleetOptions, started: number): Promise<Fleet> {
  const timers = createTimers();
  const world = options.world ?? createWorld(options.topology);
  const ctx = createStateContext(world, options.seed);
  const clock = createClock(options.freezeTime ?? false);
  const addresses = new Map(deviceAddresses(options.topology, options).map((a) => [a.name, a]));
  const runtimes = new Map<string, DeviceRuntime>();
  const served: InventoryDevice[] = [];
  const unserved: string[] = [];
  const sshListeners: Listener[] = [];
  const restListeners: Listener[] = [];
  const netconfListeners: Listener[] = [];
  const serveRest = options.rest ?? true;
  const serveNetconf = options.netconf ?? true;
  const { start, end } = servedRange(options);
  for (const node of options.topology.nodes.slice(start, end)) {
    if (!node.protocols.ssh && !(serveRest && node.protocols.rest)) continue;
    const latency =
      options.commandLatencyMs === undefined
        ? node.latency
        : withCommandLatency(node.latency, options.commandLatencyMs);
    const runtime = createDeviceRuntime(ctx, node, clock, latency, timers, options.telemetry);
    if (!personalityFor(runtime)) {
      unserved.push(node.name);
      continue;
    }
    runtimes.set(node.name, runtime);
    const address = addresses.get(node.name)!;
    const { host, port, restPort, netconfPort } = address;
    const rest = serveRest && node.protocols.rest;
    // NETCONF rides SSH, and only where the platform has a NETCONF face.
    const netconf =
      serveNetconf &&
      node.protocols.netconf &&
      node.protocols.ssh &&
      netconfPlatformFor(runtime) !== undefined;
    served.push(describeDevice(node, address, { rest, netconf }, options.restPlain));
    if (node.protocols.ssh) sshListeners.push({ device: runtime, host, port, protocol: 'SSH' });
    if (rest) restListeners.push({ device: runtime, host, port: restPort, protocol: 'REST' });
    if (netconf) netconfListeners.push({ device: runtime, host, port: netconfPort, protocol: 'NETCONF' });
  }
  if (options.bindAddress === undefined) checkLoopback(served);
  checkPorts(options, { rest: restListeners.length > 0, netconf: netconfListeners.length > 0 });
  const ssh = createSshServer({
    hostKeys: options.hostKeys ?? generateHostKeys(),
    maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
    personalityFor,
  });
  const { tls, server: restServer } =
    restListeners.length > 0 ? await startRestServer(options) : { tls: undefined, server: undefined };
  const listeners = await listenAll(
    [
      ...sshListeners.map((l) => ({
        ...l,
        onSocket: (socket: Socket, device: DeviceRuntime) => ssh.accept(socket, device),
      })),
      ...restListeners.map((l) => ({
        ...l,
        onSocket: (socket: Socket, device: DeviceRuntime) => restServer!.accept(socket, device),
      })),
      ...netconfListeners.map((l) => ({
        ...l,
        onSocket: (socket: Socket, device: DeviceRuntime) => ssh.accept(socket, device, true),
      })),
    ],
    {
      perDevice: Math.max(
        1,
        Math.round(
          (sshListeners.length + restListeners.length + netconfListeners.length) / Math.max(1, served.length),
        ),
      ),
      ...(options.descriptorLimit === undefined ? {} : { descriptorLimit: options.descriptorLimit }),
    },
  ).catch((error: unknown) => {
    ssh.closeAll();
    restServer?.closeAll();
    throw error;
  });
  const startupSeconds = (performance.now() - started) / 1000;
  const control = createFleetControl({
    topology: options.topology,
    ctx,
    runtimes,
    ...(options.shard || options.part ? { fleetNames: fleetNames(options, serveRest) } : {}),
    timers,
    ports: devicePorts(listeners.handles, ssh, restServer),
    now: () => clock.now(),
  });
  let stopping: Promise<void> | undefined;
  const fleet: Fleet = {
    devices: served,
    unserved,
    ...(tls ? { tls } : {}),
    startupSeconds,
    sshPort: options.sshPort ?? DEFAULT_SSH_PORT,
    restPort: options.restPort ?? DEFAULT_REST_PORT,
    netconfPort: options.netconfPort ?? DEFAULT_NETCONF_PORT,
    listenerHelpers: listeners.helpers,
    workers: 1,
    runtime: (name) => runtimes.get(name),
    control,
    seed: ctx.seed,
    stop() {
      stopping ??= (async () => {
        control.dispose();
        timers.clear();
        ssh.closeAll();
        restServer?.closeAll();
        await listeners.stop();
      })();
      return stopping;
    },
  };
  try {
    // The faults it starts with: `reset` applies them again.
    await control.startWith([...options.topology.faults, ...(options.faults ?? [])].map(rawFaultSpec));
  } catch (error) {
    await fleet.stop();
    throw error;
  }
  return fleet;
}

/**
 * The shared REST server and its certificate. Loaded only when some device serves REST, so an
 * SSH-only fleet carries none of fastify's weight.
 */
async function startRestServer(options: FleetOptions) {
  const [{ createRestServer }, { restApiFor }, { generateTlsIdentity }] = await Promise.all([
    import('../rest/server.js'),
    import('../rest/index.js'),
    import('../rest/tls.js'),
  ]);
  const tls = options.restPlain ? undefined : (options.tls ?? (await generateTlsIdentity()));
  const server = await createRestServer({
    ...(tls ? { tls } : {}),
    apiFor: restApiFor,
    ...(options.restLimits ? { limits: options.restLimits } : {}),
  });
  return { tls, server };
}

/** Port ranges that fit below 65536 and do not overlap, or a usage error that says which flag to change. */
export function checkPorts(options: FleetOptions, serving: { rest: boolean; netconf: boolean }): void {
  const width = (options.bind ?? DEFAULT_BIND) === 'port' ? options.topology.nodes.length : 1;
  const span = (first: number) => (width === 1 ? `port ${first}` : `ports ${first}-${first + width - 1}`);
  const ranges: Array<[Protocol, number]> = [['SSH', options.sshPort ?? DEFAULT_SSH_PORT]];
  if (serving.rest) ranges.push(['REST', options.restPort ?? DEFAULT_REST_PORT]);
  if (serving.netconf) ranges.push(['NETCONF', options.netconfPort ?? DEFAULT_NETCONF_PORT]);
  for (const [label, first] of ranges)
    if (first + width - 1 > 65535)
      throw new LabfleetError(
        'USAGE',
        `${label} ${span(first)} run past 65535; choose a lower ${PORT_FLAG[label]}`,
      );
  // The later range's flag is the one to change: SSH's stays where the user put it.
  for (const [i, [label, first]] of ranges.entries())
    for (const [other, port] of ranges.slice(i + 1))
      if (first < port + width && port < first + width)
        throw new LabfleetError(
          'USAGE',
          `${label} ${span(first)} and ${other} ${span(port)} overlap; choose a ${PORT_FLAG[other]} of ${first + width} or more, or below ${first - width + 1}`,
        );
}

/** `commandLatencyMs` from a library caller: what the CLI's `--latency` would accept. */
function checkCommandLatency(ms: number | undefined): void {
  if (ms === undefined) return;
  const checked = checkDuration(ms);
  if ('error' in checked) throw new LabfleetError('USAGE', `commandLatencyMs ${checked.error}`);
}

function checkLoopback(devices: readonly InventoryDevice[]): void {
  for (const d of devices) {
    const ip = parseIpv4(d.host);
    if (ip === undefined || !cidrContains(LOOPBACK, ip))
      throw new LabfleetError(
        'USAGE',
        `${d.name}: ${d.host} is not a loopback address; labfleet only listens on 127.0.0.0/8`,
      );
  }
}

/**
 * Closing a device's listeners makes its ports refuse connections (ECONNREFUSED, as a box that is
 * down); its open connections are dropped separately. Listening again reuses the same handles.
 */
function devicePorts(
  handles: readonly PortHandle[],
  ssh: { dropDevice(device: DeviceRuntime): void },
  rest: { dropDevice(device: DeviceRuntime): void } | undefined,
): DevicePorts {
  const byDevice = new Map<string, PortHandle[]>();
  for (const h of handles) {
    const list = byDevice.get(h.listener.device.name) ?? [];
    list.push(h);
    byDevice.set(h.listener.device.name, list);
  }
  return {
    async close(device) {
      await Promise.all((byDevice.get(device.name) ?? []).map((h) => h.close()));
    },
    async open(device) {
      await Promise.all((byDevice.get(device.name) ?? []).map((h) => h.open()));
    },
    drop(device) {
      ssh.dropDevice(device);
      rest?.dropDevice(device);
    },
  };
}
