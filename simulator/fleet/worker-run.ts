/**
 * A fleet worker: a process of its own serving one part of the fleet (`up --workers`). It takes the
 * topology its parent validated, loads drift and faults from the same files, derives the whole
 * world, and serves its part with the host keys, TLS identity and ports it was given, so its
 * devices are byte for byte those of a single-process fleet. It exits when its parent's channel
 * closes, so it never outlives the fleet.
 *
 * Requests: `start` {settings}; answered `ready` {devices, names, unserved, listenerHelpers,
 * startupSeconds} or `failed` {code, message, diagnostics}. `ask` {id, method, args} calls the part's
 * FleetControl (or `metrics`, the extras' registry as JSON); answered `answer` {id, value} or
 * `answer` {id, error: {code, message, diagnostics}}. Then `stop`, answered `stopped`.
 */
import { deserialize } from 'node:v8';
import type { Telemetry } from '../device/stats.js';
import { LabfleetError, type ErrorCode } from '../errors.js';
import { loadDrift } from '../topology/drift.js';
import { loadFaults } from '../topology/fault-files.js';
import type { Topology } from '../topology/model.js';
import { startFleet, type Fleet } from './fleet.js';
import { ASKABLE, type AskMethod, type WorkerSettings } from './workers.js';

/** What a worker entry above the fleet layer adds: the control API's metrics. */
export interface WorkerExtras {
  telemetry: Telemetry;
  /** Told once the part serves. */
  served(fleet: Fleet): void;
  /** The part's metrics, as `registry.getMetricsAsJSON()` gives them. */
  metrics(): Promise<unknown>;
}

type Request =
  | { op: 'start'; settings: WorkerSettings }
  | { op: 'stop' }
  | { op: 'ask'; id: number; method: AskMethod; args: unknown[] };

/** Serves this process as a worker; `extras` when the fleet has a control API. */
export function runWorker(extras?: WorkerExtras): void {
  let fleet: Fleet | undefined;

  async function start(settings: WorkerSettings): Promise<void> {
    try {
      const bytes = settings.topology;
      const topology = deserialize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Topology;
      fleet = await startFleet({
        ...settings.fleet,
        topology,
        ...(extras ? { telemetry: extras.telemetry } : {}),
        ...(settings.driftFile ? { world: await loadDrift(settings.driftFile, topology) } : {}),
        ...(settings.faultsFile ? { faults: await loadFaults(settings.faultsFile, topology) } : {}),
      });
      extras?.served(fleet);
      process.send!({
        op: 'ready',
        devices: fleet.devices,
        names: fleet.control.devices().map((d) => d.name),
        unserved: fleet.unserved,
        listenerHelpers: fleet.listenerHelpers,
        startupSeconds: fleet.startupSeconds,
      });
    } catch (error) {
      process.send!({ op: 'failed', ...describe(error) });
    }
  }

  async function ask(id: number, method: AskMethod, args: unknown[]): Promise<void> {
    try {
      if (!fleet) throw new LabfleetError('CONTROL_FAILED', 'the worker serves no fleet');
      let value: unknown;
      if (method === 'metrics') value = extras ? await extras.metrics() : [];
      else if ((ASKABLE as readonly string[]).includes(method))
        value = await (fleet.control[method] as (...a: unknown[]) => unknown)(...args);
      else throw new LabfleetError('CONTROL_FAILED', `a worker has no operation "${String(method)}"`);
      if (process.connected) process.send!({ op: 'answer', id, value: value ?? null });
    } catch (error) {
      if (process.connected) process.send!({ op: 'answer', id, error: describe(error, 'CONTROL_FAILED') });
    }
  }

  async function stop(): Promise<void> {
    await fleet?.stop();
    fleet = undefined;
    if (process.connected) process.send!({ op: 'stopped' });
  }

  process.on('message', (message: Request) => {
    if (message.op === 'start') void start(message.settings);
    else if (message.op === 'ask') void ask(message.id, message.method, message.args);
    else void stop();
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  // The parent stops the fleet; a signal meant for the whole process group must not cut a worker short.
  process.on('SIGINT', () => undefined);
}

function describe(error: unknown, fallback: ErrorCode = 'LISTEN_FAILED') {
  const e = error instanceof LabfleetError ? error : undefined;
  return {
    code: e?.code ?? fallback,
    message: error instanceof Error ? error.message : String(error),
    diagnostics: e?.diagnostics ?? [],
  };
}
