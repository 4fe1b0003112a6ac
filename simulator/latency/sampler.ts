/** Latency samples from a device's profile: the only delay a client should ever measure. */
import type { Distribution, LatencyProfile } from '../topology/model.js';
import { createRng, type Rng } from '../state/random.js';

/** z-score of the 99th percentile of the standard normal. */
const Z99 = 2.3263478740408408;

/** Draws one sample, in milliseconds, never negative. */
export function sampleDistribution(dist: Distribution, rng: Rng): number {
  switch (dist.type) {
    case 'fixed':
      return dist.ms;
    case 'uniform':
      return dist.min + rng.next() * (dist.max - dist.min);
    case 'normal':
      return Math.max(0, dist.mean + rng.normal() * dist.stddev);
    case 'lognormal': {
      if (dist.median <= 0) return 0;
      const sigma = Math.log(Math.max(dist.p99, dist.median) / dist.median) / Z99;
      return dist.median * Math.exp(sigma * rng.normal());
    }
    case 'mix': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0);
      let roll = rng.next() * total;
      for (const part of dist.parts)
        if ((roll -= part.weight) <= 0) return sampleDistribution(part.dist, rng);
      return sampleDistribution(dist.parts.at(-1)!.dist, rng);
    }
  }
}

/** Per-device latency: connect, auth, and per command (with per-command overrides). */
export interface LatencySampler {
  connect(): number;
  auth(): number;
  /** Latency for a command, given its canonical full text (`show cdp neighbors detail`). */
  command(canonical: string): number;
  /** Bytes per second for long outputs, or undefined for no pacing. */
  outputRate?: number;
}

export function createLatencySampler(
  profile: LatencyProfile,
  seed: string | number,
  device: string,
): LatencySampler {
  const rng = createRng(seed, device, 'latency');
  const zero = (d: Distribution) => d.type === 'fixed' && d.ms === 0;
  const sample = (d: Distribution) => (zero(d) ? 0 : sampleDistribution(d, rng));
  return {
    connect: () => sample(profile.connect),
    auth: () => sample(profile.auth),
    command: (canonical) =>
      sample(Object.hasOwn(profile.commands, canonical) ? profile.commands[canonical]! : profile.command),
    ...(profile.outputRate === undefined ? {} : { outputRate: profile.outputRate }),
  };
}

/** Replaces the per-command latency of a profile (`up --latency 200ms`). */
export function withCommandLatency(profile: LatencyProfile, ms: number): LatencyProfile {
  return {
    ...profile,
    command: { type: 'fixed', ms },
    commands: Object.create(null) as LatencyProfile['commands'],
  };
}
