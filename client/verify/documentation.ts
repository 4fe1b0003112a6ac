/**
 * What the cabling should be, from any of three sources: a labfleet topology, a cabling CSV
 * (`local_hostname,local_port,remote_hostname,remote_port`, each link from both ends, abbreviated
 * ports allowed) or a containerlab file. Bad rows are problems in the report, not aborts; a CSV
 * whose header is not one labfleet reads is refused (DOCUMENTATION_INVALID).
 */
import type { Platform } from '../../simulator/topology/kinds/index.js';
import type { Topology } from '../../simulator/topology/model.js';
import { readContainerlab } from '../../simulator/topology/foreign/containerlab-read.js';
import { parseSource, renderPath } from '../../simulator/topology/source.js';
import { splitCsv, splitCsvCells } from '../csv.js';
import { NETBOX_CSV_HEADERS } from '../netbox/cable-layouts.js';
import { createSourceError } from '../source-error.js';
import { cableKey, canonicalHostname, canonicalInterface, type Port } from './ports.js';

export interface DocumentedCable {
  a: Port;
  b: Port;
}

export interface DocumentationProblem {
  /** `file:line:column`, or `file:line` when the whole line is at fault. */
  where: string;
  message: string;
}

export interface Documentation {
  source: string;
  cables: DocumentedCable[];
  /** Every device the documentation names. */
  devices: string[];
  problems: DocumentationProblem[];
}

export function documentationFromTopology(topology: Topology): Documentation {
  return {
    source: topology.file,
    cables: topology.links.map((l) => ({
      a: { device: l.a.node, interface: l.a.interface },
      b: { device: l.b.node, interface: l.b.interface },
    })),
    devices: topology.nodes.map((n) => n.name),
    problems: [],
  };
}

const CSV_HEADER = ['local_hostname', 'local_port', 'remote_hostname', 'remote_port'];

/** Parses a cabling CSV; `platformOf` gives the platform of devices it knows, for port names. */
export function documentationFromCsv(
  text: string,
  file: string,
  platformOf: (device: string) => Platform | undefined,
): Documentation {
  const lines = text.split(/\r?\n/);
  const header = splitCsv(lines[0] ?? '').map((h) => h.toLowerCase());
  const problems: DocumentationProblem[] = [];
  if (CSV_HEADER.some((h, i) => header[i] !== h))
    throw createSourceError('DOCUMENTATION_INVALID', [
      {
        code: 'VALUE_INVALID',
        message: `not a cabling CSV labfleet reads: the header must be ${CSV_HEADER.join(',')} (labfleet's cabling CSV), or that of a NetBox cable export (${NETBOX_CSV_HEADERS.join('; ')}); got ${JSON.stringify(lines[0] ?? '')}`,
        path: '',
        location: { file, line: 1, column: 1 },
      },
    ]);
  const cables = new Map<string, DocumentedCable>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = splitCsvCells(line);
    if (cells.length !== 4) {
      problems.push({
        where: `${file}:${i + 2}`,
        message: `expected 4 non-empty columns (${CSV_HEADER.join(',')}), got ${JSON.stringify(line)}`,
      });
      return;
    }
    const empty = cells.findIndex((c) => c.text === '');
    if (empty >= 0) {
      problems.push({
        where: `${file}:${i + 2}:${cells[empty]!.column}`,
        message: `${CSV_HEADER[empty]} is empty; expected 4 non-empty columns (${CSV_HEADER.join(',')}), got ${JSON.stringify(line)}`,
      });
      return;
    }
    const [localHost, localPort, remoteHost, remotePort] = cells.map((c) => c.text) as [
      string,
      string,
      string,
      string,
    ];
    const a = documentedPort(localHost, localPort, platformOf);
    const b = documentedPort(remoteHost, remotePort, platformOf);
    if (!cables.has(cableKey(a, b))) cables.set(cableKey(a, b), { a, b });
  });
  return { source: file, cables: [...cables.values()], devices: devicesOf([...cables.values()]), problems };
}

function documentedPort(
  host: string,
  port: string,
  platformOf: (device: string) => Platform | undefined,
): Port {
  const device = canonicalHostname(host);
  return { device, interface: canonicalInterface(port, platformOf(device)) };
}

function devicesOf(cables: DocumentedCable[]): string[] {
  return [...new Set(cables.flatMap((c) => [c.a.device, c.b.device]))];
}

/**
 * Reads a containerlab topology's links through the simulator's own containerlab reader (one
 * mapping of kinds and `ethN` names for `up` and `--doc`). A file that is not YAML, or whose
 * `links` is not a list, is DOCUMENTATION_INVALID; a bad link or node is a located problem and the
 * other links are still documented.
 */
export function documentationFromContainerlab(
  text: string,
  file: string,
  platformOf: (device: string) => Platform | undefined,
): Documentation {
  const { source, diagnostics } = parseSource(text, file);
  if (!source) throw createSourceError('DOCUMENTATION_INVALID', diagnostics);
  const links = (source.data as { topology?: { links?: unknown } } | null)?.topology?.links;
  if (links !== undefined && !Array.isArray(links)) {
    const path = ['topology', 'links'];
    throw createSourceError('DOCUMENTATION_INVALID', [
      {
        code: 'TYPE_INVALID',
        message: 'expected a list of links',
        path: renderPath(path),
        location: source.locate(path),
      },
    ]);
  }
  const lab = readContainerlab(source);
  const port = (end: { node: string; interface: string }, platform: Platform): Port => ({
    device: end.node,
    interface: canonicalInterface(end.interface, platformOf(end.node) ?? platform),
  });
  const cables = new Map<string, DocumentedCable>();
  const platforms = new Map(lab.nodes.map((n) => [n.name, n.kind.platform]));
  for (const cable of lab.cables) {
    const a = port(cable.a, platforms.get(cable.a.node)!);
    const b = port(cable.b, platforms.get(cable.b.node)!);
    cables.set(cableKey(a, b), { a, b });
  }
  const nodes = Object.keys((source.data as { topology?: { nodes?: object } }).topology?.nodes ?? {});
  return {
    source: file,
    cables: [...cables.values()],
    devices: [...new Set([...nodes, ...devicesOf([...cables.values()])])],
    problems: lab.reporter.diagnostics.map((d) => ({
      where: `${d.location!.file}:${d.location!.line}:${d.location!.column}`,
      message: `${d.path}: ${d.message}`,
    })),
  };
}
