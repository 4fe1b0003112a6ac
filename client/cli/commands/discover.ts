/** `labfleet discover --inventory <file>`: the topology the devices' CDP/LLDP neighbours describe, as labfleet YAML. */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import type { DeviceResult } from '../../collect.js';
import type { Discovery } from '../../discover.js';
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

interface DiscoverCliOptions extends ConnectionCliOptions {
  output?: string;
  name?: string;
  mgmtPool?: string;
  json?: boolean;
}

export function registerDiscover(program: Command, io: CliIO): void {
  const command = program
    .command('discover')
    .description(
      'log in to every device of an inventory, read CDP/LLDP and write the topology seen as labfleet YAML, ready to up',
    )
    .option(
      '--inventory <file>',
      'the devices to discover (JSON from up, CSV, Ansible YAML, Nornir hosts.yaml or its directory, or an http(s) URL); repeat to merge',
      collectInventory,
    )
    .option('--output <file>', 'write the topology to a file instead of stdout')
    .option('--name <name>', 'the topology name (default: the --output file name, else "discovered")')
    .option(
      '--mgmt-pool <cidr>',
      'management pool to write (default: the default pool, or the first 127.N.0.0/16 above it when the devices discovered hold addresses in it)',
    )
    .option(
      '--json',
      'with --output: devices, links, unresolved ends, conflicts and failures as JSON on stdout',
    );
  addConnectionOptions(command).action(async (cli: DiscoverCliOptions, self: Command) => {
    const { options, topology } = await resolveLabOptions(self, cli, undefined, io);
    if (!options.inventory?.length && topology === undefined)
      throw new LabfleetError(
        'USAGE',
        'discover: say which devices to discover: --inventory <file> (or --lab <name> for a running lab)',
      );
    if (options.json && !options.output)
      throw new LabfleetError(
        'USAGE',
        'discover: --json needs --output <file> for the topology (stdout holds the JSON)',
      );
    const settings = await collectOptions(options);
    // imported here, not at the top: `--help` loads neither the topology schema nor the collectors
    const { collectAll } = await import('../../collect.js');
    const { loadTopology } = await import('../../../simulator/topology/load.js');
    const targets = await connectionTargets(options, () => loadTopology(topology));
    const interrupt = watchInterrupt();
    let results: DeviceResult[];
    try {
      results = await collectAll(
        targets,
        { items: ['neighbors', 'version'] },
        { ...settings, signal: interrupt.signal },
      );
    } finally {
      interrupt.dispose();
    }
    if (results.some((r) => r.status === 'interrupted')) {
      io.err('discover: interrupted (Ctrl-C or SIGTERM); nothing written\n');
      throw new CliExit(EXIT.INTERRUPTED);
    }
    throw new CliExit(
      await writeDiscovery(
        results,
        targets.map((t) => t.host),
        options,
        topology,
        io,
      ),
    );
  });
}

/** Writes the topology (and the JSON listing), lists what needs a look on stderr; resolves with the exit code. */
async function writeDiscovery(
  results: DeviceResult[],
  hosts: string[],
  options: DiscoverCliOptions,
  topology: string | undefined,
  io: CliIO,
): Promise<number> {
  const { discoverTopology } = await import('../../discover.js');
  const { discoveryTopology, renderConflict, renderFailed, renderUnresolved, summarizeUnresolved } =
    await import('../../discover-render.js');
  const { renderTopologyYaml } = await import('../../../simulator/generate/emit.js');
  const { validateTopologyText } = await import('../../../simulator/topology/load.js');
  const { formatDiagnostic } = await import('../../../simulator/errors.js');
  const discovery = discoverTopology(results, {
    hosts,
    ...(options.mgmtPool ? { mgmtPool: options.mgmtPool } : {}),
  });
  // Every list in full on stderr (the header holds the first 50 of each), then the summary.
  const line = (prefix: string, text: string) => io.err(`discover: ${prefix} ${text}\n`);
  for (const f of discovery.failed) line('did not answer:', renderFailed(f));
  for (const d of discovery.devices) if (d.modelNote) line('model:', `${d.name} ${d.model} (${d.modelNote})`);
  for (const c of discovery.conflicts) line('conflict:', renderConflict(c));
  for (const u of discovery.unresolved) line('unresolved:', renderUnresolved(u));
  if (discovery.mgmtPoolNote) line('mgmt:', discovery.mgmtPoolNote);
  if (discovery.devices.length === 0) {
    io.err(`discover: none of the ${results.length} devices answered; nothing written\n`);
    return EXIT.MISMATCH;
  }
  const name = options.name ?? nameFromOutput(options.output);
  const command = describeCommand(options, topology);
  const text = renderTopologyYaml(discoveryTopology(discovery, { name, command, total: results.length }));
  const checked = validateTopologyText(text, options.output ?? '<stdout>');
  await writeOutput(io, text, options.output);
  if (options.json) io.out(JSON.stringify(discovery, null, 2) + '\n');
  await io.flush?.();
  io.err(summaryLine(discovery, results.length, options.output, summarizeUnresolved) + '\n');
  if (checked.diagnostics.length > 0) {
    io.err('discover: the topology written does not validate:\n');
    for (const d of checked.diagnostics) io.err(formatDiagnostic(d) + '\n');
    return EXIT.MISMATCH;
  }
  return discovery.failed.length > 0 || discovery.conflicts.length > 0 ? EXIT.MISMATCH : EXIT.OK;
}

/**
 * `discover: 99 of 100 devices answered, 1 failed; wrote 776 links (6 seen from one end only) to
 * lab.yaml; 3 unresolved ends; 0 conflicts`.
 */
function summaryLine(
  discovery: Discovery,
  total: number,
  output: string | undefined,
  summarizeUnresolved: (unresolved: Discovery['unresolved']) => string,
): string {
  const one = discovery.links.filter((l) => l.seen === 'one').length;
  return [
    `discover: ${discovery.devices.length} of ${total} devices answered, ${discovery.failed.length} failed`,
    `wrote ${discovery.devices.length} devices and ${discovery.links.length} links (${one} seen from one end only) to ${output ?? 'stdout'}`,
    summarizeUnresolved(discovery.unresolved),
    `${discovery.conflicts.length} conflicts`,
  ].join('; ');
}

/** `lab.discovered.yaml` → `lab.discovered`; no file → `discovered`. */
function nameFromOutput(output: string | undefined): string {
  const name = output ? basename(output, extname(output)) : '';
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : 'discovered';
}

/** The command line the header names: what was discovered and how (no ports or secrets). */
function describeCommand(options: DiscoverCliOptions, topology: string | undefined): string {
  const parts = ['discover'];
  if (options.inventory?.length)
    parts.push(...options.inventory.map((i) => `--inventory ${withoutSecrets(i)}`));
  else parts.push(`--lab ${options.lab ?? `(the lab running ${topology})`}`);
  if (options.transport !== 'ssh') parts.push(`--transport ${options.transport}`);
  if (options.name) parts.push(`--name ${options.name}`);
  if (options.mgmtPool) parts.push(`--mgmt-pool ${options.mgmtPool}`);
  return parts.join(' ');
}

/** An inventory URL without credentials or query (a token may sit in either); a path as given. */
function withoutSecrets(inventory: string): string {
  if (!/^https?:\/\//i.test(inventory)) return inventory;
  try {
    const url = new URL(inventory);
    return `${url.origin}${url.pathname}`;
  } catch {
    return inventory;
  }
}
