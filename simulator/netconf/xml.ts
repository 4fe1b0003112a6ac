/**
 * The one XML model NETCONF reads and writes: elements with their namespace resolved, attributes as
 * written, children in order and text. Parsing refuses what a NETCONF server refuses (no DTDs, no
 * mismatched tags) and never throws; printing declares a namespace only where it changes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Local name, without a prefix. */
  name: string;
  /** Namespace URI; absent when none is in scope. */
  ns?: string;
  /** Attributes as written (`message-id`, `xmlns:junos`, `nc:operation`), namespace declarations included. */
  attributes: ReadonlyArray<readonly [name: string, value: string]>;
  children: readonly XmlElement[];
  /** Text content directly under the element, concatenated; `''` when none. */
  text: string;
  /**
   * A list entry's key leaves (YANG `key`), by local name: a subtree filter that selects inside the
   * entry returns them too (RFC 6241 §6.2.5), as ConfD and the boxes built on it do. Never printed.
   */
  keys?: readonly string[];
}

export const BASE_NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';

/** An element to print: children, text or neither (`<ok/>`). */
export function el(
  name: string,
  content: readonly XmlElement[] | string = [],
  options: { ns?: string; attributes?: XmlElement['attributes']; keys?: readonly string[] } = {},
): XmlElement {
  return {
    name,
    ...(options.ns === undefined ? {} : { ns: options.ns }),
    ...(options.keys?.length ? { keys: options.keys } : {}),
    attributes: options.attributes ?? [],
    children: typeof content === 'string' ? [] : content,
    text: typeof content === 'string' ? content : '',
  };
}

/** The attribute's value, by its name as written or its local name (`nc:operation` → `operation`). */
export function attributeOf(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of element.attributes)
    if (name === local || name.endsWith(`:${local}`)) return value;
  return undefined;
}

export const childOf = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c) => c.name === name);

export type ParsedXml = { ok: true; root: XmlElement } | { ok: false; message: string };

/** Levels of elements a message may nest below its root (no NETCONF model comes near; a hostile one is refused). */
export const MAX_DEPTH = 100;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/** Text with its references decoded; throws on an entity XML does not predefine (no DTD declares one). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code > 0x10ffff || code === 0)
        throw new MalformedXml(`character reference ${whole} is out of range`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw new MalformedXml(`entity ${whole} is not defined`);
    return value;
  });
}

class MalformedXml extends Error {}

/** Where fast-xml-parser puts a CDATA section, so its text is taken as written (no entities). */
const CDATA = '#cdata';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: CDATA,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Entities are decoded here (decodeEntities): the five XML predefines and character references.
  processEntities: false,
  htmlEntities: false,
  maxNestedTags: MAX_DEPTH,
});

type Ordered = Record<string, unknown>;

/** Parses one message into its root element, or says why it is not well-formed XML. */
export function parseXml(text: string): ParsedXml {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, message: 'DTDs are not allowed' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, message: `${msg} (line ${line}, column ${col})` };
  }
  try {
    const nodes = parser.parse(text) as Ordered[];
    const roots = nodes.flatMap((n) => convert(n, XML_SCOPE) ?? []);
    if (roots.length !== 1) return { ok: false, message: 'a message holds exactly one root element' };
    return { ok: true, root: roots[0]! };
  } catch (error) {
    if (error instanceof Error && error.message === 'Maximum nested tags exceeded')
      return { ok: false, message: `elements nest more than ${MAX_DEPTH} levels below the root` };
    return { ok: false, message: error instanceof Error ? error.message : 'unreadable XML' };
  }
}

/** The `xml` prefix is bound by definition (Namespaces in XML §3). */
const XML_SCOPE: ReadonlyMap<string, string> = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

/** One node of fast-xml-parser's ordered output, namespaces resolved from its ancestors' scope. */
function convert(node: Ordered, scope: ReadonlyMap<string, string>): XmlElement | undefined {
  const qname = Object.keys(node).find((k) => k !== ':@');
  if (qname === undefined || qname === '#text' || qname.startsWith('?')) return undefined;
  const raw = (node[':@'] ?? {}) as Record<string, string>;
  const attributes = Object.entries(raw).map(([k, v]) => [k, decodeEntities(String(v))] as const);
  let inner = scope;
  for (const [name, value] of attributes) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      (inner as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), value);
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = inner.get(prefix);
  if (prefix !== '' && ns === undefined)
    throw new MalformedXml(`prefix "${prefix}" of <${qname}> is not declared`);
  for (const [name] of attributes) {
    const at = name.indexOf(':');
    const attributePrefix = at < 0 ? '' : name.slice(0, at);
    if (attributePrefix !== '' && attributePrefix !== 'xmlns' && !inner.has(attributePrefix))
      throw new MalformedXml(`prefix "${attributePrefix}" of attribute ${name} is not declared`);
  }
  const body = (node[qname] ?? []) as Ordered[];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of body) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if (CDATA in child)
      text += (child[CDATA] as Array<{ '#text'?: string }>).map((t) => t['#text'] ?? '').join('');
    else {
      const converted = convert(child, inner);
      if (converted) children.push(converted);
    }
  }
  return {
    name: colon < 0 ? qname : qname.slice(colon + 1),
    ...(ns ? { ns } : {}),
    attributes,
    children,
    text: children.length > 0 ? text.trim() : text,
  };
}

// Most text has nothing to escape: one test instead of three replacements (a big reply is mostly leaves).
const escapeText = (text: string) =>
  /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
const escapeAttribute = (text: string) =>
  /[&<>"]/.test(text) ? escapeText(text).replace(/"/g, '&quot;') : text;

/**
 * Prints an element, declaring `xmlns` where its namespace differs from its parent's (and not
 * already written among its attributes). `indent` lays one element per line, `indent` spaces a
 * level; without it everything is on one line.
 */
export function renderXml(root: XmlElement, options: { indent?: number; parentNs?: string } = {}): string {
  const out: string[] = [];
  const step = options.indent;
  const visit = (node: XmlElement, inherited: string | undefined, depth: number) => {
    const at = step === undefined ? '' : ' '.repeat(step * depth);
    let declared = false;
    let attributes = '';
    for (const [k, v] of node.attributes) {
      if (k === 'xmlns') declared = true;
      attributes += ` ${k}="${escapeAttribute(v)}"`;
    }
    const xmlns =
      node.ns !== undefined && node.ns !== inherited && !declared
        ? ` xmlns="${escapeAttribute(node.ns)}"`
        : '';
    const open = `${node.name}${xmlns}${attributes}`;
    const ns = node.ns ?? inherited;
    if (node.children.length > 0) {
      out.push(`${at}<${open}>`);
      for (const child of node.children) visit(child, ns, depth + 1);
      out.push(`${at}</${node.name}>`);
    } else if (node.text === '') out.push(`${at}<${open}/>`);
    else out.push(`${at}<${open}>${escapeText(node.text)}</${node.name}>`);
  };
  visit(root, options.parentNs, 0);
  return out.join(step === undefined ? '' : '\n');
}
