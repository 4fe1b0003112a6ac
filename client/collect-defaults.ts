/** The collect defaults, apart from the collectors, so the CLI's help texts load no SSH or REST code. */
import type { CollectOptions } from './collect.js';

export const DEFAULT_COLLECT_OPTIONS: CollectOptions = {
  timeouts: { connectMs: 10_000, commandMs: 30_000 },
  retries: 2,
  concurrency: 100,
};
