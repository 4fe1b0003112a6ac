/**
 * Encodes instance data as IOS-XE's RESTCONF prints it: RFC 7951 JSON (names qualified where the
 * module changes, uint64 already strings, `empty` as `[null]`) and RFC 7950 XML (a default
 * namespace per module), both indented by two spaces as ConfD does.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { namespaceOf, prefixOf } from '../../personalities/cisco-ios/yang/modules.js';
import type { LeafValue, Rooted, YangNode } from '../../personalities/cisco-ios/yang/tree.js';

export type { Rooted };

export type Format = 'json' | 'xml';

export function encode(format: Format, roots: readonly Rooted[]): string {
  return format === 'json' ? encodeJson(roots) : encodeXml(roots);
}

// ---------------------------------------------------------------------------- JSON

/** Two-space JSON with `empty` leaves kept on one line (`"router": [null]`), as ConfD prints them. */
const stringify = (doc: unknown): string =>
  `${JSON.stringify(doc, null, 2).replace(/\[\n\s*null\n\s*\]/g, '[null]')}\n`;

function encodeJson(roots: readonly Rooted[]): string {
  const doc: Record<string, unknown> = {};
  for (const { node, module } of roots) doc[`${module}:${node.name}`] = jsonValue(node, module);
  return stringify(doc);
}

function jsonLeaf(value: LeafValue): unknown {
  if (value === null) return [null];
  if (typeof value === 'object') return `${value.module}:${value.identity}`;
  return value;
}

function jsonValue(node: YangNode, module: string): unknown {
  if (node.kind === 'leaf') return jsonLeaf(node.value);
  if (node.kind === 'list') return node.entries.map((entry) => jsonValue(entry, module));
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const own = child.module ?? module;
    out[own === module ? child.name : `${own}:${child.name}`] = jsonValue(child, own);
  }
  return out;
}

/** The document `/restconf/data` answers with: every top-level node inside `ietf-restconf:data`. */
export function encodeDatastore(format: Format, roots: readonly Rooted[]): string {
  if (format === 'json') {
    const data: Record<string, unknown> = {};
    for (const { node, module } of roots) data[`${module}:${node.name}`] = jsonValue(node, module);
    return stringify({ 'ietf-restconf:data': data });
  }
  const inner: Record<string, unknown> = { '@_xmlns': namespaceOf('ietf-restconf') };
  for (const root of roots) addXml(inner, root.node, '', root.module);
  return build({ data: inner });
}

// ---------------------------------------------------------------------------- XML

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

const build = (doc: Record<string, unknown>): string => {
  const text = builder.build(doc);
  return text.endsWith('\n') ? text : `${text}\n`;
};

function encodeXml(roots: readonly Rooted[]): string {
  const doc: Record<string, unknown> = {};
  for (const root of roots) addXml(doc, root.node, '', root.module);
  return build(doc);
}

/** Adds `node` under `parent` (an XMLBuilder object); repeated names become arrays. */
function addXml(parent: Record<string, unknown>, node: YangNode, parentModule: string, own: string): void {
  const values = node.kind === 'list' ? node.entries : [node];
  for (const value of values) {
    const element = xmlElement(value, parentModule, own);
    const existing = parent[node.name];
    if (existing === undefined) parent[node.name] = element;
    else if (Array.isArray(existing)) existing.push(element);
    else parent[node.name] = [existing, element];
  }
}

function xmlElement(node: YangNode, parentModule: string, module: string): unknown {
  const ns: Record<string, string> = module === parentModule ? {} : { '@_xmlns': namespaceOf(module) };
  if (node.kind === 'leaf') {
    const { value } = node;
    if (value === null) return Object.keys(ns).length ? ns : '';
    if (typeof value === 'object') {
      const prefix = prefixOf(value.module);
      return {
        ...ns,
        [`@_xmlns:${prefix}`]: namespaceOf(value.module),
        '#text': `${prefix}:${value.identity}`,
      };
    }
    return Object.keys(ns).length ? { ...ns, '#text': String(value) } : String(value);
  }
  const out: Record<string, unknown> = { ...ns };
  const children = node.kind === 'container' ? node.children : [];
  for (const child of children) addXml(out, child, module, child.module ?? module);
  return out;
}
