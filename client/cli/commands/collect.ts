/** `labfleet collect <what> [topology]`: CDP, LLDP, ARP, memory, version or any command, from every device, to JSON or CSV. */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import { DEFAULT_TOPOLOGY, loadTopology } from '../../../simulator/topology/load.js';
import { collectAll, type CollectItem, type CollectRequest, type DeviceResult } from '../../collect.js';
import { CliExit, EXIT, writeOutput, type CliIO } from '../io.js';
import {
  addConnectionOptions,
  collectOptions,
  connectionTargets,
  type ConnectionCliOptions,
} from '../connection.js';

const NAMED: Record<string, CollectItem> = {
  cdp: 'cdp',
  lldp: 'lldp',
  neighbors: 'neighbors',
  arp: 'arp',
  memory: 'memory',
  version: 'version',
};

interface CollectCliOptions extends ConnectionCliOptions {
  format: string;
  output?: string;
}

export function registerCollect(program: Command, io: CliIO): void {
  const command = program
    .command('collect')
    .description('collect cdp, lldp, neighbors, arp, memory, version, or any "raw command" from every device')
    .argument('<what>', `one of ${Object.keys(NAMED).join(', ')}, or a command in quotes`)
    .argument('[topology]', 'topology file or bundled name (where the fleet listens)', DEFAULT_TOPOLOGY)
    .option('--inventory <file>', "devices to collect from instead of the topology's")
    .option('--format <format>', 'json or csv', 'json')
    .option('--output <file>', 'write to a file instead of stdout');
  addConnectionOptions(command).action(async (what: string, file: string, options: CollectCliOptions) => {
    if (options.format !== 'json' && options.format !== 'csv')
      throw new LabfleetError('USAGE', `--format "${options.format}" is not supported; valid: json, csv`);
    const request: CollectRequest = NAMED[what] ? { items: [NAMED[what]] } : { items: [], raw: [what] };
    const settings = await collectOptions(options);
    const targets = await connectionTargets(options, () => loadTopology(file));
    const results = await collectAll(targets, request, settings);
    const text =
      options.format === 'json'
        ? JSON.stringify({ devices: results }, null, 2) + '\n'
        : renderCsv(results, request);
    await writeOutput(io, text, options.output);
    throw new CliExit(results.every((r) => r.ok) ? EXIT.OK : EXIT.MISMATCH);
  });
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

/** One row per fact (neighbour, ARP entry, …), each led by the device; failed devices get one error row. */
function renderCsv(results: readonly DeviceResult[], request: CollectRequest): string {
  const item = request.items[0];
  const columns = COLUMNS[!item ? 'raw' : item === 'cdp' || item === 'lldp' ? 'neighbors' : item]!;
  const rows = results.flatMap((r) => {
    if (!r.ok) return [[r.device, r.platform, 'error', `${r.error!.code}: ${r.error!.message}`]];
    return factsOf(r, item).map((f) => [r.device, r.platform, 'ok', ...columns.map(([, key]) => f[key])]);
  });
  const header = ['device', 'platform', 'status', ...columns.map(([name]) => name)];
  return [header.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}
