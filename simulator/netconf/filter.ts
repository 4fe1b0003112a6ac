/**
 * Filters (RFC 6241 §6): a subtree filter selects from the data by example — containment nodes
 * descend, selection nodes (empty elements) take the whole node, content match nodes (leaves with
 * text) keep only the list entries whose leaf has that value, and are returned with them. An XPath
 * filter of the form servers commonly answer (`/a:b/c[d='x']/e`: child steps, equality predicates)
 * is turned into the subtree filter that selects the same, so one engine serves both. A filter that
 * matches nothing selects nothing: `<data/>`. A list entry selected by what is inside it keeps its
 * key leaves (RFC 6241 §6.2.5; the entry's `keys`), so the client can tell entries apart.
 */
import { attributeOf, BASE_NS, el, type XmlElement } from './xml.js';

/**
 * Data elements leave `ns` out where it is their parent's: `inherited` is that parent's. A filter
 * node without a namespace of its own (none, or the base namespace it inherits from `<rpc>` when
 * the client wrote no `xmlns`) matches the name in any namespace.
 */
const matches = (data: XmlElement, filter: XmlElement, inherited?: string) =>
  data.name === filter.name &&
  (filter.ns === undefined || filter.ns === BASE_NS || filter.ns === (data.ns ?? inherited)) &&
  attributesMatch(data, filter);

/** RFC 6241 §6.2.2: an attribute on a filter node keeps only data nodes carrying that value. */
function attributesMatch(data: XmlElement, filter: XmlElement): boolean {
  for (const [name, value] of filter.attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (attributeOf(data, name.slice(name.indexOf(':') + 1)) !== value) return false;
  }
  return true;
}

const isContentMatch = (f: XmlElement) => f.children.length === 0 && f.text.trim() !== '';
const isSelection = (f: XmlElement) => f.children.length === 0 && f.text.trim() === '';

/** The data nodes among `data` that `filters` (siblings of one level) select, each cut down. */
export function applySubtree(
  data: readonly XmlElement[],
  filters: readonly XmlElement[],
  inherited?: string,
): XmlElement[] {
  if (filters.length === 0) return [];
  const out: XmlElement[] = [];
  for (const node of data) {
    const wanted = filters.filter((f) => matches(node, f, inherited));
    if (wanted.length === 0) continue;
    // Two filter nodes for one data node (two list entries asked by key): the first that selects it.
    for (const f of wanted) {
      const kept = filterNode(node, f, node.ns ?? inherited);
      if (kept) {
        out.push(kept);
        break;
      }
    }
  }
  return out;
}

/** `node` as `filter` (a node of the same name) selects it, or undefined when it does not. */
function filterNode(node: XmlElement, filter: XmlElement, ns: string | undefined): XmlElement | undefined {
  if (isSelection(filter)) return node;
  if (isContentMatch(filter)) return node.text.trim() === filter.text.trim() ? node : undefined;
  const contentMatches = filter.children.filter(isContentMatch);
  for (const cm of contentMatches) {
    const found = node.children.some((c) => matches(c, cm, ns) && c.text.trim() === cm.text.trim());
    if (!found) return undefined;
  }
  const others = filter.children.filter((f) => !isContentMatch(f));
  if (others.length === 0) return node;
  const children: XmlElement[] = [];
  let selected = 0;
  for (const child of node.children) {
    if (contentMatches.some((cm) => matches(child, cm, ns))) {
      children.push(child);
      continue;
    }
    let kept: XmlElement | undefined;
    for (const f of others.filter((o) => matches(child, o, ns))) {
      kept = filterNode(child, f, child.ns ?? ns);
      if (kept) break;
    }
    if (kept) {
      children.push(kept);
      selected++;
    } else if (node.keys?.includes(child.name)) children.push(child);
  }
  if (selected === 0) return undefined;
  return { ...node, children, text: '' };
}

/** The top-level names a subtree filter asks for (what a `get` with it amounts to). */
export const selectedNames = (filters: readonly XmlElement[]): string[] => [
  ...new Set(filters.map((f) => f.name)),
];

export type XpathFilter = { ok: true; filter: XmlElement[] } | { ok: false; message: string };

const STEP = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)((?:\[[^\]]*\])*)$/;
const PREDICATE = /\[\s*(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")\s*\]/g;

/**
 * `/oc-lldp:lldp/interfaces/interface[name='Ethernet1']/neighbors` as a subtree filter. Prefixes
 * resolve through `namespaces` (the declarations in scope of the `<filter>` element); a step
 * without a prefix takes its parent's namespace. Anything else XPath can say is refused with a
 * message saying what is served.
 */
export function xpathToSubtree(select: string, namespaces: ReadonlyMap<string, string>): XpathFilter {
  const alternatives = splitOutside(select, '|').map((s) => s.trim());
  const filters: XmlElement[] = [];
  for (const path of alternatives) {
    if (!path.startsWith('/') || path.startsWith('//'))
      return unsupported(select, 'an absolute path of child steps is expected');
    const steps = splitOutside(path.slice(1), '/');
    let inner: XmlElement | undefined;
    const built: Array<{ name: string; ns?: string; keys: XmlElement[] }> = [];
    let ns: string | undefined;
    for (const step of steps) {
      const match = STEP.exec(step.trim());
      if (!match) return unsupported(select, `"${step}" is not a step this server evaluates`);
      const [, prefix, name, predicates] = match;
      if (prefix !== undefined) {
        ns = namespaces.get(prefix);
        if (ns === undefined) return unsupported(select, `prefix "${prefix}" is not declared`);
      }
      const keys: XmlElement[] = [];
      const text = predicates ?? '';
      for (const p of text.matchAll(PREDICATE))
        keys.push(el(p[2]!, p[3] ?? p[4] ?? '', ns === undefined ? {} : { ns }));
      if (text.replace(PREDICATE, '').trim() !== '')
        return unsupported(select, `predicate "${text}" is not an equality on a child leaf`);
      built.push({ name: name!, ...(ns === undefined ? {} : { ns }), keys });
    }
    for (let i = built.length - 1; i >= 0; i--) {
      const { name, ns: stepNs, keys } = built[i]!;
      inner = el(name, [...keys, ...(inner ? [inner] : [])], stepNs === undefined ? {} : { ns: stepNs });
    }
    if (inner) filters.push(inner);
  }
  return { ok: true, filter: mergeFilters(filters) };
}

/** Two paths into one top-level node (`/a/b | /a/c`) make one containment node holding both. */
function mergeFilters(filters: readonly XmlElement[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const f of filters) {
    const same = out.findIndex((o) => o.name === f.name && o.ns === f.ns && o.children.length > 0);
    if (same >= 0 && f.children.length > 0 && !f.children.some(isContentMatch)) {
      const o = out[same]!;
      out[same] = { ...o, children: mergeFilters([...o.children, ...f.children]) };
    } else out.push(f);
  }
  return out;
}

const unsupported = (select: string, why: string): XpathFilter => ({
  ok: false,
  message: `unsupported XPath expression "${select}": ${why}`,
});

/**
 * What a filter asks a platform for: its top-level nodes (names, namespaces, and what they go
 * into), so the platform builds only the trees that can be selected. Undefined: no filter, build
 * everything. Pruning by it never changes a reply: a tree is left out only when no filter node can
 * match it, and a child only when the filter node descends without naming it.
 */
export type Wanted = readonly XmlElement[] | undefined;

const mayMatch = (f: XmlElement, name: string, ns: string | undefined) =>
  f.name === name && (f.ns === undefined || f.ns === BASE_NS || f.ns === ns);

/** Whether a top-level node `name` in namespace `ns` can be selected by `wanted`. */
export const wantsTop = (wanted: Wanted, name: string, ns: string | undefined): boolean =>
  wanted === undefined || wanted.some((f) => mayMatch(f, name, ns));

/**
 * The children of the top-level node `name` in `ns` that `wanted` can select or test, when it
 * descends into the node; undefined when it may take the node whole (no filter, a selection node,
 * content-match children only) — then every child must be built. A node whose children are list
 * entries' keys must build those too (filters keep them).
 */
export function wantedChildren(
  wanted: Wanted,
  name: string,
  ns: string | undefined,
): ReadonlySet<string> | undefined {
  if (wanted === undefined) return undefined;
  const names = new Set<string>();
  for (const f of wanted) {
    if (!mayMatch(f, name, ns)) continue;
    if (f.children.length === 0 || f.children.every(isContentMatch)) return undefined;
    for (const c of f.children) names.add(c.name);
  }
  return names;
}

/** Splits at `separator` where it is outside a predicate and outside quotes (`[name='Gi1/0/1']`). */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
