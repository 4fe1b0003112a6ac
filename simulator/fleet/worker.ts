/**
 * A fleet worker: a process of its own serving one part of the fleet (`up --workers`). It loads the
 * topology (and drift and faults) from the same files as the process that started it, derives the
 * whole world, and serves its part with the host keys, TLS identity and ports it was given, so its
 * devices are byte for byte those of a single-process fleet. It exits when its parent's channel
 * closes, so it never outlives the fleet.
 *
 * Requests: `start` {settings}; answered `ready` {devices, unserved, listenerHelpers,
 * startupSeconds} or `failed` {code, message, diagnostics}. Then `stop`, answered `stopped`.
 */
import { LabfleetError } from '../errors.js';
import { loadDrift } from '../topology/drift.js';
import { loadFaults } from '../topology/fault-files.js';
import { loadTopology } from '../topology/load.js';
import { startFleet, type Fleet } from './fleet.js';
import type { WorkerSettings } from './workers.js';

let fleet: Fleet | undefined;

async function start(settings: WorkerSettings): Promise<void> {
  try {
    const topology = await loadTopology(settings.topologyFile);
    fleet = await startFleet({
      ...settings.fleet,
      topology,
      ...(settings.driftFile ? { world: await loadDrift(settings.driftFile, topology) } : {}),
      ...(settings.faultsFile ? { faults: await loadFaults(settings.faultsFile, topology) } : {}),
    });
    process.send!({
      op: 'ready',
      devices: fleet.devices,
      unserved: fleet.unserved,
      listenerHelpers: fleet.listenerHelpers,
      startupSeconds: fleet.startupSeconds,
    });
  } catch (error) {
    const e = error instanceof LabfleetError ? error : undefined;
    process.send!({
      op: 'failed',
      code: e?.code ?? 'LISTEN_FAILED',
      message: error instanceof Error ? error.message : String(error),
      diagnostics: e?.diagnostics ?? [],
    });
  }
}

async function stop(): Promise<void> {
  await fleet?.stop();
  fleet = undefined;
  if (process.connected) process.send!({ op: 'stopped' });
}

process.on('message', (message: { op: 'start'; settings: WorkerSettings } | { op: 'stop' }) => {
  if (message.op === 'start') void start(message.settings);
  else void stop();
});
process.on('disconnect', () => void stop().finally(() => process.exit(0)));
// The parent stops the fleet; a signal meant for the whole process group must not cut a worker short.
process.on('SIGINT', () => undefined);
