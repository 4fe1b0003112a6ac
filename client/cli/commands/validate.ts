/** `labfleet validate <topology> [--drift file] [--faults file] [--json]`: schema and semantic checks, exit 0 or 2. */
import type { Command } from 'commander';
import { formatDiagnostic, type Diagnostic } from '../../../simulator/errors.js';
import { summarizeTopology } from '../../../simulator/topology/model.js';
import { CliExit, EXIT, type CliIO } from '../io.js';

export function registerValidate(program: Command, io: CliIO): void {
  program
    .command('validate')
    .description('check a topology (and optionally a drift or faults file) and summarise it')
    .argument('<topology>', 'a topology file, or the name of a bundled one (lab-100)')
    .option('--drift <file>', 'also check a drift overlay against the topology')
    .option('--faults <file>', 'also check a faults overlay (up --faults) against the topology')
    .option('--json', 'print a JSON summary (or the errors as JSON)')
    .action(async (file: string, options: { drift?: string; faults?: string; json?: boolean }) => {
      // imported here, not at the top: `--help` loads no schema or YAML parser
      const { validateTopologyFile } = await import('../../../simulator/topology/load.js');
      const { validateDriftText } = await import('../../../simulator/topology/drift.js');
      const { validateFaultsText } = await import('../../../simulator/topology/fault-files.js');
      const { readSourceFile } = await import('../../../simulator/topology/source.js');
      const result = await validateTopologyFile(file);
      let diagnostics: Diagnostic[] = result.diagnostics;
      let driftItems: number | undefined;
      let faultItems: number | undefined;
      if (result.topology && options.drift) {
        const drift = validateDriftText(
          await readSourceFile(options.drift, 'drift file'),
          result.topology,
          options.drift,
        );
        diagnostics = [...diagnostics, ...drift.diagnostics];
        driftItems = drift.world?.drift.length;
      }
      if (result.topology && options.faults) {
        const faults = validateFaultsText(
          await readSourceFile(options.faults, 'faults file'),
          result.topology,
          options.faults,
        );
        diagnostics = [...diagnostics, ...faults.diagnostics];
        faultItems = faults.faults?.length;
      }
      if (diagnostics.length > 0 || !result.topology) {
        if (result.format && !options.json) io.err(`${result.file}: read as a ${result.format} topology\n`);
        reportProblems(io, diagnostics, result.omitted, options.json ?? false);
        throw new CliExit(EXIT.USAGE);
      }
      const summary = {
        valid: true,
        file: result.file,
        ...(result.format ? { format: result.format, mapped: result.notes ?? [] } : {}),
        ...summarizeTopology(result.topology),
        ...(driftItems === undefined ? {} : { drift: driftItems }),
        ...(faultItems === undefined ? {} : { faults: faultItems }),
      };
      if (options.json) io.out(JSON.stringify(summary, null, 2) + '\n');
      else {
        const kinds = Object.entries(summary.kinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
        const drift = driftItems === undefined ? '' : `; drift: ${driftItems} item(s) apply cleanly`;
        const faults = faultItems === undefined ? '' : `; faults: ${faultItems} valid`;
        const format = result.format ? ` (${result.format}, read as labfleet)` : '';
        io.out(
          `${result.file}: valid${format}: ${summary.name}, ${summary.devices} devices (${kinds}), ${summary.links} links${drift}${faults}\n`,
        );
        for (const note of result.notes ?? []) io.out(`  mapped: ${note}\n`);
      }
    });
}

function reportProblems(io: CliIO, diagnostics: readonly Diagnostic[], omitted: number, json: boolean): void {
  if (json) {
    const errors = diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      path: d.path,
      ...d.location,
    }));
    io.out(JSON.stringify({ valid: false, errors, omitted }, null, 2) + '\n');
    return;
  }
  for (const d of diagnostics) io.err(formatDiagnostic(d) + '\n');
  const total = diagnostics.length + omitted;
  io.err(`${total} problem${total === 1 ? '' : 's'}${omitted > 0 ? ` (${omitted} not shown)` : ''}\n`);
}
