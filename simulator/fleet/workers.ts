/**
 * A fleet served by several processes (`up --workers N`): each worker (worker.ts) derives the whole
 * world and serves one contiguous part of the devices, so every core takes SSH handshakes and no
 * process holds more listeners than its descriptor limit allows (each still spreads its own over
 * listener helpers where needed). This process picks the ports and makes the host keys and TLS
 * identity once, so the workers' devices are exactly those of a single-process fleet: the same
 * addresses, output, keys and inventory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { LabfleetError, type Diagnostic } from '../errors.js';
import type { ErrorCode } from '../error-codes.js';
import { generateHostKeys } from '../ssh/host-keys.js';
import type { TlsIdentity } from '../rest/tls.js';
import type { Topology } from '../topology/model.js';
import { resolveFleetPorts, type FleetOptions } from './fleet.js';
import type { InventoryDevice } from './inventory.js';
import { siblingScript } from './sibling-script.js';

/** The most workers one fleet starts. */
export const MAX_WORKERS = 256;

/** What a worker is told: everything a FleetOptions holds that crosses a process boundary. */
export interface WorkerSettings {
  topologyFile: string;
  driftFile?: string;
  faultsFile?: string;
  fleet: Omit<FleetOptions, 'topology' | 'world' | 'faults' | 'telemetry' | 'hostKeys'> & {
    hostKeys: string[];
  };
}

export interface WorkerFleetOptions {
  workers: number;
  /** The topology as this process loaded it (from `topologyFile`): ports are laid out from it. */
  topology: Topology;
  topologyFile: string;
  driftFile?: string;
  faultsFile?: string;
  fleet: Omit<FleetOptions, 'topology' | 'world' | 'faults' | 'telemetry'>;
  /** Told when a worker ends while the fleet runs (its devices stop answering). */
  onWorkerExit?: (message: string) => void;
}

/** What a running fleet of any shape tells its caller. */
export interface ServedFleet {
  readonly devices: readonly InventoryDevice[];
  readonly unserved: readonly string[];
  readonly tls?: TlsIdentity;
  readonly startupSeconds: number;
  readonly sshPort: number;
  readonly restPort: number;
  readonly netconfPort: number;
  readonly listenerHelpers: number;
  /** Processes serving devices: 1 for a single-process fleet. */
  readonly workers: number;
  stop(): Promise<void>;
}

type WorkerMessage =
  | {
      op: 'ready';
      devices: InventoryDevice[];
      unserved: string[];
      listenerHelpers: number;
      startupSeconds: number;
    }
  | { op: 'failed'; code: string; message: string; diagnostics: Diagnostic[] }
  | { op: 'stopped' };

/** Starts `workers` processes and resolves when every one serves its part; none runs if one fails. */
export async function startWorkers(options: WorkerFleetOptions): Promise<ServedFleet> {
  const started = performance.now();
  const ports = await resolveFleetPorts({ ...options.fleet, topology: options.topology });
  const servesRest = (options.fleet.rest ?? true) && options.topology.nodes.some((n) => n.protocols.rest);
  const tls =
    servesRest && !options.fleet.restPlain
      ? (options.fleet.tls ?? (await (await import('../rest/tls.js')).generateTlsIdentity()))
      : undefined;
  const hostKeys = (options.fleet.hostKeys ?? generateHostKeys()).map((k) =>
    typeof k === 'string' ? k : k.toString('utf8'),
  );
  const script = siblingScript('worker.js', 'a fleet of several workers needs it');
  const children: ChildProcess[] = [];
  let stopping = false;
  const answers = Array.from({ length: options.workers }, (_, index) => {
    const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
    children.push(child);
    const settings: WorkerSettings = {
      topologyFile: options.topologyFile,
      ...(options.driftFile ? { driftFile: options.driftFile } : {}),
      ...(options.faultsFile ? { faultsFile: options.faultsFile } : {}),
      fleet: {
        ...options.fleet,
        ...ports,
        hostKeys,
        ...(tls ? { tls } : {}),
        part: { index, count: options.workers },
      },
    };
    return new Promise<Extract<WorkerMessage, { op: 'ready' }>>((resolve, reject) => {
      child.on('message', (message: WorkerMessage) => {
        if (message.op === 'ready') resolve(message);
        if (message.op === 'failed')
          reject(
            new LabfleetError(message.code as ErrorCode, message.message, {
              diagnostics: message.diagnostics,
            }),
          );
      });
      child.once('exit', (code, signal) => {
        const message = `worker ${index + 1} of ${options.workers} (pid ${child.pid}) ended (${signal ?? `exit code ${code}`})`;
        reject(new LabfleetError('LISTEN_FAILED', `${message} before its devices listened`));
        if (!stopping) options.onWorkerExit?.(`${message}; its devices no longer answer`);
      });
      child.send({ op: 'start', settings });
    });
  });
  const stop = async () => {
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.once('message', (message: WorkerMessage) => {
              if (message.op === 'stopped' && child.connected) child.disconnect();
            });
            if (child.connected) child.send({ op: 'stop' });
            else child.kill('SIGTERM');
          }),
      ),
    );
  };
  const results = await Promise.allSettled(answers);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const ready = results.map(
    (r) => (r as PromiseFulfilledResult<Extract<WorkerMessage, { op: 'ready' }>>).value,
  );
  return {
    devices: ready.flatMap((r) => r.devices),
    unserved: ready.flatMap((r) => r.unserved),
    ...(tls ? { tls } : {}),
    startupSeconds: (performance.now() - started) / 1000,
    ...ports,
    listenerHelpers: ready.reduce((sum, r) => sum + r.listenerHelpers, 0),
    workers: options.workers,
    stop,
  };
}
