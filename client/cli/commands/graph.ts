/**
 * `labfleet graph <topology> [--drift file | --report json] [--format svg|dot|mermaid|drawio]
 * [--output file]`: the topology drawn for documentation, with what a drift would make `check` find,
 * or what a check found, marked on it.
 */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../report/export/formats.js';
import type { Topology } from '../../../simulator/topology/model.js';
import type { DriftItem } from '../../../simulator/topology/world.js';
import type { GraphInput } from '../../report/graph/index.js';
import { writeOutput, type CliIO } from '../io.js';

export const DRAWING_FORMATS = ['svg', 'dot', 'mermaid', 'drawio'] as const;
/** The drawings, then the cabling exports (docs/exports.md). */
export const GRAPH_FORMATS = [...DRAWING_FORMATS, ...EXPORT_FORMATS] as const;
export type GraphFormat = (typeof DRAWING_FORMATS)[number] | ExportFormat;

interface GraphOptions {
  drift?: string;
  report?: string;
  format: string;
  output?: string;
}

export function registerGraph(program: Command, io: CliIO): void {
  program
    .command('graph')
    .description(
      'draw a topology (svg, Graphviz dot, Mermaid, draw.io), optionally with drift or a check report marked',
    )
    .argument('<topology>', 'a topology file, or the name of a bundled one (lab-100)')
    .option('--drift <file>', 'mark what check would find if the lab were drifted this way')
    .option('--report <json>', 'mark what a check found: a report written by check --format json')
    .option(
      '--format <format>',
      `drawing format: ${DRAWING_FORMATS.join('|')}, or the cabling as ${EXPORT_FORMATS.join('|')}`,
      'svg',
    )
    .option('--output <file>', 'write the drawing to a file instead of stdout')
    .action(async (file: string, options: GraphOptions) => {
      const format = parseGraphFormat(options.format);
      if (options.drift && options.report)
        throw new LabfleetError(
          'USAGE',
          '--drift and --report cannot be combined: --drift draws what a check would find, --report what one found; give one',
        );
      // imported here, not at the top: `--help` loads no schema, layout engine or renderer
      const { loadTopology } = await import('../../../simulator/topology/load.js');
      const topology = await loadTopology(file);
      const overlay = options.report ? await reportOverlay(topology, options.report, io) : undefined;
      const drift = await driftOf(topology, options.drift);
      if (isExportFormat(format)) {
        const { cablingFromGraphInput, cablingFromTopology, renderExport } =
          await import('../../report/export/index.js');
        const cabling = overlay
          ? cablingFromGraphInput(overlay, topology.name)
          : cablingFromTopology(topology, drift);
        const { text, notes } = renderExport(format, cabling);
        for (const note of notes) io.err(`labfleet: ${note}\n`);
        return writeOutput(io, text, options.output);
      }
      const input =
        overlay ?? (await import('../../report/graph/index.js')).graphInputFromTopology(topology, drift);
      await writeOutput(io, await renderGraph(input, format, io), options.output);
    });
}

/** What a check report (check --format json) found, drawn over the topology. */
async function reportOverlay(topology: Topology, file: string, io: CliIO): Promise<GraphInput> {
  const { readSourceFile } = await import('../../../simulator/topology/source.js');
  const { readReportJson } = await import('../../report/read.js');
  const { graphInputFromReport } = await import('../../report/graph/report-overlay.js');
  const { report, timing } = readReportJson(await readSourceFile(file, 'check report'), file);
  const overlay = graphInputFromReport(topology, report, timing);
  if (overlay.foreign.length > 0)
    io.err(
      `labfleet: ${file} names ${overlay.foreign.length} device(s) that ${topology.file} does not: ${overlay.foreign.join(', ')}; drawn as undocumented\n`,
    );
  return overlay.input;
}

async function driftOf(topology: Topology, file: string | undefined): Promise<DriftItem[]> {
  if (!file) return [];
  const { loadDrift } = await import('../../../simulator/topology/drift.js');
  return (await loadDrift(file, topology)).drift;
}

async function renderGraph(
  input: GraphInput,
  format: (typeof DRAWING_FORMATS)[number],
  io: CliIO,
): Promise<string> {
  switch (format) {
    case 'svg': {
      const { renderTopologyDrawing } = await import('../../report/graph/index.js');
      return (await renderTopologyDrawing(input)).svg + '\n';
    }
    case 'dot':
      return (await import('../../report/graph/dot.js')).renderDot(input);
    case 'drawio': {
      const { layoutGraph } = await import('../../report/graph/index.js');
      const { renderDrawio } = await import('../../report/graph/drawio.js');
      return renderDrawio(input, await layoutGraph(input, { clusterAbove: Infinity }));
    }
    case 'mermaid': {
      const { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT, renderMermaid } =
        await import('../../report/graph/mermaid.js');
      const { text, links } = renderMermaid(input);
      if (links > MERMAID_MAX_EDGES || text.length > MERMAID_MAX_TEXT)
        io.err(
          `labfleet: this Mermaid diagram has ${links} links and ${text.length} characters; Mermaid draws at most ${MERMAID_MAX_EDGES} links and ${MERMAID_MAX_TEXT} characters unless the page calls mermaid.initialize({ maxEdges, maxTextSize }) with more\n`,
        );
      return text;
    }
  }
}

function parseGraphFormat(value: string): GraphFormat {
  if ((GRAPH_FORMATS as readonly string[]).includes(value)) return value as GraphFormat;
  throw new LabfleetError(
    'USAGE',
    `--format "${value}" is not supported; valid: ${GRAPH_FORMATS.join(', ')}`,
  );
}
