/**
 * The control API over a fleet of several workers (`up --workers N`): each worker derives the whole
 * world and steers its own part through its FleetControl; this fans each request out to them and
 * merges the answers, so the API answers exactly as over a single-process fleet.
 *
 * - reads of devices go to the worker serving them (workers serve contiguous blocks, so worker
 *   order is topology order); drift reads to the first worker, which holds the whole fleet's;
 * - changes (drift, faults, reset) go to every worker, one change at a time: each validates it
 *   identically (a fault is first checked by every worker, then applied by every one, so a fault
 *   no part can take is applied by none), and the answer is the first worker's with the devices
 *   each worker changed merged;
 * - /metrics merges the workers' registries (counters and gauges summed, drift counted once).
 *
 * A worker that has ended or does not answer in time makes a request that needs it a 503
 * (WorkerUnavailableError), and a change is refused before any worker applies it.
 */
import { AggregatorRegistry, prometheusContentType } from 'prom-client';
import { LabfleetError } from '../errors.js';
import type { DeviceStatus, FaultStatus } from '../fleet/control.js';
import { WorkerUnavailableError, type AskMethod, type WorkerFleet } from '../fleet/workers.js';
import type { ControlSource, MetricsSource } from './routes.js';

type Parted = Pick<WorkerFleet, 'parts' | 'ask' | 'alive'>;

/** The control operations over every worker of `fleet`. */
export function createFanOutControl(fleet: Parted): ControlSource {
  const workers = fleet.parts.map((_, i) => i);
  const served = fleet.parts.map((names) => new Set(names));
  const owner = new Map<string, number>();
  fleet.parts.forEach((names, i) => names.forEach((name) => owner.set(name, i)));

  const ask = <T>(index: number, method: AskMethod, args: unknown[] = []) =>
    fleet.ask(index, method, args) as Promise<T>;
  const everyWorker = <T>(method: AskMethod, args: unknown[] = []) =>
    Promise.all(workers.map((i) => ask<T>(i, method, args)));

  /** Changes run one at a time, and only while every worker runs: no worker misses one. */
  let queue: Promise<unknown> = Promise.resolve();
  const change = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(() => {
      const ended = workers.find((i) => !fleet.alive(i));
      if (ended !== undefined)
        throw new WorkerUnavailableError(
          `worker ${ended + 1} of ${workers.length} has ended; its devices no longer answer, so the fleet takes no change (restart \`labfleet up\`)`,
        );
      return run();
    });
    queue = next.catch(() => undefined);
    return next;
  };

  /** The devices of a fault as the whole fleet holds them: each worker speaks for its own. */
  const heldDevices = (listings: ReadonlyArray<{ worker: number; devices: readonly string[] }>) => {
    const held = new Set(listings.flatMap((l) => l.devices.filter((n) => served[l.worker]!.has(n))));
    const order = [...new Set(listings.flatMap((l) => l.devices))];
    return order.filter((n) => held.has(n));
  };

  /** The fault as one fleet would list it, or undefined when no part holds it any longer. */
  const mergeFault = (listings: ReadonlyArray<{ worker: number; status: FaultStatus }>) => {
    const devices = heldDevices(listings.map((l) => ({ worker: l.worker, devices: l.status.devices })));
    // A fault held on no device is listed only when it never held one (a fraction that rounds to 0).
    if (devices.length === 0 && listings.some((l) => l.status.devices.length > 0)) return undefined;
    return { ...listings[0]!.status, devices };
  };

  const faults = async (): Promise<FaultStatus[]> => {
    const lists = await everyWorker<FaultStatus[]>('faults');
    const byId = new Map<string, Array<{ worker: number; status: FaultStatus }>>();
    lists.forEach((list, worker) =>
      list.forEach((status) => {
        const listings = byId.get(status.id) ?? [];
        listings.push({ worker, status });
        byId.set(status.id, listings);
      }),
    );
    return [...byId.values()]
      .map(mergeFault)
      .filter((f): f is FaultStatus => f !== undefined)
      .sort((a, b) => faultNumber(a.id) - faultNumber(b.id));
  };

  return {
    async devices() {
      return (await everyWorker<DeviceStatus[]>('devices')).flat();
    },
    async device(name) {
      const worker = owner.get(name);
      if (worker === undefined) {
        const near = [...owner.keys()].filter((n) => n.toLowerCase() === name.toLowerCase());
        throw new LabfleetError(
          'DEVICE_UNKNOWN',
          `no device named "${name}" in this fleet${near.length ? `; did you mean "${near[0]}"?` : ''}`,
        );
      }
      return ask<DeviceStatus>(worker, 'device', [name]);
    },
    drift: () => ask(0, 'drift'),
    applyDrift: (items) =>
      change(async () => {
        const answers = await everyWorker<{ applied: number; affected: string[] }>('applyDrift', [items]);
        return { applied: answers[0]!.applied, affected: mergeSorted(answers.map((a) => a.affected)) };
      }),
    clearDrift: () =>
      change(async () => {
        const answers = await everyWorker<{ removed: number; affected: string[] }>('clearDrift');
        return { removed: answers[0]!.removed, affected: mergeSorted(answers.map((a) => a.affected)) };
      }),
    faults,
    addFault: (raw) =>
      change(async () => {
        await everyWorker('checkFault', [raw]);
        const answers = await everyWorker<FaultStatus>('addFault', [raw]);
        return answers[0]!;
      }),
    removeFault: (id) =>
      change(async () => {
        const answers = await Promise.allSettled(
          workers.map((i) => ask<FaultStatus>(i, 'removeFault', [id])),
        );
        const lifted = answers.flatMap((a, worker) =>
          a.status === 'fulfilled' ? [{ worker, status: a.value }] : [],
        );
        const merged = lifted.length > 0 ? mergeFault(lifted) : undefined;
        if (merged) return merged;
        const failure = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
        if (failure && !(failure.reason instanceof LabfleetError && failure.reason.code === 'FAULT_UNKNOWN'))
          throw failure.reason;
        // Held only by parts whose own devices it had left: to one fleet, it was over already.
        const inForce = (await faults()).map((f) => f.id);
        throw new LabfleetError(
          'FAULT_UNKNOWN',
          `no fault "${id}" is in force${inForce.length ? `; in force: ${inForce.join(', ')}` : ''}`,
        );
      }),
    clearFaults: () =>
      change(async () => {
        const count = (await faults()).length;
        await everyWorker('clearFaults');
        return count;
      }),
    reset: () =>
      change(async () => {
        await everyWorker('reset');
      }),
  };
}

/** /metrics over the workers: their registries merged as one fleet's. */
export function createFanOutMetrics(fleet: Pick<WorkerFleet, 'parts' | 'ask'>): MetricsSource {
  return {
    registry: {
      contentType: prometheusContentType,
      async metrics() {
        const parts = await Promise.all(fleet.parts.map((_, i) => fleet.ask(i, 'metrics')));
        return AggregatorRegistry.aggregate(parts as object[]).metrics();
      },
    },
  };
}

function mergeSorted(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort();
}

function faultNumber(id: string): number {
  return Number(id.slice(1));
}
