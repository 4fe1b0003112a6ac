/** Writes text no faster than a byte rate, in order, in ticks of 10 ms; without a rate it writes at once. */
import { createTimers, type Timers } from '../device/timers.js';

export interface PacedWriter {
  write(text: string): void;
  /** Calls `fn` once everything written so far has gone out. */
  whenDrained(fn: () => void): void;
  /** Drops what is queued (the peer went away). */
  cancel(): void;
}

const TICK_MS = 10;

/** `timers`: the fleet's registry, so a fleet stop ends the pacing (a writer alone gets its own). */
export function createPacedWriter(
  sink: (bytes: Buffer) => void,
  bytesPerSecond?: number,
  timers: Timers = createTimers(),
): PacedWriter {
  if (!bytesPerSecond) {
    return {
      write: (text) => sink(Buffer.from(text, 'latin1')),
      whenDrained: (fn) => fn(),
      cancel: () => undefined,
    };
  }
  const perTick = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
  let queue = Buffer.alloc(0);
  let timer: (() => void) | undefined;
  let waiters: Array<() => void> = [];
  const tick = () => {
    const chunk = queue.subarray(0, perTick);
    queue = queue.subarray(chunk.length);
    sink(chunk);
    if (queue.length > 0) timer = timers.after(TICK_MS, tick);
    else {
      timer = undefined;
      const done = waiters;
      waiters = [];
      for (const fn of done) fn();
    }
  };
  return {
    write(text) {
      queue = Buffer.concat([queue, Buffer.from(text, 'latin1')]);
      if (!timer) tick();
    },
    whenDrained(fn) {
      if (!timer && queue.length === 0) fn();
      else waiters.push(fn);
    },
    cancel() {
      timer?.();
      timer = undefined;
      queue = Buffer.alloc(0);
      waiters = [];
    },
  };
}
