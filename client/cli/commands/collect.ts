/** `labfleet collect <what> [topology]`: CDP, LLDP, ARP, memory, version or `--raw` commands, from every device, to JSON or CSV. */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import { DEFAULT_TOPOLOGY } from '../../../simulator/topology/default-topology.js';
import { closestNames } from '../../../simulator/topology/suggest.js';
import type { CollectItem, CollectRequest, DeviceResult } from '../../collect.js';
import { watchInterrupt } from '../interrupt.js';
import { CliExit, EXIT, writeOutput, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  collectInventory,
  collectOptions,
  connectionTargets,
  resolveLabOptions,
  type ConnectionCliOptions,
} from '../connection.js';

/** What `collect` knows by name; anything else a device should run goes in `--raw`. */
const TARGETS = ['arp', 'cdp', 'lldp', 'memory', 'neighbors', 'version'] as const satisfies CollectItem[];

interface CollectCliOptions extends ConnectionCliOptions {
  format: string;
  output?: string;
  raw: string[];
}

export function registerCollect(program: Command, io: CliIO): void {
  const command = program
    .command('collect')
    .description(`collect ${TARGETS.join(', ')} from every device, or the output of --raw "<command>"`)
    .argument('[what]', `one of ${TARGETS.join(', ')} (none with --raw)`)
    .argument(
      '[topology]',
      `topology file or bundled name, where the fleet listens (default: ${DEFAULT_TOPOLOGY})`,
    )
    .option(
      '--raw <command>',
      'a command (REST: a data path) to run as typed; repeat for more',
      collectRaw,
      [],
    )
    .option(
      '--inventory <file>',
      "devices to collect from instead of the topology's (JSON from up, CSV, Ansible YAML, Nornir hosts.yaml or its directory, or an http(s) URL such as up's GET /inventory); repeat to merge shards' parts",
      collectInventory,
    )
    .option(
      '--shard <i/n>',
      'only block i of n (0-based) of the devices, in inventory or topology order: one Indexed Job completion each, verified together by check --collected',
    )
    .option('--format <format>', 'json or csv', 'json')
    .option('--output <file>', 'write to a file instead of stdout');
  addConnectionOptions(command).action(
    async (what: string | undefined, file: string | undefined, cli: CollectCliOptions, self: Command) => {
      if (cli.format !== 'json' && cli.format !== 'csv')
        throw new LabfleetError('USAGE', `--format "${cli.format}" is not supported; valid: json, csv`);
      const { request, topology: given } = parseRequest(what, file, cli.raw);
      const { options, topology } = await resolveLabOptions(self, cli, given, io);
      const settings = await collectOptions(options);
      // imported here, not at the top: `--help` loads neither the topology schema nor the collectors
      const { loadTopology } = await import('../../../simulator/topology/load.js');
      const { collectAll } = await import('../../collect.js');
      const targets = await connectionTargets(options, () => loadTopology(topology ?? DEFAULT_TOPOLOGY));
      const interrupt = watchInterrupt();
      let results: DeviceResult[];
      try {
        results = await collectAll(targets, request, { ...settings, signal: interrupt.signal });
      } finally {
        interrupt.dispose();
      }
      const text =
        options.format === 'json'
          ? JSON.stringify({ devices: results }, null, 2) + '\n'
          : renderCsv(results, request);
      await writeOutput(io, text, options.output);
      await io.flush?.(); // a reader that stopped reading (| head) ends us here, before the summary
      io.err(summaryLine(what && !options.raw.length ? what : 'raw', results) + '\n');
      throw new CliExit(exitCodeOf(results));
    },
  );
}

function collectRaw(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * What to collect and from which topology: a known target, or `--raw` commands (then the one
 * argument is the topology). A command typed as a target is refused, never sent as is: a typo
 * (`lldpp`) would come back as the device's "% Invalid input", reported as collected.
 */
function parseRequest(
  what: string | undefined,
  file: string | undefined,
  raw: readonly string[],
): { request: CollectRequest; topology: string | undefined } {
  const valid = `valid: ${TARGETS.join(', ')}, or --raw "<command>" for a command of your own`;
  if (raw.length > 0) {
    if (file !== undefined || (what !== undefined && isTarget(what)))
      throw new LabfleetError(
        'USAGE',
        `collect: with --raw, the only argument is the topology, got "${what}"${file === undefined ? '' : ` and "${file}"`}; collect a target and --raw commands in two runs`,
      );
    return { request: { items: [], raw }, topology: what };
  }
  if (what === undefined) throw new LabfleetError('USAGE', `collect: missing what to collect; ${valid}`);
  if (!isTarget(what)) {
    const near = closestNames(what, TARGETS);
    const hint = near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : '';
    throw new LabfleetError('USAGE', `collect: unknown target "${what}"${hint}; ${valid}`);
  }
  return { request: { items: [what] }, topology: file };
}

function isTarget(what: string): what is (typeof TARGETS)[number] {
  return (TARGETS as readonly string[]).includes(what);
}

/** 130 after Ctrl-C; 1 when a device that could answer failed; else 0 (skipped devices included). */
function exitCodeOf(results: readonly DeviceResult[]): number {
  if (results.some((r) => r.status === 'interrupted')) return EXIT.INTERRUPTED;
  return results.some((r) => r.status === 'error') ? EXIT.MISMATCH : EXIT.OK;
}

/**
 * One line on stderr (stdout stays data):
 * `collect cdp: 74 of 100 devices answered; 26 skipped (20: arista_eos does not speak CDP, only LLDP; …); 0 failed`.
 */
function summaryLine(what: string, results: readonly DeviceResult[]): string {
  const count = (status: DeviceResult['status']) => results.filter((r) => r.status === status);
  const reasons = new Map<string, number>();
  for (const r of count('skipped')) reasons.set(r.reason!, (reasons.get(r.reason!) ?? 0) + 1);
  const skipped = count('skipped').length;
  const unfinished = count('interrupted').length;
  return [
    `collect ${what}: ${count('ok').length} of ${results.length} devices answered`,
    ...(skipped
      ? [`${skipped} skipped (${[...reasons].map(([reason, n]) => `${n}: ${reason}`).join('; ')})`]
      : []),
    `${count('error').length} failed`,
    ...(unfinished ? [`${unfinished} not finished (interrupted by Ctrl-C or SIGTERM)`] : []),
  ].join('; ');
}

function cell(value: unknown): string {
  const text =
    value === undefined || value === null
      ? ''
      : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV columns per item: header and the fact's key. */
const COLUMNS: Record<string, Array<[string, string]>> = {
  arp: [
    ['address', 'address'],
    ['mac', 'mac'],
    ['interface', 'interface'],
    ['age', 'age'],
  ],
  version: [
    ['hostname', 'hostname'],
    ['version', 'version'],
    ['model', 'model'],
    ['serial', 'serial'],
    ['uptime', 'uptime'],
  ],
  memory: [
    ['total_bytes', 'totalBytes'],
    ['used_bytes', 'usedBytes'],
    ['free_bytes', 'freeBytes'],
  ],
  neighbors: [
    ['protocol', 'protocol'],
    ['local_interface', 'localInterface'],
    ['remote_device', 'remoteDevice'],
    ['remote_interface', 'remoteInterface'],
    ['remote_platform', 'platform'],
    ['remote_mgmt_address', 'mgmtAddress'],
  ],
  raw: [
    ['command', 'command'],
    ['output', 'output'],
  ],
};

/** The facts of one device for the requested item, as records. */
function factsOf(r: DeviceResult, item: CollectItem | undefined): Array<Record<string, unknown>> {
  if (item === 'arp') return (r.arp ?? []).map((e) => ({ ...e }));
  if (item === 'version') return [{ ...r.version }];
  if (item === 'memory') return [{ ...r.memory }];
  if (item) return (r.neighbors ?? []).map((n) => ({ ...n }));
  return Object.entries(r.raw ?? {}).map(([command, output]) => ({ command, output }));
}

/**
 * One row per fact (neighbour, ARP entry, …), each led by the device and its status. A device
 * with no facts to give (error, skipped, interrupted) is one row with the same columns, the fact
 * cells empty and `detail` saying why; `detail` is empty on `ok` rows.
 */
function renderCsv(results: readonly DeviceResult[], request: CollectRequest): string {
  const item = request.items[0];
  const columns = COLUMNS[!item ? 'raw' : item === 'cdp' || item === 'lldp' ? 'neighbors' : item]!;
  const rows = results.flatMap((r) => {
    if (r.status !== 'ok') {
      const detail = r.error ? `${r.error.code}: ${r.error.message}` : r.reason;
      return [[r.device, r.platform, r.status, ...columns.map(() => undefined), detail]];
    }
    return factsOf(r, item).map((f) => [
      r.device,
      r.platform,
      r.status,
      ...columns.map(([, key]) => f[key]),
      undefined,
    ]);
  });
  const header = ['device', 'platform', 'status', ...columns.map(([name]) => name), 'detail'];
  return [header.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
