/** `labfleet check [topology]`: verify the cabling of a running fleet (or real devices) against the documentation. */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import type { Platform } from '../../../simulator/topology/kinds/index.js';
import { DEFAULT_TOPOLOGY } from '../../../simulator/topology/default-topology.js';
import type { Topology } from '../../../simulator/topology/model.js';
import type { CheckResult } from '../../check.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../report/export/formats.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.js';
import type { Target } from '../../target.js';
import type { Documentation } from '../../verify/documentation.js';
import { watchInterrupt } from '../interrupt.js';
import { CliExit, EXIT, writeOutput, type CliIO } from '../io.js';
import { startProgress } from '../progress.js';
import { packageVersion } from '../version.js';
import {
  addConnectionOptions,
  collectInventory,
  collectOptions,
  connectionTargets,
  resolveLabOptions,
  type ConnectionCliOptions,
} from '../connection.js';

export interface CheckOptions extends ConnectionCliOptions {
  doc?: string;
  format: string;
  output?: string;
  progress?: boolean;
  collected?: string[];
}

export function registerCheck(program: Command, io: CliIO): void {
  const command = program
    .command('check')
    .description('verify the cabling of a running fleet (or of real devices) against the documentation')
    .argument(
      '[topology]',
      'topology file or bundled name: the documentation, and where the fleet listens',
      DEFAULT_TOPOLOGY,
    )
    .option(
      '--inventory <file>',
      "devices to check instead of the topology's (JSON from up, CSV, Ansible YAML, Nornir hosts.yaml or its directory, or an http(s) URL such as up's GET /inventory); repeat to merge shards' parts",
      collectInventory,
    )
    .option(
      '--collected <files...>',
      'verify the neighbours collect neighbors --format json wrote (one file per shard, collect --shard i/n) instead of connecting',
    )
    .option(
      '--doc <file>',
      'documentation instead of the topology: a cabling CSV, a containerlab .clab.yml, or NetBox cables (CSV export or /api/dcim/cables/ JSON)',
    )
    .option(
      '--format <format>',
      `report format: ${CHECK_FORMATS.join('|')} (html: one self-contained page, usually with --output report.html; ${EXPORT_FORMATS.join(', ')}: the cabling the neighbours showed, docs/exports.md)`,
      'text',
    )
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--no-progress', 'no progress bar even on a terminal');
  addConnectionOptions(command).action(async (file: string, options: CheckOptions, self: Command) => {
    const given = self.args.length > 0 ? file : undefined;
    const lab = await resolveLabOptions(self, options, given, io);
    throw new CliExit(await runCheck(lab.topology ?? file, lab.options, io));
  });
}

/**
 * Runs the check and prints the report; resolves with the exit code: 0 the cabling matches, 1 it
 * does not, 130 Ctrl-C or SIGTERM stopped it (the report then covers the devices that had finished).
 * What only a run needs is imported here, not at the top, so `--help` loads none of it; the
 * renderers come after the connections (docs/cli-start.md).
 */
export async function runCheck(file: string, options: CheckOptions, io: CliIO): Promise<number> {
  const format = parseFormat(options.format);
  if (options.collected) return runCollectedCheck(file, options, format, io);
  const collect = await collectOptions(options);
  const { loadTopology } = await import('../../../simulator/topology/load.js');
  const topology =
    options.inventory && options.doc && file === DEFAULT_TOPOLOGY ? undefined : await loadTopology(file);
  const targets = await connectionTargets(options, () => Promise.resolve(topology!));
  const documentation = await loadDocumentation(options.doc, topology, targets);
  const { checkCabling } = await import('../../check.js');
  const progress = startProgress('checking', targets.length, { enabled: options.progress !== false });
  const interrupt = watchInterrupt(() => progress.stop());
  let checked: CheckResult;
  try {
    checked = await checkCabling(targets, documentation, {
      ...collect,
      signal: interrupt.signal,
      onResult: (_r, done) => progress.update(done),
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  return printReport(checked, topology, format, options, io);
}

/** `check --collected`: the union of the shards' collected neighbours, verified as one check. */
async function runCollectedCheck(
  file: string,
  options: CheckOptions,
  format: CheckFormat,
  io: CliIO,
): Promise<number> {
  if (options.inventory?.length)
    throw new LabfleetError(
      'USAGE',
      '--collected verifies neighbours already collected: it reaches no device, so drop --inventory',
    );
  const { loadCollected } = await import('../../report/read-collected.js');
  const { checkCollected } = await import('../../check.js');
  const { loadTopology } = await import('../../../simulator/topology/load.js');
  const results = await loadCollected(options.collected!);
  const topology = options.doc && file === DEFAULT_TOPOLOGY ? undefined : await loadTopology(file);
  const devices = results.map((r) => ({ name: r.device, platform: r.platform }));
  const documentation = await loadDocumentation(options.doc, topology, devices);
  return printReport(checkCollected(results, documentation), topology, format, options, io);
}

async function printReport(
  checked: CheckResult,
  topology: Topology | undefined,
  format: CheckFormat,
  options: CheckOptions,
  io: CliIO,
): Promise<number> {
  const { report } = checked;
  const exitCode = report.interrupted ? EXIT.INTERRUPTED : report.ok ? EXIT.OK : EXIT.MISMATCH;
  if (isExportFormat(format)) {
    const { cablingFromCheck, renderExport } = await import('../../report/export/index.js');
    const known = topology ?? (await documentedTopology(options.doc));
    const { text, notes } = renderExport(format, cablingFromCheck(checked, known));
    for (const note of notes) io.err(`labfleet: ${note}\n`);
    await writeOutput(io, text, options.output);
    return exitCode;
  }
  const colors = format === 'text' && !options.output && io.colors?.() === true;
  const text =
    format === 'html'
      ? await (
          await import('../../report/html/report.js')
        ).renderHtmlReport(checked, { topology, generatedBy: `labfleet ${packageVersion()}` })
      : (await import('../../report/index.js')).renderReport(checked, format, { colors });
  await writeOutput(io, text, options.output);
  return exitCode;
}

type CheckFormat = ReportFormat | 'html' | ExportFormat;

/**
 * The documentation as a topology where it is one (labfleet, containerlab, netlab): it knows the
 * devices' models and the lab's name, which an export writes. A CSV or NetBox file is not.
 */
async function documentedTopology(doc: string | undefined): Promise<Topology | undefined> {
  if (!doc || /\.csv$/i.test(doc)) return undefined;
  const { validateTopologyFile } = await import('../../../simulator/topology/load.js');
  return (await validateTopologyFile(doc)).topology;
}

/** The text reports, the HTML page (async: it lays the drawing out), and the cabling exports. */
const CHECK_FORMATS: readonly CheckFormat[] = [...REPORT_FORMATS, 'html', ...EXPORT_FORMATS];

function parseFormat(value: string): CheckFormat {
  if (CHECK_FORMATS.includes(value as CheckFormat)) return value as CheckFormat;
  throw new LabfleetError(
    'USAGE',
    `--format "${value}" is not supported; valid: ${CHECK_FORMATS.join(', ')}`,
  );
}

async function loadDocumentation(
  doc: string | undefined,
  topology: Topology | undefined,
  targets: ReadonlyArray<Pick<Target, 'name' | 'platform'>>,
): Promise<Documentation> {
  const platforms = new Map<string, Platform>([
    ...(topology?.nodes.map((n) => [n.name.toLowerCase(), n.platform] as const) ?? []),
    ...targets.map((t) => [t.name.toLowerCase(), t.platform] as const),
  ]);
  const platformOf = (device: string) => platforms.get(device.toLowerCase());
  const { documentationFromContainerlab, documentationFromCsv, documentationFromTopology } =
    await import('../../verify/documentation.js');
  if (!doc) return documentationFromTopology(topology!);
  const { readSourceFile } = await import('../../../simulator/topology/source.js');
  const { loadTopology } = await import('../../../simulator/topology/load.js');
  const text = await readSourceFile(doc, 'documentation');
  const netbox = (await import('../../verify/netbox.js')).netboxDocumentation(text, doc, platformOf);
  if (netbox) return netbox;
  if (/\.csv$/i.test(doc)) return documentationFromCsv(text, doc, platformOf);
  if (/\.clab\.ya?ml$/i.test(doc)) return documentationFromContainerlab(text, doc, platformOf);
  return documentationFromTopology(await loadTopology(doc));
}
