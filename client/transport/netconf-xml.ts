/**
 * NETCONF messages as a small element tree for the client: fast-xml-parser with namespace
 * prefixes dropped (drivers match local names, as ncclient's XPath users mostly do), no DTDs, and
 * a located error instead of a throw for XML that does not parse.
 */
import type { XMLParser } from 'fast-xml-parser';
import { fastXml } from '../fast-xml.js';

export interface XmlNode {
  /** Local name, without any prefix. */
  name: string;
  /** Attributes by local name (`junos:style` → `style`); xmlns declarations are dropped. */
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The element's own text, trimmed (empty for containers). */
  text: string;
}

let parser: XMLParser | undefined;

const createParser = (): XMLParser =>
  new (fastXml().XMLParser)({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
  });

type Ordered = Record<string, unknown>;

/** Parses one message; never throws. */
export function parseNetconfXml(text: string): { ok: true; root: XmlNode } | { ok: false; message: string } {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, message: 'a DOCTYPE, which NETCONF does not allow' };
  const valid = fastXml().XMLValidator.validate(text);
  if (valid !== true)
    return { ok: false, message: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  let ordered: unknown;
  try {
    ordered = (parser ??= createParser()).parse(text);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const roots = Array.isArray(ordered) ? toNodes(ordered as Ordered[]) : [];
  if (roots.length !== 1) return { ok: false, message: `${roots.length} root elements, expected one` };
  return { ok: true, root: roots[0]! };
}

function toNodes(items: readonly Ordered[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ':@' && k !== '#text');
    if (name === undefined) continue;
    const content = Array.isArray(item[name]) ? (item[name] as Ordered[]) : [];
    const attributes: Record<string, string> = {};
    const raw = item[':@'];
    if (raw && typeof raw === 'object')
      for (const [key, value] of Object.entries(raw as Record<string, unknown>))
        if (key !== 'xmlns' && !key.startsWith('xmlns:')) attributes[key] = String(value);
    const text = content
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim();
    nodes.push({ name, attributes, children: toNodes(content), text });
  }
  return nodes;
}

/** Direct children named `name`. */
export const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] =>
  node ? node.children.filter((c) => c.name === name) : [];

/** The text of the first direct child named `name`, undefined when absent or empty. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const text = childrenNamed(node, name)[0]?.text;
  return text === undefined || text === '' ? undefined : text;
}

/** The first node along a path of child names. */
export function childAt(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let at = node;
  for (const name of path) at = childrenNamed(at, name)[0];
  return at;
}

/** Every element named `name` at any depth below `node` (not inside another match). */
export function findAll(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node) return [];
  return node.children.flatMap((c) => (c.name === name ? [c] : findAll(c, name)));
}

/** Text escaped for XML content and attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]!};`);
