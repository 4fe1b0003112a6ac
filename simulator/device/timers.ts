/**
 * The one owner of a fleet's pending timers. Latency sleeps, paced output, login and connect
 * delays all go through a fleet's `Timers`, so `fleet.stop()` clears every one of them with a
 * single `clear()` and nothing left behind keeps the process alive (a 30-minute command latency
 * must not outlive SIGTERM). New simulator code schedules through here, never `setTimeout`.
 */
import { MAX_TIMER_MS } from '../topology/duration.js';

export interface Timers {
  /**
   * Runs `fn` after `ms` (capped at what a timer can hold, never wrapped to 1 ms); returns a
   * function that cancels it. Once the registry is cleared nothing is scheduled and `fn` never runs.
   */
  after(ms: number, fn: () => void): () => void;
  /** Resolves `true` after `ms`, or `false` as soon as the registry is cleared (at once if it was). */
  sleep(ms: number): Promise<boolean>;
  /**
   * Resolves `true` once the event loop has served what was waiting (sockets, due timers), or
   * `false` as soon as the registry is cleared (at once if it was): a long computation calls it
   * between steps so it does not hold every other device of the fleet up.
   */
  yieldToLoop(): Promise<boolean>;
  /** Aborted when the registry is cleared: for APIs that take a signal. */
  readonly signal: AbortSignal;
  /** Timers still pending (for tests and for proving a stop left nothing behind). */
  readonly pending: number;
  /** Cancels everything pending, wakes every sleeper with `false`, and refuses new timers. */
  clear(): void;
}

/** A fresh registry; a fleet makes one and hands it to every device it runs. */
export function createTimers(): Timers {
  const controller = new AbortController();
  const live = new Map<NodeJS.Timeout, (() => void) | undefined>();
  const yielding = new Map<NodeJS.Immediate, () => void>();
  const cancel = (handle: NodeJS.Timeout) => {
    clearTimeout(handle);
    live.delete(handle);
  };
  const after = (ms: number, fn: () => void, onClear?: () => void): (() => void) => {
    if (controller.signal.aborted) {
      onClear?.();
      return () => undefined;
    }
    const handle = setTimeout(
      () => {
        live.delete(handle);
        fn();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    live.set(handle, onClear);
    return () => cancel(handle);
  };
  return {
    after: (ms, fn) => after(ms, fn),
    sleep: (ms) =>
      ms <= 0
        ? Promise.resolve(!controller.signal.aborted)
        : new Promise<boolean>((resolve) => {
            after(
              ms,
              () => resolve(true),
              () => resolve(false),
            );
          }),
    yieldToLoop: () =>
      controller.signal.aborted
        ? Promise.resolve(false)
        : new Promise<boolean>((resolve) => {
            const handle = setImmediate(() => {
              yielding.delete(handle);
              resolve(true);
            });
            yielding.set(handle, () => resolve(false));
          }),
    signal: controller.signal,
    get pending() {
      return live.size + yielding.size;
    },
    clear() {
      if (controller.signal.aborted) return;
      controller.abort();
      const woken = [...live];
      live.clear();
      const yielded = [...yielding];
      yielding.clear();
      for (const [handle, onClear] of woken) {
        clearTimeout(handle);
        onClear?.();
      }
      for (const [handle, wake] of yielded) {
        clearImmediate(handle);
        wake();
      }
    },
  };
}
