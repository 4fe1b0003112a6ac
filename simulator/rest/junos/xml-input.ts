/**
 * Reads the XML a client posts: RPC elements (`<get-arp-table-information><no-resolve/>…`) or
 * their arguments, with fast-xml-parser. Its validator holds the input to well-formed XML (the
 * parser alone is lenient), its parser builds the elements and stops past 64 levels; a fault is
 * a parse error the API reports, never an exception. Bounded: 64 levels, 64 KiB.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export type XmlRead = { ok: true; nodes: XmlNode[] } | { ok: false; error: string };

/** RPC arguments are a level or two deep; anything deeper is refused rather than recursed into. */
const MAX_DEPTH = 64;

/**
 * The library's cost per element or attribute is high (about a second per hostile megabyte, on an
 * event loop every device shares); RPC bodies are a few hundred bytes, so larger XML is refused
 * before parsing. The HTTP body limit still answers 413 above it.
 */
const MAX_SOURCE = 64 * 1024;

/**
 * Names reach us behind this prefix, so `constructor` or `__proto__` stay names (an unknown RPC)
 * instead of keys the library refuses; no XML name contains `/`.
 */
const NAME_PREFIX = '/';
const ATTRIBUTES = ':@';
const TEXT = '#text';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
  processEntities: true,
  // The parser refuses a tag once this many are open: the 65th nested one.
  maxNestedTags: MAX_DEPTH - 1,
  jPath: false,
  // Idempotent: the library transforms a self-closing tag's name twice.
  transformTagName: (name) => (name.startsWith(NAME_PREFIX) ? name : NAME_PREFIX + name),
  transformAttributeName: (name) => NAME_PREFIX + name,
});

type Ordered = Record<string, unknown>;

const unprefixed = (key: string) => key.slice(NAME_PREFIX.length);

function nodeOf(entry: Ordered): XmlNode | string {
  if (TEXT in entry) return String(entry[TEXT]);
  const key = Object.keys(entry).find((k) => k !== ATTRIBUTES)!;
  const attributes: Record<string, string> = Object.fromEntries(
    Object.entries((entry[ATTRIBUTES] ?? {}) as Record<string, unknown>).map(([name, value]) => [
      unprefixed(name),
      String(value),
    ]),
  );
  const node: XmlNode = { name: unprefixed(key), attributes, children: [], text: '' };
  for (const child of entry[key] as Ordered[]) {
    const read = nodeOf(child);
    if (typeof read === 'string') node.text += read;
    else node.children.push(read);
  }
  node.text = node.text.trim();
  return node;
}

/** The offset of a validator's 1-based line and column (lines end at `\n` or `\r\n`). */
function offsetOf(text: string, line: number, col: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) start = text.indexOf('\n', start) + 1;
  return start + col - 1;
}

/** The validator's wording, in the API's: an input ending inside a tag or an element says which. */
function describeFault(source: string, message: string, at: number): string {
  const unclosed = /^Unclosed tag '(.*)'\.$/.exec(message)?.[1] ?? /"([^"]*)"\]' found\.$/.exec(message)?.[1];
  if (unclosed !== undefined) {
    const endsInTag = source.lastIndexOf('<') > source.lastIndexOf('>');
    return `${endsInTag ? `malformed start tag <${unclosed}>` : `missing </${unclosed}>`} at offset ${source.length}`;
  }
  const shortened = message.replace(/'([^'\s]{40})[^'\s]+'/g, "'$1…'").replace(/\.$/, '');
  return `${shortened.charAt(0).toLowerCase()}${shortened.slice(1)} at offset ${at}`;
}

/**
 * What is wrong with a fragment, or undefined. The validator takes one root element, so each
 * further root is validated from where the previous one ended (linear in the input).
 */
function findFault(source: string): string | undefined {
  for (let start = 0; start < source.length;) {
    const rest = source.slice(start);
    const result = XMLValidator.validate(rest);
    if (result === true) return undefined;
    const { msg, line, col } = result.err;
    const at = start + offsetOf(rest, line, col);
    if (msg === 'Start tag expected.') return undefined;
    if (msg !== 'Multiple possible root nodes found.') return describeFault(source, msg, at);
    const next = source.lastIndexOf('<', at);
    if (next <= start) return describeFault(source, msg, at);
    start = next;
  }
  return undefined;
}

/** Parses a sequence of sibling elements (a fragment); whitespace between them is ignored. */
export function readXmlFragment(source: string): XmlRead {
  if (source.length > MAX_SOURCE)
    return { ok: false, error: `more than ${MAX_SOURCE} characters of XML at offset ${MAX_SOURCE}` };
  // Entity declarations are never needed by an RPC, and are refused before the parser expands any.
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype >= 0) return { ok: false, error: `a DOCTYPE is not accepted at offset ${doctype}` };
  let entries: Ordered[];
  try {
    entries = parser.parse(source) as Ordered[];
  } catch (error) {
    const message = (error as Error).message;
    if (message === 'Maximum nested tags exceeded')
      return { ok: false, error: `elements nested deeper than ${MAX_DEPTH} levels` };
    return { ok: false, error: findFault(source) ?? message };
  }
  const fault = findFault(source);
  if (fault !== undefined) return { ok: false, error: fault };
  const nodes: XmlNode[] = [];
  for (const entry of entries) {
    const node = nodeOf(entry);
    if (typeof node === 'string') {
      if (node.trim() !== '') return { ok: false, error: 'text outside an element' };
    } else nodes.push(node);
  }
  return { ok: true, nodes };
}
