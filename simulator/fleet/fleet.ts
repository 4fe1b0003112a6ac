/**
 * A running fleet: one lightweight TCP listener per device feeding one shared SSH server.
 * Starting binds every listener (or none: a failure closes what was opened); stopping closes
 * listeners and connections.
 */
import { createServer, type Server } from 'node:net';
import { performance } from 'node:perf_hooks';
import { LabfleetError } from '../errors.js';
import { withCommandLatency } from '../latency/sampler.js';
import { personalityFor } from '../personalities/index.js';
import { generateHostKeys } from '../ssh/host-keys.js';
import { createSshServer } from '../ssh/server.js';
import { createStateContext } from '../state/index.js';
import { createWorld, type World } from '../topology/drift.js';
import { LOOPBACK, cidrContains, parseIpv4 } from '../topology/ip.js';
import type { Topology } from '../topology/model.js';
import { deviceAddresses, type BindMode } from './addresses.js';
import { createClock } from './clock.js';
import { createDeviceRuntime, type DeviceRuntime } from './device-runtime.js';
import type { InventoryDevice } from './inventory.js';

export interface FleetOptions {
  topology: Topology;
  /** The actual wiring (topology plus drift); the documented wiring when absent. */
  world?: World;
  seed?: string | number;
  bind?: BindMode;
  sshPort?: number;
  /** Overrides every device's per-command latency, ms. */
  commandLatencyMs?: number;
  /** Freeze the clock so output is byte-identical between runs. */
  freezeTime?: boolean;
  /** Private host keys (OpenSSH or PEM); generated for this run when absent. */
  hostKeys?: Array<string | Buffer>;
  /** Concurrent SSH sessions per device (vty lines). */
  maxSessions?: number;
}

export interface Fleet {
  /** Devices served over SSH, with where they listen and how to log in. */
  readonly devices: readonly InventoryDevice[];
  /** Devices of the topology that no personality serves yet. */
  readonly unserved: readonly string[];
  /** Seconds `startFleet` took until every listener accepted connections. */
  readonly startupSeconds: number;
  runtime(name: string): DeviceRuntime | undefined;
  stop(): Promise<void>;
}

export const DEFAULT_MAX_SESSIONS = 5;

/** Starts every device; resolves when all accept connections. */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const started = performance.now();
  const world = options.world ?? createWorld(options.topology);
  const ctx = createStateContext(world, options.seed);
  const clock = createClock(options.freezeTime ?? false);
  const addresses = new Map(deviceAddresses(options.topology, options).map((a) => [a.name, a]));
  const runtimes = new Map<string, DeviceRuntime>();
  const served: InventoryDevice[] = [];
  const unserved: string[] = [];
  for (const node of options.topology.nodes) {
    if (!node.protocols.ssh) continue;
    const latency =
      options.commandLatencyMs === undefined
        ? node.latency
        : withCommandLatency(node.latency, options.commandLatencyMs);
    const runtime = createDeviceRuntime(ctx, node, clock, latency);
    if (!personalityFor(runtime)) {
      unserved.push(node.name);
      continue;
    }
    runtimes.set(node.name, runtime);
    const { host, port } = addresses.get(node.name)!;
    const { username, password, secret } = node.credentials;
    served.push({
      name: node.name,
      platform: node.platform,
      model: node.model,
      host,
      port,
      username,
      password,
      secret,
    });
  }
  const ssh = createSshServer({
    hostKeys: options.hostKeys ?? generateHostKeys(),
    maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
    personalityFor,
  });
  const listeners = await listenAll(served, runtimes, (socket, device) => ssh.accept(socket, device));
  const startupSeconds = (performance.now() - started) / 1000;
  return {
    devices: served,
    unserved,
    startupSeconds,
    runtime: (name) => runtimes.get(name),
    async stop() {
      ssh.closeAll();
      await Promise.all(listeners.map((l) => new Promise<void>((resolve) => l.close(() => resolve()))));
    },
  };
}

async function listenAll(
  devices: readonly InventoryDevice[],
  runtimes: ReadonlyMap<string, DeviceRuntime>,
  onSocket: (socket: import('node:net').Socket, device: DeviceRuntime) => void,
): Promise<Server[]> {
  for (const d of devices) {
    const ip = parseIpv4(d.host);
    if (ip === undefined || !cidrContains(LOOPBACK, ip))
      throw new LabfleetError(
        'USAGE',
        `${d.name}: ${d.host} is not a loopback address; labfleet only listens on 127.0.0.0/8`,
      );
  }
  const servers: Server[] = [];
  const results = await Promise.allSettled(
    devices.map(
      (d) =>
        new Promise<void>((resolve, reject) => {
          const device = runtimes.get(d.name)!;
          const server = createServer({ noDelay: true }, (socket) => onSocket(socket, device));
          servers.push(server);
          server.once('error', (error) => reject(listenError(d, error)));
          server.listen({ host: d.host, port: d.port, backlog: 511 }, () => resolve());
        }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(
      servers.map(
        (s) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve())),
      ),
    );
    throw failed.reason;
  }
  for (const server of servers) server.on('error', () => undefined);
  return servers;
}

function listenError(d: InventoryDevice, error: Error & { code?: string }): LabfleetError {
  const hint =
    error.code === 'EADDRINUSE'
      ? ' (another fleet or program already listens there; stop it, or choose --ssh-port or another mgmt pool)'
      : error.code === 'EMFILE'
        ? ' (too many open files: each device needs one listener; raise the limit, e.g. `ulimit -n 20000`)'
        : error.code === 'EACCES'
          ? ' (ports below 1024 need privileges; choose --ssh-port 2222 or higher)'
          : '';
  return new LabfleetError(
    'LISTEN_FAILED',
    `${d.name}: cannot listen on ${d.host}:${d.port}: ${error.code ?? error.message}${hint}`,
    {
      cause: error,
    },
  );
}
