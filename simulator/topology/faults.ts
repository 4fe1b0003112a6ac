/**
 * Faults: the failures of a real network a collector under load test must meet. A fault spec names
 * a kind, which devices (by name, or a seeded fraction of the fleet: exactly round(F × N) of them)
 * and, per kind, how it behaves. Specs come from a topology's `faults:`, from an overlay file
 * (`up --faults`) and from the control API at runtime; all three take the same shape.
 */
import { z } from 'zod';
import { FAULT_KINDS, type FaultKind } from './fault-kinds.js';
import { parseDuration } from './duration.js';
import { DurationSchema, strictObject } from './schema-base.js';

export { FAULT_KINDS, type FaultKind };

/** What each kind does, for help texts, the OpenAPI description and the README. */
export const FAULT_DESCRIPTIONS: Record<FaultKind, string> = {
  down: 'connection refused: the device listens on none of its ports',
  hang: 'accepts connections and never answers: no SSH banner, no TLS handshake',
  'slow-banner': 'accepts connections and answers only after `delay` (default 10s)',
  'auth-fail': 'rejects every login, whatever the credentials',
  'drop-mid-output': 'sends part of each command output, then drops the connection',
  'command-hang': 'takes commands and never answers them: no output, no prompt',
  garble: 'corrupts a share `rate` (default 0.05) of the characters of every output',
  flap: 'a link goes down and up again every half `period` (default 10s): neighbours, interfaces and logs change with it',
  'vty-full': 'all sessions in use: logins are refused as the platform refuses them',
  slow: 'latency outliers: a share `rate` (default 0.2) of commands take `delay` (default 2s) longer',
  reboot:
    'the device reboots: sessions drop, it is away for `downtime` (default 30s), then returns with its uptime reset',
};

const FractionSchema = z
  .number()
  .gt(0, { error: 'a fraction is above 0 (it is the share of the fleet, 0 < F ≤ 1)' })
  .lte(1, { error: 'a fraction is at most 1 (it is the share of the fleet, 0 < F ≤ 1)' });
const RateSchema = z
  .number()
  .gt(0, { error: 'a rate is above 0 and at most 1' })
  .lte(1, { error: 'a rate is above 0 and at most 1' });

/** One fault as written in a topology, an overlay file or a control request. */
export const FaultSpecSchema = strictObject({
  kind: z.enum(FAULT_KINDS, { error: `expected one of: ${FAULT_KINDS.join(', ')}` }),
  devices: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({ description: 'the devices, by name (or give a fraction)' }),
  fraction: FractionSchema.optional().meta({
    description: 'a seeded share of the served devices: exactly round(F × N) of them',
  }),
  seed: z
    .union([z.string(), z.number()])
    .optional()
    .meta({ description: "chooses the fraction's devices (default: the fleet's seed)" }),
  for: DurationSchema.optional().meta({ description: 'removed by itself after this long' }),
  delay: DurationSchema.optional().meta({
    description: 'slow-banner: the wait (10s); slow: the extra latency (2s)',
  }),
  rate: RateSchema.optional().meta({
    description: 'slow: share of commands (0.2); garble: share of characters (0.05)',
  }),
  port: z
    .string()
    .optional()
    .meta({ description: "flap: the interface that flaps (default: the device's first cabled port)" }),
  period: DurationSchema.optional().meta({ description: 'flap: one down-and-up cycle (10s)' }),
  downtime: DurationSchema.optional().meta({ description: 'reboot: how long the device is away (30s)' }),
});

export type RawFaultSpec = z.infer<typeof FaultSpecSchema>;

/** A fault's behaviour, every parameter resolved to its value or default. */
export interface FaultParams {
  /** slow-banner: the wait before answering; slow: the extra latency of an outlier. */
  delayMs: number;
  /** slow: share of commands that are outliers; garble: share of characters corrupted. */
  rate: number;
  /** flap: the interface that flaps, as written (resolved against the device when applied). */
  port?: string;
  /** flap: one down-and-up cycle. */
  periodMs: number;
  /** reboot: how long the device is away. */
  downtimeMs: number;
}

/** Which devices a fault applies to. */
export type FaultTarget = { devices: string[] } | { fraction: number; seed?: string | number };

/** A fault spec, checked and with its parameters resolved. */
export interface FaultSpec {
  kind: FaultKind;
  target: FaultTarget;
  /** Removed by itself after this long. */
  forMs?: number;
  params: FaultParams;
}

const DEFAULT_DELAY: Partial<Record<FaultKind, number>> = { 'slow-banner': 10_000, slow: 2_000 };
const DEFAULT_RATE: Partial<Record<FaultKind, number>> = { garble: 0.05, slow: 0.2 };

/** A spec that passed FaultSpecSchema, resolved; `problem` when it names both or neither target. */
export function resolveFaultSpec(raw: RawFaultSpec): { spec: FaultSpec } | { problem: string } {
  if ((raw.devices === undefined) === (raw.fraction === undefined))
    return { problem: 'give either `devices` (names) or `fraction` (0 < F ≤ 1), not both or neither' };
  if (raw.seed !== undefined && raw.fraction === undefined)
    return { problem: '`seed` chooses the devices of a `fraction`; with `devices` it has no use' };
  const target: FaultTarget =
    raw.devices !== undefined
      ? { devices: [...new Set(raw.devices)] }
      : { fraction: raw.fraction!, ...(raw.seed === undefined ? {} : { seed: raw.seed }) };
  return {
    spec: {
      kind: raw.kind,
      target,
      ...(raw.for === undefined ? {} : { forMs: ms(raw.for) }),
      params: {
        delayMs: raw.delay === undefined ? (DEFAULT_DELAY[raw.kind] ?? 0) : ms(raw.delay),
        rate: raw.rate ?? DEFAULT_RATE[raw.kind] ?? 1,
        ...(raw.port === undefined ? {} : { port: raw.port }),
        periodMs: raw.period === undefined ? 10_000 : ms(raw.period),
        downtimeMs: raw.downtime === undefined ? 30_000 : ms(raw.downtime),
      },
    },
  };
}

/** A duration the schema already accepted. */
const ms = (value: string | number): number => parseDuration(value)!;
