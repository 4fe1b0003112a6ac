/**
 * Semantic checks and resolution, the phase after the schema: kinds and models exist, endpoints
 * name real nodes and real ports, no port is cabled twice, names and addresses are unique.
 */
import { parseIpv4 } from './ip.js';
import { assignAddresses, DEFAULT_MGMT_POOL, resolvePool } from './mgmt-addresses.js';
import { describeModelPorts, modelHasPort, parseInterfaceName, type InterfaceName } from './interfaces.js';
import { findModel, getKind, type InterfaceType, type KindSpec, type ModelSpec } from './kinds/index.js';
import { LagChecker } from './lags.js';
import { indexLinkEnds } from './links-by-node.js';
import { checkDistribution, resolveLatency } from './latency.js';
import { parseDuration } from './duration.js';
import { checkFaults } from './fault-files.js';
import type { Endpoint, Link, NodeSpec, Protocols, SshOptions, Topology } from './model.js';
import type { RawNode, RawProtocols, RawSsh, RawTopology } from './schema.js';
import type { PathSegment } from './source.js';
import type { Reporter } from './reporter.js';
import { closestNames } from './suggest.js';
import { checkUserCommands, resolveUserCommands } from './user-commands.js';

export { DEFAULT_MGMT_POOL };
export const DEFAULT_P2P_POOL = '10.0.0.0/8';

interface NodeDraft {
  /** The node's name as held in its spec: endpoints share this string. */
  name: string;
  spec: Omit<NodeSpec, 'mgmtAddress'>;
  kind: KindSpec;
  model?: ModelSpec;
  mgmt?: number;
}

/**
 * A copy of user-keyed entries with no prototype: a lookup of any key (`toString`, `constructor`)
 * finds only what the file wrote.
 */
export function dictionary<T>(entries: Readonly<Record<string, T>> | undefined): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** The one dictionary of every node and link without labels (frozen: shared, never written). */
const NO_LABELS: Record<string, string> = Object.freeze(dictionary<string>(undefined));

const labelsOf = (labels: Record<string, string> | undefined): Record<string, string> =>
  labels && Object.keys(labels).length > 0 ? dictionary(labels) : NO_LABELS;

/**
 * What a node without its own credentials, latency, protocols, ssh or commands inherits from the
 * defaults and its kind: resolved once per kind and shared (frozen) by all such nodes. A topology
 * of 100,000 routers then holds one copy, not 100,000.
 */
interface Inherited {
  credentials?: NodeSpec['credentials'];
  latency?: NodeSpec['latency'];
  protocols?: NodeSpec['protocols'];
  ssh?: NodeSpec['ssh'];
  commands?: NodeSpec['commands'];
}

/** Resolves a schema-valid topology, or reports why it cannot be. */
export function resolveTopology(raw: RawTopology, reporter: Reporter): Topology | undefined {
  const mgmtPool = resolvePool(raw.mgmt?.pool ?? DEFAULT_MGMT_POOL, ['mgmt', 'pool'], true, reporter);
  const p2pPool = resolvePool(raw.p2p?.pool ?? DEFAULT_P2P_POOL, ['p2p', 'pool'], false, reporter);
  checkLatency(raw.defaults?.latency, ['defaults', 'latency'], reporter);
  checkSsh(raw.defaults?.ssh, ['defaults', 'ssh'], reporter);
  checkUserCommands(raw.defaults?.commands, ['defaults', 'commands'], reporter);
  checkKindOverrides(raw, reporter);
  const names = Object.keys(raw.nodes);
  if (names.length === 0) reporter.report('EMPTY', 'a topology needs at least one node', ['nodes']);
  checkNameClashes(names, reporter);
  const drafts = new Map<string, NodeDraft>();
  const inherited = new Map<string, Inherited>();
  names.forEach((name, index) =>
    drafts.set(name, resolveNode(raw, name, raw.nodes[name] ?? null, index, reporter, inherited)),
  );
  const requests = [...drafts.values()].map((d) => ({
    name: d.spec.name,
    ...(d.mgmt === undefined ? {} : { mgmt: d.mgmt }),
  }));
  const addresses = mgmtPool ? assignAddresses(requests, mgmtPool, reporter) : undefined;
  const ends: number[] = [];
  const links = resolveLinks(raw, drafts, reporter, ends);
  const faults = checkFaults(
    raw.faults,
    [...drafts.values()].map((d) => d.spec),
    reporter,
  );
  if (reporter.diagnostics.length > 0 || !addresses || !p2pPool || !faults) return undefined;
  const nodes = [...drafts.values()].map((d) => ({ ...d.spec, mgmtAddress: addresses.get(d.spec.name)! }));
  const topology: Topology = {
    name: raw.name,
    file: reporter.source.file,
    ...(raw.seed === undefined ? {} : { seed: raw.seed }),
    ...(raw.defaults?.domain ? { domain: raw.defaults.domain } : {}),
    mgmtPool: raw.mgmt?.pool ?? DEFAULT_MGMT_POOL,
    p2pPool: raw.p2p?.pool ?? DEFAULT_P2P_POOL,
    nodes,
    links,
    faults,
    nodeByName: new Map(nodes.map((n) => [n.name, n])),
  };
  indexLinkEnds(topology, Int32Array.from(ends));
  return topology;
}

function checkKindOverrides(raw: RawTopology, reporter: Reporter): void {
  for (const [platform, override] of Object.entries(raw.kinds ?? {})) {
    const kind = getKind(platform as KindSpec['platform']);
    const base: PathSegment[] = ['kinds', platform];
    if (override?.model && !findModel(kind, override.model))
      reportModel(kind, override.model, [...base, 'model'], reporter);
    checkProtocols(kind, override?.protocols, [...base, 'protocols'], reporter);
    checkLatency(override?.latency, [...base, 'latency'], reporter);
    checkSsh(override?.ssh, [...base, 'ssh'], reporter);
    checkUserCommands(override?.commands, [...base, 'commands'], reporter);
  }
}

function checkNameClashes(names: string[], reporter: Reporter): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const other = seen.get(name.toLowerCase());
    if (other)
      reporter.report(
        'NAME_INVALID',
        `"${name}" and "${other}" differ only in case; hostnames must be unique`,
        ['nodes', name],
        true,
      );
    else seen.set(name.toLowerCase(), name);
  }
}

function resolveNode(
  raw: RawTopology,
  name: string,
  node: RawNode | null,
  index: number,
  reporter: Reporter,
  inherited: Map<string, Inherited>,
): NodeDraft {
  const base: PathSegment[] = ['nodes', name];
  const platform = node?.kind ?? raw.defaults?.kind ?? 'cisco_ios';
  const kind = getKind(platform);
  const override = raw.kinds?.[platform];
  const modelName = node?.model ?? override?.model ?? kind.defaultModel;
  const model = findModel(kind, modelName);
  if (!model && node?.model) reportModel(kind, node.model, [...base, 'model'], reporter);
  if (node?.protocols) checkProtocols(kind, node.protocols, [...base, 'protocols'], reporter);
  if (node?.latency) checkLatency(node.latency, [...base, 'latency'], reporter);
  if (node?.ssh) checkSsh(node.ssh, [...base, 'ssh'], reporter);
  if (node?.commands) checkUserCommands(node.commands, [...base, 'commands'], reporter);
  let shared = inherited.get(platform);
  if (!shared) inherited.set(platform, (shared = {}));
  const once = <K extends keyof Inherited>(key: K, own: unknown, make: () => NonNullable<Inherited[K]>) =>
    own === undefined ? (shared[key] ??= deepFreeze(make())) : make();
  let mgmt: number | undefined;
  if (node?.mgmt !== undefined) {
    mgmt = parseIpv4(node.mgmt);
    if (mgmt === undefined)
      reporter.report('ADDRESS_INVALID', `"${node.mgmt}" is not an IPv4 address; valid: e.g. 127.100.0.10`, [
        ...base,
        'mgmt',
      ]);
  }
  const spec: NodeDraft['spec'] = {
    name,
    index,
    platform,
    model: model?.name ?? modelName,
    credentials: once('credentials', node?.credentials, () => {
      const credentials = { ...raw.defaults?.credentials, ...override?.credentials, ...node?.credentials };
      return {
        username: credentials.username ?? 'admin',
        password: credentials.password ?? 'admin',
        secret: credentials.secret ?? 'admin',
        authorizedKeys: credentials.authorized_keys ?? [],
      };
    }),
    latency: once('latency', node?.latency, () =>
      resolveLatency([raw.defaults?.latency, override?.latency, node?.latency]),
    ),
    protocols: once('protocols', node?.protocols, () =>
      resolveProtocols(kind, [raw.defaults?.protocols, override?.protocols, node?.protocols]),
    ),
    ssh: once('ssh', node?.ssh, () => resolveSsh([raw.defaults?.ssh, override?.ssh, node?.ssh])),
    labels: labelsOf(node?.labels),
    commands: once('commands', node?.commands, () =>
      resolveUserCommands([
        { commands: raw.defaults?.commands, path: ['defaults', 'commands'] },
        { commands: override?.commands, path: ['kinds', platform, 'commands'] },
        { commands: node?.commands, path: [...base, 'commands'] },
      ]),
    ),
    ...(node?.serial ? { serial: node.serial } : {}),
    ...(node?.version ? { version: node.version } : {}),
  };
  return { name, spec, kind, ...(model ? { model } : {}), ...(mgmt === undefined ? {} : { mgmt }) };
}

/** Freezes a shared value and everything in it, so that no holder can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function reportModel(kind: KindSpec, model: string, path: PathSegment[], reporter: Reporter): void {
  reporter.report(
    'MODEL_UNKNOWN',
    `model "${model}" is not a ${kind.platform} model. Known models are ${kind.models.map((m) => m.name).join(', ')}`,
    path,
  );
}

/** Explicitly asking for a protocol the platform lacks is an error; fleet defaults just skip it. */
function checkProtocols(
  kind: KindSpec,
  protocols: RawProtocols | undefined,
  path: PathSegment[],
  reporter: Reporter,
): void {
  for (const protocol of ['cdp', 'lldp'] as const) {
    if (protocols?.[protocol] && !kind.protocols[protocol]) {
      const supported = (['cdp', 'lldp'] as const).filter((p) => kind.protocols[p]).join(', ');
      reporter.report(
        'PROTOCOL_UNSUPPORTED',
        `${kind.platform} does not speak ${protocol}; it speaks ${supported}`,
        [...path, protocol],
      );
    }
  }
}

function resolveProtocols(kind: KindSpec, layers: ReadonlyArray<RawProtocols | undefined>): Protocols {
  const merged: Protocols = { ssh: true, rest: true, netconf: true, ...kind.protocols.defaults };
  for (const layer of layers) Object.assign(merged, layer);
  merged.cdp &&= kind.protocols.cdp;
  merged.lldp &&= kind.protocols.lldp;
  return merged;
}

/** A login grace of zero would close every connection before it could log in. */
function checkSsh(ssh: RawSsh | undefined, path: PathSegment[], reporter: Reporter): void {
  if (ssh?.login_grace !== undefined && parseDuration(ssh.login_grace) === 0)
    reporter.report('VALUE_INVALID', 'login_grace must be longer than 0, e.g. 120s', [
      ...path,
      'login_grace',
    ]);
}

/** Merges SSH limits key by key (later wins); durations become milliseconds. */
function resolveSsh(layers: ReadonlyArray<RawSsh | undefined>): SshOptions {
  const merged: RawSsh = {};
  for (const layer of layers) Object.assign(merged, layer);
  const grace = merged.login_grace === undefined ? undefined : parseDuration(merged.login_grace);
  return {
    ...(grace === undefined ? {} : { loginGraceMs: grace }),
    ...(merged.auth_tries === undefined ? {} : { authTries: merged.auth_tries }),
    ...(merged.max_startups === undefined ? {} : { maxStartups: merged.max_startups }),
    ...(merged.sessions_per_connection === undefined
      ? {}
      : { sessionsPerConnection: merged.sessions_per_connection }),
  };
}

function checkLatency(latency: RawNode['latency'], path: PathSegment[], reporter: Reporter): void {
  if (!latency) return;
  const profile = resolveLatency([latency]);
  const fields = [
    ['connect', latency.connect && profile.connect],
    ['auth', latency.auth && profile.auth],
    ['command', latency.command && profile.command],
    ...Object.entries(profile.commands).map(([c, d]) => [`commands.${c}`, d] as const),
  ] as const;
  for (const [field, dist] of fields) {
    const problem = dist ? checkDistribution(dist) : undefined;
    if (problem)
      reporter.report('VALUE_INVALID', problem, [
        ...path,
        ...(field.startsWith('commands.') ? ['commands', field.slice(9)] : [field]),
      ]);
  }
}

/** The links; `ends` gets the node positions of each kept link's two ends, in order. */
function resolveLinks(
  raw: RawTopology,
  drafts: Map<string, NodeDraft>,
  reporter: Reporter,
  ends: number[],
): Link[] {
  /** The end that first cabled each port: link index × 2 + end. */
  const used = new Map<string, number>();
  const lags = new LagChecker((node) => drafts.get(node)!.kind, reporter);
  const links: Link[] = [];
  const endPath = (index: number, j: number): PathSegment[] => ['links', index, 'endpoints', j];
  const raws = raw.links ?? [];
  for (let index = 0; index < raws.length; index++) {
    const link = raws[index]!;
    const aEnd = resolveEnd(link.endpoints[0], endPath(index, 0), drafts, reporter);
    const bEnd = resolveEnd(link.endpoints[1], endPath(index, 1), drafts, reporter);
    if (!aEnd || !bEnd) continue;
    const [a, b] = [aEnd.endpoint, bEnd.endpoint];
    const keys = [`${a.node}:${a.interface}`, `${b.node}:${b.interface}`] as const;
    if (keys[0] === keys[1]) {
      reporter.report(
        'LINK_SELF',
        `both ends are ${keys[0]}; a cable needs two different ports`,
        endPath(index, 1),
      );
      continue;
    }
    for (let j = 0; j < 2; j++) {
      const first = used.get(keys[j]!);
      if (first !== undefined)
        reporter.report(
          'INTERFACE_DUPLICATE',
          `${keys[j]} is already cabled at ${reporter.where(endPath(first >> 1, first & 1))}`,
          endPath(index, j),
        );
      else used.set(keys[j]!, index * 2 + j);
    }
    const lag = link.lag === undefined ? undefined : lags.check(link.lag, a, b, ['links', index, 'lag']);
    links.push({ index, a, b, ...(lag ? { lag } : {}), labels: labelsOf(link.labels) });
    ends.push(aEnd.draft.spec.index, bEnd.draft.spec.index);
  }
  return links;
}

/**
 * Parsed interface names by platform and spelling: a big topology spells the same few ports
 * thousands of times, and its endpoints then share one canonical string per port.
 */
const parsedNames = new WeakMap<readonly InterfaceType[], Map<string, InterfaceName | undefined>>();

function parseCached(text: string, types: readonly InterfaceType[]): InterfaceName | undefined {
  let cache = parsedNames.get(types);
  if (!cache) parsedNames.set(types, (cache = new Map<string, InterfaceName | undefined>()));
  if (cache.has(text)) return cache.get(text);
  const parsed = parseInterfaceName(text, types);
  if (cache.size < 100_000) cache.set(text, parsed);
  return parsed;
}

/** Whether a model has a port, cached per model like the names. */
const portsOf = new WeakMap<ModelSpec, Map<string, boolean>>();

function hasPortCached(model: ModelSpec, full: string): boolean {
  let cache = portsOf.get(model);
  if (!cache) portsOf.set(model, (cache = new Map<string, boolean>()));
  let has = cache.get(full);
  if (has === undefined) {
    has = modelHasPort(model, full);
    if (cache.size < 100_000) cache.set(full, has);
  }
  return has;
}

/** `"leaf1:Gi1/0/1"` → `{ node: 'leaf1', interface: 'GigabitEthernet1/0/1' }`, or a reported problem. */
export function resolveEndpoint(
  text: string,
  path: PathSegment[],
  drafts: ReadonlyMap<string, { kind: KindSpec; model?: ModelSpec }>,
  reporter: Reporter,
): Endpoint | undefined {
  return resolveEnd(text, path, drafts, reporter)?.endpoint;
}

/** An endpoint and the draft of its node. */
function resolveEnd<D extends { kind: KindSpec; model?: ModelSpec; name?: string }>(
  text: string,
  path: PathSegment[],
  drafts: ReadonlyMap<string, D>,
  reporter: Reporter,
): { endpoint: Endpoint; draft: D } | undefined {
  const colon = text.indexOf(':');
  const nodeName = text.slice(0, colon).trim();
  const ifaceText = text.slice(colon + 1).trim();
  if (colon < 0 || !nodeName || !ifaceText) {
    reporter.report(
      'ENDPOINT_INVALID',
      `"${text}" is not "node:interface", e.g. "leaf1:GigabitEthernet1/0/1"`,
      path,
    );
    return undefined;
  }
  const node = drafts.get(nodeName);
  if (!node) {
    const near = closestNames(nodeName, [...drafts.keys()]);
    const hint =
      near.length > 0 ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `no node has that name`;
    reporter.report('ENDPOINT_NODE_UNKNOWN', `"${nodeName}" is not a node of this topology; ${hint}`, path);
    return undefined;
  }
  const iface = parseCached(ifaceText, node.kind.interfaceTypes);
  if (!iface) {
    const types = node.kind.interfaceTypes
      .map((t) => (t.aliases[0] ? `${t.name} (${t.aliases[0]})` : t.name))
      .join(', ');
    reporter.report(
      'INTERFACE_INVALID',
      `"${ifaceText}" is not a ${node.kind.platform} interface name; types: ${types}`,
      path,
    );
    return undefined;
  }
  if (node.model && !hasPortCached(node.model, iface.full)) {
    reporter.report(
      'INTERFACE_INVALID',
      `${nodeName} is a ${node.model.name} and has no port ${iface.full}; its ports: ${describeModelPorts(node.model)}`,
      path,
    );
    return undefined;
  }
  return { endpoint: { node: node.name ?? nodeName, interface: iface.full }, draft: node };
}
