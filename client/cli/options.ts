/** Parsing of option values shared by commands, with errors that say what would be valid. */
import { LabfleetError } from '../../simulator/errors.js';
import type { BindMode } from '../../simulator/topology/addresses.js';
import { checkDuration } from '../../simulator/topology/duration.js';

export function parseBind(value: string): BindMode {
  if (value === 'ip' || value === 'port') return value;
  throw new LabfleetError('USAGE', `--bind "${value}" is not supported; valid: ip, port`);
}

export function parsePort(flag: string, value: string): number {
  return parseCount(flag, value, 1, 65535);
}

/** A port to listen on: 0 lets the OS pick (the fleet reports what it picked). */
export function parseListenPort(flag: string, value: string): number {
  return parseCount(flag, value, 0, 65535);
}

export function parseCount(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new LabfleetError('USAGE', `${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** `--latency`: per-command latency in milliseconds, or undefined when not given (the topology's own). */
export function parseLatency(value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseDurationOption('--latency', value, { min: 0 });
}

/**
 * A duration flag, in milliseconds: `200ms`, `1.5s`, `2m` or bare milliseconds, from `min` up to
 * what a timer can hold (2147483647 ms); anything else is a usage error naming the flag.
 */
export function parseDurationOption(flag: string, value: string, limits: { min: number }): number {
  const checked = checkDuration(value);
  if ('error' in checked) throw new LabfleetError('USAGE', `${flag} ${checked.error}`);
  if (checked.ms < limits.min)
    throw new LabfleetError('USAGE', `${flag} must be at least ${limits.min} ms, got "${value}"`);
  return checked.ms;
}
