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
import { serialize } from 'node:v8';
import { LabfleetError, type Diagnostic } from '../errors.js';
import type { ErrorCode } from '../error-codes.js';
import { generateHostKeys } from '../ssh/host-keys.js';
import type { Topology } from '../topology/model.js';
import { resolveFleetPorts, type FleetOptions, type ServedFleet } from './fleet.js';
import type { InventoryDevice } from './inventory.js';
import { siblingScript } from './sibling-script.js';
import type { FleetControl } from './control.js';

/** The FleetControl methods a parent may ask a worker to run. */
export const ASKABLE = [
  'devices',
  'device',
  'drift',
  'applyDrift',
  'faults',
  'checkFault',
  'addFault',
  'removeFault',
  'clearFaults',
  'clearDrift',
  'reset',
] as const satisfies ReadonlyArray<keyof FleetControl>;

export type AskMethod = (typeof ASKABLE)[number] | 'metrics';

/** The most workers one fleet starts. */
export const MAX_WORKERS = 256;

/**
 * What a worker is told: everything a FleetOptions holds that crosses a process boundary. The
 * topology travels as this process validated it, serialized once (node:v8, which keeps its map
 * and shared objects) for every worker: parsing and validating it again would cost each worker
 * seconds of CPU at 100,000 devices, where deserializing costs a fraction of a second.
 */
export interface WorkerSettings {
  /** The topology, `v8.serialize`d. */
  topology: Uint8Array;
  driftFile?: string;
  faultsFile?: string;
  fleet: Omit<FleetOptions, 'topology' | 'world' | 'faults' | 'telemetry' | 'hostKeys'> & {
    hostKeys: string[];
  };
}

export interface WorkerFleetOptions {
  workers: number;
  /** The topology as this process loaded it: ports are laid out from it, and every worker serves it. */
  topology: Topology;
  driftFile?: string;
  faultsFile?: string;
  fleet: Omit<FleetOptions, 'topology' | 'world' | 'faults' | 'telemetry'>;
  /** Told when a worker ends while the fleet runs (its devices stop answering). */
  onWorkerExit?: (message: string) => void;
  /**
   * The worker entry to fork (one that calls `runWorker`, worker-run.ts); default worker.js. The
   * control API's (simulator/control/worker.js) adds the metrics its fan-out merges.
   */
  script?: string;
}

export type { ServedFleet };

/** The longest a worker may take to answer a control request. */
export const WORKER_ANSWER_MS = 30_000;

/** A worker that has ended or does not answer: its part of a control request cannot be served. */
export class WorkerUnavailableError extends LabfleetError {
  constructor(message: string) {
    super('CONTROL_FAILED', message);
    this.name = 'WorkerUnavailableError';
  }
}

/** A fleet of several workers, steered through each worker's FleetControl. */
export interface WorkerFleet extends ServedFleet {
  /** Per worker, in order: the names of the devices it serves (a contiguous block, topology order). */
  readonly parts: ReadonlyArray<readonly string[]>;
  /**
   * Runs `method` of worker `index`'s FleetControl (or `metrics`): its answer, its LabfleetError,
   * or WorkerUnavailableError when the worker has ended or takes longer than `timeoutMs`.
   */
  ask(index: number, method: AskMethod, args?: unknown[], timeoutMs?: number): Promise<unknown>;
  /** Whether worker `index` still runs. */
  alive(index: number): boolean;
}

/** Whether a served fleet is one of several workers. */
export function isWorkerFleet(fleet: ServedFleet): fleet is WorkerFleet {
  return 'ask' in fleet && 'parts' in fleet;
}

type Failure = { code: string; message: string; diagnostics: Diagnostic[] };

type WorkerMessage =
  | {
      op: 'ready';
      devices: InventoryDevice[];
      names: string[];
      unserved: string[];
      listenerHelpers: number;
      startupSeconds: number;
    }
  | ({ op: 'failed' } & Failure)
  | { op: 'answer'; id: number; value?: unknown; error?: Failure }
  | { op: 'stopped' };

/** Starts `workers` processes and resolves when every one serves its part; none runs if one fails. */
export async function startWorkers(options: WorkerFleetOptions): Promise<WorkerFleet> {
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
  const script = options.script ?? siblingScript('worker.js', 'a fleet of several workers needs it');
  const topology = serialize(options.topology);
  const fleet = crossable(options.fleet);
  const children: ChildProcess[] = [];
  /** Per worker: the control requests waiting for an answer. */
  const pending = Array.from(
    { length: options.workers },
    () => new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>(),
  );
  let nextAsk = 1;
  let stopping = false;
  const answers = Array.from({ length: options.workers }, (_, index) => {
    // Advanced serialization: the serialized topology crosses as bytes, not as a JSON array of numbers.
    const child = fork(script, [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: [],
      serialization: 'advanced',
    });
    children.push(child);
    const settings: WorkerSettings = {
      topology,
      ...(options.driftFile ? { driftFile: options.driftFile } : {}),
      ...(options.faultsFile ? { faultsFile: options.faultsFile } : {}),
      fleet: {
        ...fleet,
        ...ports,
        hostKeys,
        ...(tls ? { tls } : {}),
        part: { index, count: options.workers },
      },
    };
    return new Promise<Extract<WorkerMessage, { op: 'ready' }>>((resolve, reject) => {
      child.on('message', (message: WorkerMessage) => {
        if (message.op === 'answer') {
          const waiting = pending[index]!.get(message.id);
          pending[index]!.delete(message.id);
          if (message.error)
            waiting?.reject(
              new LabfleetError(message.error.code as ErrorCode, message.error.message, {
                diagnostics: message.error.diagnostics,
              }),
            );
          else waiting?.resolve(message.value);
        }
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
        for (const waiting of pending[index]!.values())
          waiting.reject(new WorkerUnavailableError(`${message} before it answered`));
        pending[index]!.clear();
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
            // Answers to control requests may come first: wait for the one that says stopped.
            child.on('message', (message: WorkerMessage) => {
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
  const alive = (index: number) => {
    const child = children[index]!;
    return child.exitCode === null && child.signalCode === null && child.connected;
  };
  const describe = (index: number) =>
    `worker ${index + 1} of ${options.workers} (pid ${children[index]!.pid})`;
  const ask = (index: number, method: AskMethod, args: unknown[] = [], timeoutMs = WORKER_ANSWER_MS) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopping || !alive(index))
        return reject(
          new WorkerUnavailableError(
            `${describe(index)} ${stopping ? 'is stopping' : 'has ended'}; its devices no longer answer`,
          ),
        );
      const id = nextAsk++;
      // Not the fleet's Timers (those live in the workers): an answer, the worker's exit or this
      // timeout clears it, and stop() ends every worker, so none outlives the fleet.
      // eslint-disable-next-line no-restricted-globals
      const timer = setTimeout(() => {
        pending[index]!.delete(id);
        reject(new WorkerUnavailableError(`${describe(index)} did not answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      pending[index]!.set(id, {
        resolve(value) {
          clearTimeout(timer);
          resolve(value);
        },
        reject(error) {
          clearTimeout(timer);
          reject(error);
        },
      });
      children[index]!.send({ op: 'ask', id, method, args }, (error) => {
        if (error)
          pending[index]!.get(id)?.reject(new WorkerUnavailableError(`${describe(index)}: ${error.message}`));
      });
    });
  return {
    parts: ready.map((r) => r.names),
    ask,
    alive,
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

/**
 * The fleet options a worker is sent: callers may hand over a whole FleetOptions, whose topology,
 * world, faults and telemetry either travel otherwise (the topology, the overlay files) or belong to
 * this process (the telemetry, which holds functions no message can carry).
 */
function crossable(options: WorkerFleetOptions['fleet']): WorkerFleetOptions['fleet'] {
  const copy: Partial<FleetOptions> = { ...options };
  delete copy.topology;
  delete copy.world;
  delete copy.faults;
  delete copy.telemetry;
  return copy;
}
