/** Parsing of option values shared by commands, with errors that say what would be valid. */
import { LabfleetError } from '../../simulator/errors.js';
import type { BindMode } from '../../simulator/topology/addresses.js';
import { parseDuration } from '../../simulator/topology/duration.js';

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
  if (value === undefined) return undefined;
  const latency = parseDuration(value);
  if (latency === undefined)
    throw new LabfleetError('USAGE', `--latency "${value}" is not a duration; valid: e.g. 200ms, 1.5s, 0ms`);
  return latency;
}
