/**
 * Drift: how the real wiring differs from the documentation, as an overlay file applied in order
 * to the documented links. The documented topology is never edited; the result is the World.
 */
import { z } from 'zod';
import { LabfleetError, type Diagnostic } from '../errors.js';
import { findModel, getKind } from './kinds/index.js';
import type { Endpoint, Topology } from './model.js';
import { resolveEndpoint } from './resolve.js';
import { Reporter } from './reporter.js';
import { diagnosticsFromIssues } from './schema-issues.js';
import { strictObject } from './schema.js';
import { parseSource, readSourceFile, type PathSegment } from './source.js';
import { Patchboard, type DriftItem, type World } from './world.js';

const Port = z.string().meta({ description: '"node:interface"; abbreviations such as Gi1/0/1 are accepted' });
const note = { note: z.string().optional().meta({ description: 'free text for humans' }) };

export const DriftSchema = strictObject({
  drift: z.array(
    z.union(
      [
        strictObject({ unplug: Port, ...note }),
        strictObject({ swap: z.tuple([Port, Port]), ...note }),
        strictObject({ move: strictObject({ from: Port, to: Port }), ...note }),
        strictObject({ add: z.tuple([Port, Port]), ...note }),
      ],
      { error: 'expected one of: unplug: port, swap: [port, port], move: {from, to}, add: [port, port]' },
    ),
  ),
});

export type RawDrift = z.infer<typeof DriftSchema>;

/** Parses and applies drift text to a topology, throwing DRIFT_INVALID with located diagnostics. */
export function parseDrift(text: string, topology: Topology, file = '<inline>'): World {
  const result = validateDriftText(text, topology, file);
  if (result.world) return result.world;
  throw new LabfleetError('DRIFT_INVALID', `${file}: ${result.diagnostics.length} problem(s) found`, {
    diagnostics: result.diagnostics,
  });
}

export async function loadDrift(file: string, topology: Topology): Promise<World> {
  return parseDrift(await readSourceFile(file, 'drift file'), topology, file);
}

/**
 * Validates drift against the documented topology; ports are checked as the cabling stands at each
 * step. `base`: drift already in force (applied at runtime), which the new items follow.
 */
export function validateDriftText(
  text: string,
  topology: Topology,
  file = '<inline>',
  base: readonly DriftItem[] = [],
): { world?: World; diagnostics: Diagnostic[] } {
  const parsed = parseSource(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const result = DriftSchema.safeParse(parsed.source.data, { reportInput: true });
  if (!result.success) return { diagnostics: diagnosticsFromIssues(result.error.issues, parsed.source) };
  const reporter = new Reporter(parsed.source);
  const nodes = new Map(
    topology.nodes.map((n) => {
      const kind = getKind(n.platform);
      return [n.name, { kind, model: findModel(kind, n.model) }] as const;
    }),
  );
  const board = new Patchboard(topology);
  for (const item of base) board.apply(item);
  const items: DriftItem[] = [...base];
  for (const [i, raw] of result.data.drift.entries()) {
    const port = (text: string, ...path: PathSegment[]) =>
      resolveEndpoint(text, ['drift', i, ...path], nodes, reporter);
    const item = resolveItem(raw, port);
    if (!item) continue;
    const problem = board.check(item);
    if (problem) reporter.report(problem.code, problem.message, ['drift', i, ...problem.path]);
    else {
      board.apply(item);
      items.push(item);
    }
  }
  if (reporter.diagnostics.length > 0) return { diagnostics: reporter.diagnostics };
  return { world: board.world(items), diagnostics: [] };
}

type PortResolver = (text: string, ...path: PathSegment[]) => Endpoint | undefined;

function resolveItem(raw: RawDrift['drift'][number], port: PortResolver): DriftItem | undefined {
  if ('unplug' in raw) {
    const p = port(raw.unplug, 'unplug');
    return p && { op: 'unplug', port: p };
  }
  if ('move' in raw) {
    const from = port(raw.move.from, 'move', 'from');
    const to = port(raw.move.to, 'move', 'to');
    return from && to && { op: 'move', from, to };
  }
  const [op, pair] = 'swap' in raw ? (['swap', raw.swap] as const) : (['add', raw.add] as const);
  const a = port(pair[0], op, 0);
  const b = port(pair[1], op, 1);
  return a && b && { op, ports: [a, b] };
}
