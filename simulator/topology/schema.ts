/**
 * The topology file schema: the single source of the raw TypeScript types and of the JSON Schema
 * shipped in topologies/ for editors. Strict everywhere: unknown keys are errors.
 */
import { z } from 'zod';
import { parseRate, RATE_HINT } from './duration.js';
import { FaultSpecSchema } from './faults.js';
import { PLATFORMS } from './kinds/index.js';
import { DurationSchema, strictObject, tagged } from './schema-base.js';

export { DurationSchema, strictObject };

/**
 * Node names become hostnames, so they follow the strictest of the four platforms: IOS's
 * `hostname` takes ARPANET (RFC 1035) names, a letter first, then letters, digits and `-`, ending
 * in a letter or digit, at most 63 characters. That is also a valid RFC 1123 label, which NX-OS,
 * EOS and Junos all accept; `_` (not a hostname character) and dots (a domain, see
 * `defaults.domain`) are not.
 */
export const HOSTNAME_PATTERN = '^[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$';
export const HOSTNAME_HINT =
  'a hostname: starts with a letter, then letters, digits or "-", ends with a letter or digit, at most 63 characters';

/**
 * Names plain JavaScript objects already answer (`constructor`, `toString`, …): valid hostnames,
 * but a name that is also a property of every object is one lookup away from a silent mix-up.
 * (`__proto__` is refused for every key, when the file is parsed.)
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const RateSchema = z
  .union([z.number(), z.string()], { error: `expected ${RATE_HINT}` })
  .superRefine((value, ctx) => {
    if (parseRate(value) === undefined)
      ctx.addIssue(tagged('VALUE_INVALID', `${JSON.stringify(value)} is not ${RATE_HINT}`));
  })
  .meta({ id: 'Rate', description: RATE_HINT });

const shapes = {
  fixed: { fixed: DurationSchema },
  uniform: { uniform: z.tuple([DurationSchema, DurationSchema]).meta({ description: '[min, max]' }) },
  normal: { normal: strictObject({ mean: DurationSchema, stddev: DurationSchema }) },
  lognormal: { lognormal: strictObject({ median: DurationSchema, p99: DurationSchema }) },
};

export const DISTRIBUTION_HINT =
  'a duration (200ms), or an object with one of: fixed, uniform: [min, max], normal: {mean, stddev}, lognormal: {median, p99}, mix: [{weight, …}]';

const weight = { weight: z.number().positive() };
const WeightedSchema = z.union(
  [
    strictObject({ ...weight, ...shapes.fixed }),
    strictObject({ ...weight, ...shapes.uniform }),
    strictObject({ ...weight, ...shapes.normal }),
    strictObject({ ...weight, ...shapes.lognormal }),
  ],
  { error: 'expected {weight, fixed|uniform|normal|lognormal}' },
);

/** A latency distribution: fixed, uniform, normal, log-normal (median and p99) or a weighted mix. */
export const DistributionSchema = z
  .union(
    [
      DurationSchema,
      strictObject(shapes.fixed),
      strictObject(shapes.uniform),
      strictObject(shapes.normal),
      strictObject(shapes.lognormal),
      strictObject({ mix: z.array(WeightedSchema).min(1) }),
    ],
    { error: `expected ${DISTRIBUTION_HINT}` },
  )
  .meta({ id: 'Distribution', description: DISTRIBUTION_HINT });

export const LatencySchema = strictObject({
  connect: DistributionSchema.optional().meta({
    description: 'before the SSH banner / HTTP response starts',
  }),
  auth: DistributionSchema.optional().meta({ description: 'added to each authentication attempt' }),
  command: DistributionSchema.optional().meta({ description: 'added to each command or request' }),
  output_rate: RateSchema.optional().meta({ description: 'long outputs are paced at this rate' }),
  commands: z.record(z.string().min(1), DistributionSchema).optional().meta({
    description: 'per-command latency, keyed by the full command, e.g. "show cdp neighbors detail"',
  }),
}).meta({ id: 'Latency' });

export const CredentialsSchema = strictObject({
  username: z.string().min(1).optional(),
  password: z.string().optional(),
  secret: z.string().optional().meta({ description: 'the enable secret' }),
  authorized_keys: z.array(z.string().min(1)).optional().meta({
    description: 'OpenSSH public keys (e.g. "ssh-ed25519 AAAA… user") accepted for public key auth',
  }),
}).meta({ id: 'Credentials' });

/** SSH server limits; each defaults to what the platform's own server does (see the README). */
export const SshSchema = strictObject({
  login_grace: DurationSchema.optional().meta({
    description:
      'an unauthenticated connection is closed after this (IOS ip ssh time-out, OpenSSH LoginGraceTime: 120s)',
  }),
  auth_tries: z.number().int().min(1).max(100).optional().meta({
    description:
      'failed authentication attempts per connection before disconnect (IOS and NX-OS 3, EOS 6, Junos 10)',
  }),
  max_startups: z.number().int().min(1).max(1000).optional().meta({
    description:
      'concurrent unauthenticated connections per device; more are closed at once (OpenSSH MaxStartups: 10)',
  }),
  sessions_per_connection: z.number().int().min(1).max(100).optional().meta({
    description: 'session channels per connection (IOS 1, OpenSSH MaxSessions 10)',
  }),
}).meta({ id: 'Ssh' });

export const ProtocolsSchema = strictObject({
  ssh: z.boolean().optional(),
  rest: z.boolean().optional(),
  netconf: z.boolean().optional().meta({
    description:
      "NETCONF over SSH on its own port (--netconf-port, 8830) and as the SSH port's netconf subsystem",
  }),
  cdp: z.boolean().optional(),
  lldp: z.boolean().optional(),
}).meta({ id: 'Protocols' });

const LabelsSchema = z.record(z.string(), z.string()).meta({ id: 'Labels' });

/** Longest text or template a user-defined command may hold, and longest output it may print. */
export const MAX_COMMAND_CHARS = 1_000_000;

export const COMMAND_MODES = ['user', 'privileged', 'config'] as const;

const commandOptions = {
  modes: z.array(z.enum(COMMAND_MODES)).min(1).optional().meta({
    description:
      'where the command answers: user (IOS/EOS ">"), privileged ("#"; NX-OS and Junos have one exec mode), config (configuration and its sub-modes); default: user and privileged',
  }),
  help: z.string().min(1).optional().meta({ description: 'what "?" says about the last word' }),
};

export const COMMAND_HINT =
  'a template string, or {text: …} (printed as is) or {template: …}, with optional modes and help; null removes an inherited command';

/** A user-defined CLI command: its output, as static text or a template that reads device state. */
export const CommandSchema = z
  .union(
    [
      z.string().max(MAX_COMMAND_CHARS).meta({ description: 'a template, e.g. "Chassis: {{model}}"' }),
      strictObject({ text: z.string().max(MAX_COMMAND_CHARS), ...commandOptions }),
      strictObject({ template: z.string().max(MAX_COMMAND_CHARS), ...commandOptions }),
      z.null(),
    ],
    { error: `expected ${COMMAND_HINT}` },
  )
  .meta({ id: 'Command', description: COMMAND_HINT });

const CommandsSchema = z.record(z.string(), CommandSchema).meta({
  id: 'Commands',
  description:
    'user-defined CLI commands keyed by their words in full ("show platform"); they answer before built-in commands of the same words, abbreviated like them, with pipes',
});

const overrides = {
  model: z.string().min(1).optional(),
  credentials: CredentialsSchema.optional(),
  latency: LatencySchema.optional(),
  protocols: ProtocolsSchema.optional(),
  commands: CommandsSchema.optional(),
  ssh: SshSchema.optional(),
};

export const KindSchema = z.enum(PLATFORMS).meta({ id: 'Kind', description: 'platform of the device' });

export const NodeSchema = strictObject({
  kind: KindSchema.optional(),
  ...overrides,
  mgmt: z.string().optional().meta({ description: 'management IPv4 address, inside the mgmt pool' }),
  serial: z.string().min(1).optional(),
  version: z.string().min(1).optional(),
  labels: LabelsSchema.optional(),
}).meta({ id: 'Node' });

export const LAG_HINT =
  'the LAG this cable is a member of: one number for both ends (channel-group / ae number), or [a-end, b-end]';

const LagNumber = z.number().int().min(0).max(4096);

/** LAG membership of a cable: `lag: 1` (Port-channel1 / ae1 at both ends) or `lag: [1, 0]` per end. */
export const LagSchema = z
  .union([LagNumber, z.tuple([LagNumber, LagNumber])], { error: `expected ${LAG_HINT}` })
  .meta({ id: 'Lag', description: LAG_HINT });

export const LinkSchema = strictObject({
  endpoints: z.tuple([z.string(), z.string()]).meta({
    description: 'two "node:interface" ends, e.g. ["leaf1:GigabitEthernet1/0/1", "spine1:Ethernet1"]',
  }),
  lag: LagSchema.optional(),
  labels: LabelsSchema.optional(),
});

const PoolSchema = strictObject({
  pool: z.string().meta({ description: 'an IPv4 block, e.g. 127.100.0.0/16' }),
}).meta({ id: 'Pool' });

export const TopologySchema = strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'expected a name of letters, digits, ".", "_" or "-"',
  }),
  seed: z
    .union([z.string(), z.number().int()])
    .optional()
    .meta({ description: 'default seed; --seed overrides' }),
  defaults: strictObject({
    kind: KindSchema.optional(),
    domain: z.string().optional().meta({ description: 'domain name: CDP/LLDP show hostname.domain' }),
    credentials: CredentialsSchema.optional(),
    latency: LatencySchema.optional(),
    protocols: ProtocolsSchema.optional(),
    commands: CommandsSchema.optional(),
    ssh: SshSchema.optional(),
  }).optional(),
  kinds: z.partialRecord(KindSchema, strictObject(overrides)).optional().meta({
    description: 'per-kind overrides of model, credentials, latency, protocols, commands and ssh',
  }),
  mgmt: PoolSchema.optional().meta({ description: 'management addresses; default pool 127.100.0.0/16' }),
  p2p: PoolSchema.optional().meta({
    description: 'point-to-point link addresses (/31 each); default 10.0.0.0/8',
  }),
  nodes: z.record(
    z
      .string()
      .regex(new RegExp(HOSTNAME_PATTERN), { error: `expected ${HOSTNAME_HINT}` })
      .refine((name) => !RESERVED_NAMES.has(name), {
        error: `expected a name that is not a property of every JavaScript object (${[...RESERVED_NAMES].filter((n) => !n.startsWith('_')).join(', ')})`,
      }),
    z.union([NodeSchema, z.null()]),
  ),
  links: z.array(LinkSchema).optional(),
  faults: z.array(FaultSpecSchema).optional().meta({
    description: 'faults in force from the start: each on named devices or a seeded fraction',
  }),
});

export type RawTopology = z.infer<typeof TopologySchema>;
export type RawNode = z.infer<typeof NodeSchema>;
export type RawLatency = z.infer<typeof LatencySchema>;
export type RawDistribution = z.infer<typeof DistributionSchema>;
export type RawCredentials = z.infer<typeof CredentialsSchema>;
export type RawProtocols = z.infer<typeof ProtocolsSchema>;
export type RawSsh = z.infer<typeof SshSchema>;
export type RawCommands = z.infer<typeof CommandsSchema>;
export type RawLag = z.infer<typeof LagSchema>;
