/**
 * One event loop serves every device of a fleet, so an API that runs many commands in one request
 * (eAPI `runCmds`, NX-API's batches, Junos `POST /rpc`) must not hold it for the whole request: a
 * 999-command eAPI call is seconds of CPU. Its commands come through `paced`, which lets the loop
 * serve the other devices' sockets and timers once a slice of CPU has gone by. A request of one
 * command never waits on the loop.
 *
 * Yielding lets heavy requests overlap, and each may build up to the reply limit; so past its
 * first slice a request needs one of the fleet's few build slots, and waits for one when all are
 * taken. Memory for replies under construction is then at most HEAVY_BUILDS × the reply limit.
 */
import { performance } from 'node:perf_hooks';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Timers } from '../device/timers.js';

/**
 * CPU one request may spend before the others get the loop, ms: another request waits about this
 * for each turn of the loop it needs (accept, read, answer).
 */
export const SLICE_MS = 5;

/** Requests of a fleet building past their first slice at once; the next waits for a slot. */
export const HEAVY_BUILDS = 8;

/** The build slots of one fleet (one registry of timers = one fleet). */
interface Slots {
  taken: number;
  waiting: Array<(granted: boolean) => void>;
}
const slotsOf = new WeakMap<Timers, Slots>();

function slotsFor(timers: Timers): Slots {
  let slots = slotsOf.get(timers);
  if (!slots) slotsOf.set(timers, (slots = { taken: 0, waiting: [] }));
  return slots;
}

/** Resolves true with a slot held, or false when the fleet stops first. */
function takeSlot(timers: Timers, slots: Slots, limit: number): Promise<boolean> {
  if (slots.taken < limit) {
    slots.taken++;
    return Promise.resolve(true);
  }
  return new Promise<boolean>((resolve) => {
    const stopped = () => {
      slots.waiting.splice(slots.waiting.indexOf(grant), 1);
      resolve(false);
    };
    const grant = (granted: boolean) => {
      timers.signal.removeEventListener('abort', stopped);
      resolve(granted);
    };
    slots.waiting.push(grant);
    timers.signal.addEventListener('abort', stopped, { once: true });
  });
}

/** Hands the slot straight to the next waiting request, or frees it. */
function giveBack(slots: Slots): void {
  const next = slots.waiting.shift();
  if (next) next(true);
  else slots.taken--;
}

/**
 * The items in order, with a turn of the event loop between two of them once a slice of CPU is
 * spent. It ends early, as a `break` would, when the fleet stops: the request then goes unanswered.
 */
export async function* paced<T>(
  device: DeviceRuntime,
  items: Iterable<T>,
  options: { sliceMs?: number; heavyBuilds?: number } = {},
): AsyncGenerator<T> {
  const { timers } = device;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const slots = slotsFor(timers);
  let since = performance.now();
  let holding = false;
  try {
    for (const item of items) {
      if (timers.signal.aborted) return;
      if (performance.now() - since >= sliceMs) {
        if (!holding) {
          if (!(await takeSlot(timers, slots, options.heavyBuilds ?? HEAVY_BUILDS))) return;
          holding = true;
        }
        if (!(await timers.yieldToLoop())) return;
        since = performance.now();
      }
      yield item;
    }
  } finally {
    if (holding) giveBack(slots);
  }
}
