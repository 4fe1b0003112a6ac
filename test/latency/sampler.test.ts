import { describe, expect, it } from 'vitest';
import {
  createLatencySampler,
  sampleDistribution,
  withCommandLatency,
} from '../../simulator/latency/sampler.js';
import { createRng } from '../../simulator/state/random.js';
import type { Distribution, LatencyProfile } from '../../simulator/topology/model.js';

function samples(dist: Distribution, n = 20_000): number[] {
  const rng = createRng(7, 'bench', 'latency');
  return Array.from({ length: n }, () => sampleDistribution(dist, rng)).sort((a, b) => a - b);
}
const quantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))]!;

describe('latency distributions (seeded, so these statistics are deterministic)', () => {
  it('fixed is exact', () => {
    expect(new Set(samples({ type: 'fixed', ms: 200 }, 100))).toEqual(new Set([200]));
  });

  it('uniform stays within [min, max] and fills it', () => {
    const s = samples({ type: 'uniform', min: 100, max: 300 });
    expect(s[0]).toBeGreaterThanOrEqual(100);
    expect(s.at(-1)).toBeLessThanOrEqual(300);
    expect(quantile(s, 0.5)).toBeCloseTo(200, -1);
  });

  it('normal has its mean and spread, and never goes negative', () => {
    const s = samples({ type: 'normal', mean: 200, stddev: 20 });
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    expect(mean).toBeCloseTo(200, 0);
    expect(quantile(s, 0.841) - quantile(s, 0.5)).toBeCloseTo(20, 0);
    expect(samples({ type: 'normal', mean: 1, stddev: 50 })[0]).toBe(0);
  });

  it('log-normal has the configured median and p99', () => {
    const s = samples({ type: 'lognormal', median: 150, p99: 900 });
    expect(quantile(s, 0.5) / 150).toBeCloseTo(1, 1);
    expect(quantile(s, 0.99) / 900).toBeCloseTo(1, 1);
  });

  it('a long-tail mix draws each part by its weight', () => {
    const s = samples({
      type: 'mix',
      parts: [
        { weight: 0.9, dist: { type: 'fixed', ms: 10 } },
        { weight: 0.1, dist: { type: 'fixed', ms: 2000 } },
      ],
    });
    const slow = s.filter((v) => v === 2000).length / s.length;
    expect(slow).toBeCloseTo(0.1, 1);
  });
});

describe('latency sampler', () => {
  const profile: LatencyProfile = {
    connect: { type: 'fixed', ms: 5 },
    auth: { type: 'fixed', ms: 0 },
    command: { type: 'fixed', ms: 200 },
    commands: { 'show cdp neighbors detail': { type: 'fixed', ms: 900 } },
    outputRate: 9600,
  };

  it('uses the per-command override, else the default', () => {
    const sampler = createLatencySampler(profile, 1, 'R1');
    expect(sampler.command('show cdp neighbors detail')).toBe(900);
    expect(sampler.command('show clock')).toBe(200);
    expect(sampler.connect()).toBe(5);
    expect(sampler.outputRate).toBe(9600);
  });

  it('--latency replaces the per-command latency and its overrides', () => {
    const sampler = createLatencySampler(withCommandLatency(profile, 0), 1, 'R1');
    expect(sampler.command('show cdp neighbors detail')).toBe(0);
    expect(sampler.connect()).toBe(5);
  });
});
