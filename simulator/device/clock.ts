/** Fleet time: real, or frozen at a fixed epoch so output is byte-identical across runs (--freeze-time). */
import { FROZEN_EPOCH } from './render-context.js';

export interface Clock {
  /** Wall clock, ms since the epoch. */
  now(): number;
  /** Seconds since the fleet started. */
  elapsedSeconds(): number;
}

export function createClock(frozen: boolean): Clock {
  if (frozen) return { now: () => FROZEN_EPOCH, elapsedSeconds: () => 0 };
  const start = Date.now();
  return { now: () => Date.now(), elapsedSeconds: () => (Date.now() - start) / 1000 };
}
