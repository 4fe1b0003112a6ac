/**
 * Drift: how the real wiring differs from the documentation, as an overlay file applied in order
 * to the documented links. The documented topology is never edited; the result is the World.
 */
import { z } from 'zod';
import { LabfleetError, type Diagnostic } from '../errors.js';
import { findModel, getKind } from './kinds/index.js';
import { endpointKey, type Endpoint, type Topology } from './model.js';
import { Reporter, resolveEndpoint } from './resolve.js';
import { diagnosticsFromIssues } from './schema-issues.js';
import { strictObject } from './schema.js';
import { parseSource, readSourceFile, type PathSegment } from './source.js';

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

/** One resolved drift item, interface names canonical. */
export type DriftItem =
  | { op: 'unplug'; port: Endpoint }
  | { op: 'swap'; ports: [Endpoint, Endpoint] }
  | { op: 'move'; from: Endpoint; to: Endpoint }
  | { op: 'add'; ports: [Endpoint, Endpoint] };

/** A cable as it really is; `documented` is the index of the documented link it started as. */
export interface Cable {
  a: Endpoint;
  b: Endpoint;
  documented?: number;
}

/** The actual wiring the simulator serves. */
export interface World {
  topology: Topology;
  cables: Cable[];
  drift: DriftItem[];
  /** The far end of the cable at a port, if any. */
  peerOf(endpoint: Endpoint): Endpoint | undefined;
}

/** The world exactly as documented. */
export function createWorld(topology: Topology, drift: DriftItem[] = []): World {
  const board = new Patchboard(topology);
  for (const item of drift) board.apply(item);
  return board.world(drift);
}

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

/** Validates drift against the documented topology; ports are checked as the cabling stands at each step. */
export function validateDriftText(
  text: string,
  topology: Topology,
  file = '<inline>',
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
  const items: DriftItem[] = [];
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

interface Problem {
  code: 'DRIFT_PORT_UNCABLED' | 'DRIFT_PORT_IN_USE' | 'DRIFT_NOOP';
  message: string;
  path: PathSegment[];
}

/** The cabling as it stands while drift items are applied one by one. */
class Patchboard {
  private readonly cables: Cable[];
  private readonly byPort = new Map<string, Cable>();

  constructor(private readonly topology: Topology) {
    this.cables = topology.links.map((l) => ({ a: l.a, b: l.b, documented: l.index }));
    for (const cable of this.cables) this.plug(cable);
  }

  check(item: DriftItem): Problem | undefined {
    const cabled = (p: Endpoint, path: PathSegment[]): Problem | undefined =>
      this.byPort.has(endpointKey(p))
        ? undefined
        : { code: 'DRIFT_PORT_UNCABLED', message: `${endpointKey(p)} has no cable to ${item.op}`, path };
    const free = (p: Endpoint, path: PathSegment[]): Problem | undefined => {
      const cable = this.byPort.get(endpointKey(p));
      if (!cable) return undefined;
      const peer = endpointKey(otherEnd(cable, p));
      return {
        code: 'DRIFT_PORT_IN_USE',
        message: `${endpointKey(p)} already has a cable (to ${peer}); unplug or swap it first`,
        path,
      };
    };
    switch (item.op) {
      case 'unplug':
        return cabled(item.port, ['unplug']);
      case 'move':
        return cabled(item.from, ['move', 'from']) ?? free(item.to, ['move', 'to']);
      case 'add':
        if (endpointKey(item.ports[0]) === endpointKey(item.ports[1]))
          return { code: 'DRIFT_NOOP', message: 'a cable needs two different ports', path: ['add', 1] };
        return free(item.ports[0], ['add', 0]) ?? free(item.ports[1], ['add', 1]);
      case 'swap': {
        const problem = cabled(item.ports[0], ['swap', 0]) ?? cabled(item.ports[1], ['swap', 1]);
        if (problem) return problem;
        if (this.byPort.get(endpointKey(item.ports[0])) === this.byPort.get(endpointKey(item.ports[1])))
          return {
            code: 'DRIFT_NOOP',
            message: 'both ports are ends of the same cable; swapping them changes nothing',
            path: ['swap'],
          };
        return undefined;
      }
    }
  }

  apply(item: DriftItem): void {
    switch (item.op) {
      case 'unplug':
        this.unplug(this.byPort.get(endpointKey(item.port))!);
        return;
      case 'add':
        this.cables.push({ a: item.ports[0], b: item.ports[1] });
        this.plug(this.cables.at(-1)!);
        return;
      case 'move':
        this.replaceEnd(this.byPort.get(endpointKey(item.from))!, item.from, item.to);
        return;
      case 'swap': {
        const [p, q] = item.ports;
        const first = this.byPort.get(endpointKey(p))!;
        const second = this.byPort.get(endpointKey(q))!;
        this.replaceEnd(first, p, q);
        this.byPort.delete(endpointKey(q));
        this.replaceEnd(second, q, p);
        this.byPort.set(endpointKey(q), first);
        return;
      }
    }
  }

  world(drift: DriftItem[]): World {
    const cables = this.cables.filter((c) => this.byPort.get(endpointKey(c.a)) === c);
    const peers = new Map<string, Endpoint>();
    for (const cable of cables) {
      peers.set(endpointKey(cable.a), cable.b);
      peers.set(endpointKey(cable.b), cable.a);
    }
    return { topology: this.topology, cables, drift, peerOf: (endpoint) => peers.get(endpointKey(endpoint)) };
  }

  private plug(cable: Cable): void {
    this.byPort.set(endpointKey(cable.a), cable);
    this.byPort.set(endpointKey(cable.b), cable);
  }

  private unplug(cable: Cable): void {
    this.byPort.delete(endpointKey(cable.a));
    this.byPort.delete(endpointKey(cable.b));
  }

  private replaceEnd(cable: Cable, from: Endpoint, to: Endpoint): void {
    this.byPort.delete(endpointKey(from));
    if (endpointKey(cable.a) === endpointKey(from)) cable.a = to;
    else cable.b = to;
    this.byPort.set(endpointKey(to), cable);
  }
}

function otherEnd(cable: Cable, port: Endpoint): Endpoint {
  return endpointKey(cable.a) === endpointKey(port) ? cable.b : cable.a;
}
