/**
 * Reading a containerlab topology (`*.clab.yml`): its nodes mapped to platforms and models, its
 * links (brief `"r1:eth1"` and extended `{node, interface}` syntax) to cables between device port
 * names. Every problem of the file is reported, located in it; a bad link is left out, the rest kept.
 */
import type { Diagnostic } from '../../errors.js';
import { parseInterfaceName, modelHasPort } from '../interfaces.js';
import { findModel, getKind, type ModelSpec } from '../kinds/index.js';
import { modelWithPorts } from '../model-fit.js';
import { Reporter } from '../reporter.js';
import type { PathSegment, SourceFile } from '../source.js';
import {
  CONTAINERLAB_KIND_NAMES,
  CONTAINERLAB_KINDS,
  NON_CABLE_LINK_TYPES,
  SPECIAL_ENDPOINT_NODES,
  type ContainerlabKind,
} from './containerlab-kinds.js';

/** The label (node, kind or defaults `labels`) that names the model a node is. */
export const MODEL_LABEL = 'labfleet.model';

export interface ContainerlabNode {
  name: string;
  path: PathSegment[];
  kindName: string;
  kind: ContainerlabKind;
  /** Where the kind was given: the node's own `kind`, or `topology.defaults.kind`. */
  kindPath: PathSegment[];
  model: ModelSpec;
  /** Why this model: the node's label, the kind's own model, or the first that has its ports. */
  modelFrom: 'label' | 'kind' | 'ports';
  labels: Record<string, string>;
}

export interface ContainerlabEnd {
  node: string;
  /** The device's own port name (`GigabitEthernet2` for a CSR's eth1). */
  interface: string;
  /**
   * The name as written, where the kind's alias rewrote it (`xe-0/1/7` on a vMX-like kind reads
   * as `ge-0/1/7`): kept when the node's model has that port itself (a labelled MX204).
   */
  given?: string;
  path: PathSegment[];
}

export interface ContainerlabCable {
  path: PathSegment[];
  a: ContainerlabEnd;
  b: ContainerlabEnd;
}

export interface ContainerlabLab {
  name: unknown;
  nodes: ContainerlabNode[];
  cables: ContainerlabCable[];
  /** Links and settings that are not simulated, one line each. */
  notes: string[];
  reporter: Reporter;
}

type Raw = Record<string, unknown>;

const ENDPOINT_VALID = 'expected "node:interface" (e.g. "r1:eth1") or {node: r1, interface: eth1}';
const LINK_VALID =
  'expected two endpoints: ["r1:eth1", "r2:eth1"], or type: veth with [{node: r1, interface: eth1}, {node: r2, interface: eth1}]';
const SUPPORTED = `Supported kinds are ${CONTAINERLAB_KIND_NAMES.join(', ')}`;
const NODE_KEYS = new Set(['kind', 'labels']);

/** True when a parsed file looks like containerlab's: a top-level `topology` holding `nodes`. */
export function looksLikeContainerlab(data: unknown): boolean {
  const topology = asRecord(asRecord(data)?.topology);
  return topology !== undefined && 'nodes' in topology && !('nodes' in (data as Raw));
}

export function readContainerlab(source: SourceFile): ContainerlabLab {
  const reporter = new Reporter(source);
  const data = asRecord(source.data) ?? {};
  const lab: ContainerlabLab = { name: data.name, nodes: [], cables: [], notes: [], reporter };
  const topology = asRecord(data.topology);
  if (!topology) {
    reporter.report('TYPE_INVALID', 'expected a mapping with nodes and links', ['topology']);
    return lab;
  }
  const ends = readNodes(topology, lab);
  const nodes = new Map(lab.nodes.map((n) => [n.name, n]));
  const cables = readLinks(topology, lab, ends);
  for (const node of lab.nodes) chooseModel(node, ends.get(node.name) ?? [], lab);
  lab.cables = cables.filter((cable) =>
    [cable.a, cable.b].every((end) => checkPort(nodes.get(end.node)!, end, reporter)),
  );
  const at = (d: Diagnostic) => [d.location?.line ?? 0, d.location?.column ?? 0] as const;
  reporter.diagnostics.sort((x, y) => at(x)[0] - at(y)[0] || at(x)[1] - at(y)[1]);
  return lab;
}

/** The nodes with a supported kind; every node (bad kinds too) gets an entry in the returned map. */
function readNodes(topology: Raw, lab: ContainerlabLab): Map<string, ContainerlabEnd[]> {
  const { reporter } = lab;
  const ends = new Map<string, ContainerlabEnd[]>();
  const defaults = asRecord(topology.defaults) ?? {};
  const kinds = asRecord(topology.kinds) ?? {};
  const nodes = asRecord(topology.nodes);
  if (!nodes) {
    reporter.report('TYPE_INVALID', 'expected a mapping of node names to nodes', ['topology', 'nodes']);
    return ends;
  }
  const ignored = new Set<string>();
  for (const section of [defaults, ...Object.values(kinds).map(asRecord)])
    for (const key of Object.keys(section ?? {})) if (!NODE_KEYS.has(key)) ignored.add(key);
  const reportedDefault = { value: false };
  for (const [name, raw] of Object.entries(nodes)) {
    const path = ['topology', 'nodes', name];
    ends.set(name, []);
    const node = raw === null ? {} : asRecord(raw);
    if (!node) {
      reporter.report('TYPE_INVALID', `expected a node: {kind: …}, got ${JSON.stringify(raw)}`, path);
      continue;
    }
    const own = node.kind !== undefined;
    const kindName = own ? node.kind : defaults.kind;
    const kindPath = own ? [...path, 'kind'] : ['topology', 'defaults', 'kind'];
    if (kindName === undefined) {
      reporter.report(
        'KEY_MISSING',
        `node ${name} has no kind, and topology.defaults has none. ${SUPPORTED}`,
        path,
        true,
      );
      continue;
    }
    const kind = typeof kindName === 'string' ? CONTAINERLAB_KINDS[kindName] : undefined;
    if (!kind || typeof kindName !== 'string') {
      if (own || !reportedDefault.value)
        reporter.report(
          'KIND_UNKNOWN',
          `kind ${JSON.stringify(kindName)} is not supported. ${SUPPORTED}`,
          kindPath,
        );
      reportedDefault.value ||= !own;
      continue;
    }
    const labels = {
      ...stringLabels(defaults.labels),
      ...stringLabels(asRecord(kinds[kindName])?.labels),
      ...stringLabels(node.labels),
    };
    const type = node.type ?? asRecord(kinds[kindName])?.type ?? defaults.type;
    const typeModel = typeof type === 'string' ? kind.typeModels?.[type] : undefined;
    for (const key of Object.keys(node))
      if (!NODE_KEYS.has(key) && !(key === 'type' && typeModel)) ignored.add(key);
    const model = findModel(getKind(kind.platform), typeModel ?? kind.model)!;
    lab.nodes.push({ name, path, kindName, kind, kindPath, model, modelFrom: 'kind', labels });
  }
  if (ignored.size > 0)
    lab.notes.push(`not simulated: ${[...ignored].sort().join(', ')} (of nodes, kinds and defaults)`);
  return ends;
}

function readLinks(
  topology: Raw,
  lab: ContainerlabLab,
  ends: Map<string, ContainerlabEnd[]>,
): ContainerlabCable[] {
  const { reporter } = lab;
  const links = topology.links ?? [];
  if (!Array.isArray(links)) {
    reporter.report('TYPE_INVALID', 'expected a list of links', ['topology', 'links']);
    return [];
  }
  const known = new Map(lab.nodes.map((n) => [n.name, n]));
  const cables: ContainerlabCable[] = [];
  links.forEach((raw: unknown, i) => {
    const path = ['topology', 'links', i];
    const link = asRecord(raw);
    const type = link?.type;
    if (type !== undefined && type !== 'veth') {
      if (typeof type === 'string' && NON_CABLE_LINK_TYPES.includes(type))
        lab.notes.push(`${renderLink(i)}: type ${type} is not a cable between two nodes; not simulated`);
      else
        reporter.report(
          'VALUE_INVALID',
          `link type ${JSON.stringify(type)} is not one containerlab has; valid: veth, ${NON_CABLE_LINK_TYPES.join(', ')}`,
          [...path, 'type'],
        );
      return;
    }
    const endpoints = link?.endpoints;
    if (!Array.isArray(endpoints) || endpoints.length !== 2) {
      reporter.report(
        'ENDPOINT_INVALID',
        `${LINK_VALID}, got ${JSON.stringify(endpoints ?? raw) ?? 'nothing'}`,
        endpoints === undefined ? path : [...path, 'endpoints'],
      );
      return;
    }
    const parsed = endpoints.map((e: unknown, k) => parseEndpoint(e, [...path, 'endpoints', k], reporter));
    const special = parsed.find(
      (e) => e !== undefined && SPECIAL_ENDPOINT_NODES.includes(e.node) && !ends.has(e.node),
    );
    if (special) {
      lab.notes.push(
        `${renderLink(i)}: ${special.node}:${special.interface} is not a cable between two nodes; not simulated`,
      );
      return;
    }
    const resolved = parsed.map((e) => e && resolveEnd(e, known, ends, reporter));
    if (!resolved[0] || !resolved[1]) return;
    for (const end of resolved as ContainerlabEnd[]) ends.get(end.node)!.push(end);
    cables.push({ path, a: resolved[0], b: resolved[1] });
  });
  return cables;
}

interface RawEnd {
  node: string;
  interface: string;
  path: PathSegment[];
}

function parseEndpoint(raw: unknown, path: PathSegment[], reporter: Reporter): RawEnd | undefined {
  if (typeof raw === 'string') {
    const colon = raw.indexOf(':');
    if (colon > 0 && colon < raw.length - 1)
      return { node: raw.slice(0, colon), interface: raw.slice(colon + 1), path };
  } else {
    const end = asRecord(raw);
    if (end && typeof end.node === 'string' && typeof end.interface === 'string' && end.node && end.interface)
      return { node: end.node, interface: end.interface, path };
  }
  reporter.report('ENDPOINT_INVALID', `${ENDPOINT_VALID}, got ${JSON.stringify(raw)}`, path);
  return undefined;
}

/** The endpoint with its device port name; ethN is numbered as the node's image numbers it. */
function resolveEnd(
  end: RawEnd,
  known: Map<string, ContainerlabNode>,
  all: Map<string, ContainerlabEnd[]>,
  reporter: Reporter,
): ContainerlabEnd | undefined {
  const node = known.get(end.node);
  if (!node) {
    // A node whose kind was already reported needs no second diagnostic here.
    if (!all.has(end.node))
      reporter.report(
        'ENDPOINT_NODE_UNKNOWN',
        `node "${end.node}" is not in topology.nodes; nodes are: ${[...all.keys()].join(', ')}`,
        end.path,
      );
    return undefined;
  }
  const { kind } = node;
  const eth = /^eth(\d+)$/.exec(end.interface);
  if (eth && Number(eth[1]) >= 1) return { ...end, interface: kind.port(Number(eth[1])) };
  const types = getKind(kind.platform).interfaceTypes;
  const parsed = eth ? undefined : parseInterfaceName(kind.alias?.(end.interface) ?? end.interface, types);
  const given = eth ? undefined : parseInterfaceName(end.interface, types)?.full;
  if (parsed && parsed.full !== node.model.mgmt)
    return { ...end, interface: parsed.full, ...(given && given !== parsed.full ? { given } : {}) };
  reporter.report(
    'INTERFACE_INVALID',
    `${JSON.stringify(end.interface)} is not a data port of ${node.name} (kind ${node.kindName}): expected eth1, eth2, … (${kind.rule}) or the port's own name (${node.model.ports.join(', ')})${parsed || eth ? `; ${end.interface} is the management interface` : ''}`,
    end.path,
  );
  return undefined;
}

/** The node's label model if its platform has it; else the kind's model; else one with its ports. */
function chooseModel(node: ContainerlabNode, ends: ContainerlabEnd[], lab: ContainerlabLab): void {
  const label = node.labels[MODEL_LABEL];
  const platform = getKind(node.kind.platform);
  const labelled = label === undefined ? undefined : findModel(platform, label);
  if (label !== undefined && !labelled)
    lab.notes.push(
      `${node.name}: label ${MODEL_LABEL} ${label} is not a ${node.kind.platform} model; using the kind's model`,
    );
  if (labelled) {
    Object.assign(node, { model: labelled, modelFrom: 'label' });
    keepGivenNames(labelled, ends);
    return;
  }
  keepGivenNames(node.model, ends);
  const names = ends.map((e) => e.interface);
  if (names.every((name) => modelHasPort(node.model, name))) return;
  const fitting = modelWithPorts(node.kind.platform, names);
  if (fitting) Object.assign(node, { model: fitting, modelFrom: 'ports' });
}

/** Ends whose name as written is a port of the model, where the aliased name is not, keep it. */
function keepGivenNames(model: ModelSpec, ends: ContainerlabEnd[]): void {
  for (const end of ends)
    if (end.given && modelHasPort(model, end.given) && !modelHasPort(model, end.interface))
      end.interface = end.given;
}

function checkPort(node: ContainerlabNode, end: ContainerlabEnd, reporter: Reporter): boolean {
  if (modelHasPort(node.model, end.interface) && end.interface !== node.model.mgmt) return true;
  reporter.report(
    'INTERFACE_INVALID',
    `${node.name}'s model ${node.model.name} (kind ${node.kindName}) has no data port ${end.interface}; its ports: ${node.model.ports.join(', ')} (${node.kind.rule})`,
    end.path,
  );
  return false;
}

function renderLink(i: number): string {
  return `topology.links[${i}]`;
}

function asRecord(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

/** containerlab labels may be numbers or booleans in YAML; labfleet's are strings. */
function stringLabels(value: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, label] of Object.entries(asRecord(value) ?? {}))
    if (['string', 'number', 'boolean'].includes(typeof label)) labels[key] = String(label);
  return labels;
}
