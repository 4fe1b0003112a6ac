/** Durations in topology files and on the command line: `200ms`, `1.5s`, `2m`, or a bare number of milliseconds. */

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(us|ms|s|m)?$/;

/** Parses a duration to milliseconds, or returns undefined when it is not one. */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const match = DURATION.exec(input.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!;
}

export const DURATION_HINT = 'a duration such as 200ms, 1.5s or 2m (a bare number is milliseconds)';

/** Output rates: `64KiB/s`, `1MB/s`, `9600` (bytes per second). */
const RATE = /^(\d+(?:\.\d+)?)\s*(B|KB|KiB|MB|MiB|GB|GiB)?(?:\/s)?$/;
const RATE_UNIT: Record<string, number> = {
  B: 1,
  KB: 1e3,
  KiB: 1024,
  MB: 1e6,
  MiB: 1024 ** 2,
  GB: 1e9,
  GiB: 1024 ** 3,
};

/** Parses a byte rate to bytes per second, or returns undefined. */
export function parseRate(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? input : undefined;
  const match = RATE.exec(input.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * RATE_UNIT[match[2] ?? 'B']!;
  return value > 0 ? value : undefined;
}

export const RATE_HINT = 'a byte rate such as 64KiB/s, 1MB/s or 9600 (bytes per second)';
