/**
 * Writes text to a byte sink no faster than a byte rate, in order, in ticks of 10 ms; without a
 * rate it writes at once. It honours the sink's backpressure and reports its own: `write` returns
 * false once HIGH_WATER bytes wait (here or in the sink), and `whenWritable` says when to go on.
 */

import { createTimers, type Timers } from '../device/timers.js';

/** Where bytes go: `write` returns false when full, `whenWritable` calls back once it is not. */
export interface ByteSink {
  write(bytes: Buffer): boolean;
  whenWritable(fn: () => void): void;
}

export interface PacedWriter {
  /** Queues text; false means stop writing until `whenWritable`. */
  write(text: string): boolean;
  whenWritable(fn: () => void): void;
  /** Calls `fn` once everything written so far has gone to the sink. */
  whenDrained(fn: () => void): void;
  /** Drops what is queued and every waiting callback (the peer went away). */
  cancel(): void;
}

const TICK_MS = 10;
/** Bytes the paced queue holds before `write` asks its caller to wait. */
export const PACED_HIGH_WATER = 64 * 1024;

const alwaysWritable = (write: (bytes: Buffer) => void): ByteSink => ({
  write: (bytes) => (write(bytes), true),
  whenWritable: (fn) => fn(),
});

/** `timers`: the fleet's registry, so a fleet stop ends the pacing (a writer alone gets its own). */
export function createPacedWriter(
  target: ByteSink | ((bytes: Buffer) => void),
  bytesPerSecond?: number,
  timers: Timers = createTimers(),
): PacedWriter {
  const sink = typeof target === 'function' ? alwaysWritable(target) : target;
  if (!bytesPerSecond) {
    return {
      write: (text) => sink.write(Buffer.from(text, 'latin1')),
      whenWritable: (fn) => sink.whenWritable(fn),
      whenDrained: (fn) => fn(),
      cancel: () => undefined,
    };
  }
  const perTick = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
  let queue: Buffer[] = [];
  let queued = 0;
  let timer: (() => void) | undefined;
  let waitingForSink = false;
  let cancelled = false;
  let drainWaiters: Array<() => void> = [];
  let writableWaiters: Array<() => void> = [];
  const take = (n: number): Buffer => {
    const parts: Buffer[] = [];
    let left = n;
    while (left > 0 && queue.length > 0) {
      const head = queue[0]!;
      if (head.length <= left) {
        parts.push(queue.shift()!);
        left -= head.length;
      } else {
        parts.push(head.subarray(0, left));
        queue[0] = head.subarray(left);
        left = 0;
      }
    }
    const chunk = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    queued -= chunk.length;
    return chunk;
  };
  const notify = () => {
    if (queued < PACED_HIGH_WATER && writableWaiters.length > 0) {
      const ready = writableWaiters;
      writableWaiters = [];
      for (const fn of ready) fn();
    }
    if (queued === 0 && !timer && !waitingForSink) {
      const done = drainWaiters;
      drainWaiters = [];
      for (const fn of done) fn();
    }
  };
  const tick = () => {
    timer = undefined;
    if (cancelled || queued === 0) return notify();
    const full = !sink.write(take(perTick));
    if (queued > 0) {
      if (full) {
        waitingForSink = true;
        sink.whenWritable(() => {
          waitingForSink = false;
          if (!cancelled) timer = timers.after(TICK_MS, tick);
        });
      } else timer = timers.after(TICK_MS, tick);
    }
    notify();
  };
  return {
    write(text) {
      const bytes = Buffer.from(text, 'latin1');
      if (cancelled || bytes.length === 0) return true;
      queue.push(bytes);
      queued += bytes.length;
      if (!timer && !waitingForSink) tick();
      return queued < PACED_HIGH_WATER;
    },
    whenWritable(fn) {
      if (queued < PACED_HIGH_WATER) fn();
      else writableWaiters.push(fn);
    },
    whenDrained(fn) {
      if (queued === 0 && !timer && !waitingForSink) fn();
      else drainWaiters.push(fn);
    },
    cancel() {
      cancelled = true;
      timer?.();
      timer = undefined;
      queue = [];
      queued = 0;
      drainWaiters = [];
      writableWaiters = [];
    },
  };
}
