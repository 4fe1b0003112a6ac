/** Raw latency settings → distributions in milliseconds, merged fleet → kind → node. */
import { parseDuration, parseRate } from './duration.js';
import type { Distribution, LatencyProfile } from './model.js';
import type { RawDistribution, RawLatency } from './schema.js';

const ZERO: Distribution = { type: 'fixed', ms: 0 };

const ms = (value: string | number): number => parseDuration(value) ?? 0;

/** Converts a schema-valid distribution to milliseconds. */
export function resolveDistribution(raw: RawDistribution): Distribution {
  if (typeof raw === 'string' || typeof raw === 'number') return { type: 'fixed', ms: ms(raw) };
  if ('fixed' in raw) return { type: 'fixed', ms: ms(raw.fixed) };
  if ('uniform' in raw) return { type: 'uniform', min: ms(raw.uniform[0]), max: ms(raw.uniform[1]) };
  if ('normal' in raw) return { type: 'normal', mean: ms(raw.normal.mean), stddev: ms(raw.normal.stddev) };
  if ('lognormal' in raw)
    return { type: 'lognormal', median: ms(raw.lognormal.median), p99: ms(raw.lognormal.p99) };
  return {
    type: 'mix',
    parts: raw.mix.map(({ weight, ...dist }) => ({
      weight,
      dist: resolveDistribution(dist) as Exclude<Distribution, { type: 'mix' }>,
    })),
  };
}

/** A problem with a distribution's values that the schema cannot see, or undefined. */
export function checkDistribution(dist: Distribution): string | undefined {
  switch (dist.type) {
    case 'uniform':
      return dist.min <= dist.max
        ? undefined
        : `uniform [${dist.min}ms, ${dist.max}ms]: min must not exceed max`;
    case 'lognormal':
      return dist.p99 >= dist.median
        ? undefined
        : `lognormal: p99 (${dist.p99}ms) must be at least the median (${dist.median}ms)`;
    case 'mix':
      return dist.parts.map((p) => checkDistribution(p.dist)).find((m) => m !== undefined);
    default:
      return undefined;
  }
}

/** Merges layers of raw latency settings (later wins, `commands` merged key by key). */
export function resolveLatency(layers: ReadonlyArray<RawLatency | undefined>): LatencyProfile {
  const profile: LatencyProfile = {
    connect: ZERO,
    auth: ZERO,
    command: ZERO,
    // Keyed by commands users write: a prototype would answer `constructor` with a function.
    commands: Object.create(null) as LatencyProfile['commands'],
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.connect !== undefined) profile.connect = resolveDistribution(layer.connect);
    if (layer.auth !== undefined) profile.auth = resolveDistribution(layer.auth);
    if (layer.command !== undefined) profile.command = resolveDistribution(layer.command);
    if (layer.output_rate !== undefined) profile.outputRate = parseRate(layer.output_rate);
    for (const [command, dist] of Object.entries(layer.commands ?? {}))
      profile.commands[command] = resolveDistribution(dist);
  }
  return profile;
}
