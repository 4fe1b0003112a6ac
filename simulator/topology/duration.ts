/** Durations in topology files and on the command line: `200ms`, `1.5s`, `2m`, or a bare number of milliseconds. */

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*(us|ms|s|m)?$/;

/**
 * The longest delay a timer can hold: Node (like browsers) keeps timeouts in a signed 32-bit
 * count of milliseconds and turns anything longer into 1 ms, so every duration is held to this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The maximum, as errors state it. */
export const MAX_DURATION_TEXT = `${MAX_TIMER_MS} ms (about 24.8 days)`;

/** Parses a duration to milliseconds, or returns undefined when it is not one (or is too long for a timer). */
export function parseDuration(input: string | number): number | undefined {
  const ms = parseUnboundedDuration(input);
  return ms !== undefined && ms <= MAX_TIMER_MS ? ms : undefined;
}

/**
 * Like parseDuration, but says why a value is refused: not a duration, negative, not finite, or
 * longer than a timer holds.
 */
export function checkDuration(input: string | number): { ms: number } | { error: string } {
  const shown = typeof input === 'number' ? String(input) : JSON.stringify(input);
  const text = String(input).trim();
  if (typeof input === 'number' ? input < 0 : text.startsWith('-'))
    return { error: `${shown} is negative; a duration is 0 or more` };
  if (typeof input === 'number' && !Number.isFinite(input))
    return { error: `${shown} is not a finite duration; the maximum is ${MAX_DURATION_TEXT}` };
  const ms = parseUnboundedDuration(input);
  if (ms === undefined) return { error: `${shown} is not ${DURATION_HINT}` };
  if (ms > MAX_TIMER_MS)
    return { error: `${shown} is longer than the maximum duration, ${MAX_DURATION_TEXT}` };
  return { ms };
}

function parseUnboundedDuration(input: string | number): number | undefined {
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
