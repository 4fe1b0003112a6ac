/** The collect defaults, apart from the collectors, so the CLI's help texts load no SSH or REST code. */
import type { Timeouts } from './target.js';

/** `collect.ts` re-exports these as its `DEFAULT_COLLECT_OPTIONS: CollectOptions`. */
export const DEFAULT_COLLECT_OPTIONS: { timeouts: Timeouts; retries: number; concurrency: number } = {
  timeouts: { connectMs: 10_000, commandMs: 30_000 },
  retries: 2,
  concurrency: 100,
};
