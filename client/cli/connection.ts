/**
 * The options `check` and `collect` share: where the fleet listens (as `up` was told), which
 * transport to use, how many devices at once and how long to wait.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LabfleetError } from '../../simulator/errors.js';
import {
  DEFAULT_BIND,
  DEFAULT_NETCONF_PORT,
  DEFAULT_REST_PORT,
  DEFAULT_SSH_PORT,
} from '../../simulator/topology/addresses.js';
import type { Topology } from '../../simulator/topology/model.js';
import { DEFAULT_COLLECT_OPTIONS } from '../collect-defaults.js';
import type { CollectOptions } from '../collect.js';
import { parseShard, shardRange } from '../../simulator/fleet/shard.js';
import { TRANSPORTS, type Transport } from '../readers/types.js';
import type { Target } from '../target.js';
import type { CliIO } from './io.js';
import { describeLab, findRunningLab } from './labs.js';
import { parseBind, parseCount, parseDurationOption, parsePort } from './options.js';

export interface ConnectionCliOptions {
  lab?: string;
  /** Repeatable: several inventories (the shards' parts) are merged. */
  inventory?: string[];
  /** `--shard i/n` (collect): block i of the devices to reach. */
  shard?: string;
  bind: string;
  sshPort: string;
  restPort: string;
  netconfPort: string;
  restPlain?: boolean;
  restCa?: string;
  transport: string;
  concurrency: string;
  timeout: string;
  retries: string;
}

/** `--inventory` given again adds a file: shards' parts are merged. */
export function collectInventory(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addConnectionOptions(command: Command): Command {
  return command
    .option('--lab <name>', 'a lab started with up: its topology and where it listens (labfleet ls)')
    .option('--bind <mode>', 'how the fleet was bound (as given to up): ip or port', DEFAULT_BIND)
    .option('--ssh-port <port>', 'SSH port the fleet was started with', String(DEFAULT_SSH_PORT))
    .option('--rest-port <port>', 'REST port the fleet was started with', String(DEFAULT_REST_PORT))
    .option('--netconf-port <port>', 'NETCONF port the fleet was started with', String(DEFAULT_NETCONF_PORT))
    .option('--rest-plain', 'the fleet serves REST over plain HTTP (up --rest-plain)')
    .option(
      '--rest-ca <file>',
      'verify REST certificates against this PEM (up --rest-cert); default: accept self-signed',
    )
    .option('--transport <transport>', `how to reach the devices: ${TRANSPORTS.join('|')}`, 'ssh')
    .option(
      '--concurrency <n>',
      'devices at once (1: one after the other)',
      String(DEFAULT_COLLECT_OPTIONS.concurrency),
    )
    .option(
      '--timeout <duration>',
      'connect and per-command timeout (a bare number is milliseconds)',
      `${DEFAULT_COLLECT_OPTIONS.timeouts.connectMs / 1000}s`,
    )
    .option(
      '--retries <n>',
      'further attempts after a connection failure',
      String(DEFAULT_COLLECT_OPTIONS.retries),
    );
}

/** The options that say where the fleet listens: a lab's record answers them all. */
const WHERE = [
  ['inventory', '--inventory'],
  ['bind', '--bind'],
  ['sshPort', '--ssh-port'],
  ['restPort', '--rest-port'],
  ['netconfPort', '--netconf-port'],
  ['restPlain', '--rest-plain'],
] as const;

/**
 * `--lab <name>`, or the only running lab when nothing says where the fleet listens (no topology
 * argument, no --inventory, no port or bind option): its topology file and the options `up` was
 * given, so nothing is repeated. Several labs running and none named is refused; none running
 * leaves the options as they are (the default topology at the default ports).
 */
export async function resolveLabOptions<T extends ConnectionCliOptions>(
  command: Command,
  options: T,
  topology: string | undefined,
  io: CliIO,
): Promise<{ options: T; topology: string | undefined }> {
  const given = WHERE.filter(([key]) => command.getOptionValueSource(key) === 'cli').map(([, flag]) => flag);
  if (options.lab === undefined && (topology !== undefined || given.length > 0)) return { options, topology };
  if (options.lab !== undefined && (topology !== undefined || given.length > 0))
    throw new LabfleetError(
      'USAGE',
      `--lab ${options.lab} says where the fleet listens and what its topology is; drop ${[...(topology === undefined ? [] : [`the topology "${topology}"`]), ...given].join(', ')} (--doc checks against other documentation)`,
    );
  const lab = await findRunningLab(options.lab);
  if (!lab) return { options, topology };
  if (options.lab === undefined) io.err(`labfleet: using ${describeLab(lab)}, the only lab running\n`);
  const transport = parseTransport(options.transport);
  if ((transport === 'rest' && !lab.serves.rest) || (transport === 'netconf' && !lab.serves.netconf))
    throw new LabfleetError(
      'USAGE',
      `lab "${lab.name}" serves no ${transport === 'rest' ? 'REST (up --no-rest)' : 'NETCONF port (up --no-netconf)'}; use --transport ssh`,
    );
  return {
    topology: lab.topology.file,
    options: {
      ...options,
      bind: lab.bind,
      sshPort: String(lab.ports.ssh),
      restPort: String(lab.ports.rest),
      netconfPort: String(lab.ports.netconf),
      restPlain: lab.rest_plain,
    },
  };
}

export function parseTransport(value: string): Transport {
  if (TRANSPORTS.includes(value as Transport)) return value as Transport;
  throw new LabfleetError(
    'USAGE',
    `--transport "${value}" is not supported; valid: ${TRANSPORTS.join(', ')}`,
  );
}

/**
 * The devices to reach: the inventories' (merged), or the topology's at the addresses `up`
 * derives; with `--shard i/n`, block i of them in that order (the n blocks are every device once).
 */
export async function connectionTargets(
  options: ConnectionCliOptions,
  topology: () => Promise<Topology>,
): Promise<Target[]> {
  const targets = await allTargets(options, topology);
  if (options.shard === undefined) return targets;
  const { start, end } = shardRange(targets.length, parseShard('--shard', options.shard));
  return targets.slice(start, end);
}

async function allTargets(
  options: ConnectionCliOptions,
  topology: () => Promise<Topology>,
): Promise<Target[]> {
  if (options.inventory?.length) {
    const { loadInventories } = await import('../inventory/merge.js');
    return loadInventories(options.inventory);
  }
  const { targetsFromTopology } = await import('../inventory.js');
  return targetsFromTopology(await topology(), {
    bind: parseBind(options.bind),
    sshPort: parsePort('--ssh-port', options.sshPort),
    restPort: parsePort('--rest-port', options.restPort),
    netconfPort: parsePort('--netconf-port', options.netconfPort),
    restPlain: options.restPlain ?? false,
    transport: parseTransport(options.transport),
  });
}

export async function collectOptions(options: ConnectionCliOptions): Promise<CollectOptions> {
  // Under 1 ms a timer fires at once: every device would time out.
  const timeout = parseDurationOption('--timeout', options.timeout, { min: 1 });
  return {
    timeouts: { connectMs: timeout, commandMs: timeout },
    retries: parseCount('--retries', options.retries, 0, 10),
    concurrency: parseCount('--concurrency', options.concurrency, 1, 10_000),
    transport: parseTransport(options.transport),
    ...(options.restCa ? { restCa: await readCa(options.restCa) } : {}),
  };
}

async function readCa(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new LabfleetError('USAGE', `--rest-ca ${file}: ${(cause as Error).message}`, { cause });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new LabfleetError(
      'USAGE',
      `--rest-ca ${file}: not a PEM certificate (expected -----BEGIN CERTIFICATE-----)`,
    );
  return text;
}
