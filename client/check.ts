/** The cabling check as a library call: collect neighbours from every device, then verify. */
import { performance } from 'node:perf_hooks';
import type { Platform } from '../simulator/topology/kinds/index.js';
import { collectAll, type CollectOptions, type DeviceResult } from './collect.js';
import type { Timing } from './report/index.js';
import { summarizeUnreachable } from './report/unreachable.js';
import type { Target } from './target.js';
import type { Documentation } from './verify/documentation.js';
import { verifyCabling, type CablingReport } from './verify/verifier.js';

export interface CheckResult {
  report: CablingReport;
  results: DeviceResult[];
  timing: Timing;
  /** What the cabling was checked against (reports draw and list its cables). */
  documentation: Documentation;
}

export async function checkCabling(
  targets: readonly Target[],
  documentation: Documentation,
  options: CollectOptions,
): Promise<CheckResult> {
  const started = performance.now();
  const results = await collectAll(targets, { items: ['neighbors'] }, options);
  const platforms = new Map<string, Platform>(targets.map((t) => [t.name.toLowerCase(), t.platform]));
  const verified = verifyCabling(documentation, results, (device) => platforms.get(device.toLowerCase()));
  const unreachable = summarizeUnreachable(results, targets, options.transport ?? 'ssh');
  const report = unreachable ? { ...verified, unreachable } : verified;
  return {
    report,
    results,
    documentation,
    timing: {
      seconds: (performance.now() - started) / 1000,
      // after Ctrl-C (options.signal), the devices that finished
      devices: results.filter((r) => r.status !== 'interrupted').length,
    },
  };
}

/**
 * The check over neighbours collected elsewhere (`collect neighbors --shard i/n`, one file per
 * shard): the union is verified, so a cable between two shards' devices is judged from both ends.
 */
export function checkCollected(results: readonly DeviceResult[], documentation: Documentation): CheckResult {
  const platforms = new Map<string, Platform>(results.map((r) => [r.device.toLowerCase(), r.platform]));
  const report = verifyCabling(documentation, results, (device) => platforms.get(device.toLowerCase()));
  return {
    report,
    results: [...results],
    documentation,
    // Each shard collected at once: the longest device is the least the whole took.
    timing: {
      seconds: Math.max(0, ...results.map((r) => r.seconds)),
      devices: results.filter((r) => r.status !== 'interrupted').length,
    },
  };
}
