/**
 * Reads the XML a client posts: RPC elements (`<get-arp-table-information><no-resolve/>…`) or
 * their arguments. A deliberately small, strict reader: elements, attributes, text, the XML
 * declaration, comments; anything else is a parse error the API reports, never an exception.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export type XmlRead = { ok: true; nodes: XmlNode[] } | { ok: false; error: string };

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

/** RPC arguments are a level or two deep; anything deeper is refused rather than recursed into. */
const MAX_DEPTH = 64;

/** Parses a sequence of sibling elements (a fragment); whitespace between them is ignored. */
export function readXmlFragment(source: string): XmlRead {
  let at = 0;
  const fail = (what: string): XmlRead => ({ ok: false, error: `${what} at offset ${at}` });
  const skipMisc = () => {
    for (;;) {
      const rest = source.slice(at);
      const space = /^\s+/.exec(rest);
      if (space) at += space[0].length;
      else if (rest.startsWith('<?'))
        at = source.indexOf('?>', at) < 0 ? source.length + 1 : source.indexOf('?>', at) + 2;
      else if (rest.startsWith('<!--'))
        at = source.indexOf('-->', at) < 0 ? source.length + 1 : source.indexOf('-->', at) + 3;
      else return;
    }
  };
  const readElement = (depth = 1): XmlNode | string => {
    if (depth > MAX_DEPTH) return `elements nested deeper than ${MAX_DEPTH} levels`;
    if (source[at] !== '<') return 'expected an element';
    at += 1;
    const name = NAME.exec(source.slice(at))?.[0];
    if (!name) return 'expected an element name';
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(source.slice(at));
      if (!attribute) break;
      attributes[attribute[1]!] = decode(attribute[3] ?? attribute[4] ?? '');
      at += attribute[0].length;
    }
    const close = /^\s*(\/?)>/.exec(source.slice(at));
    if (!close) return `malformed start tag <${name}>`;
    at += close[0].length;
    const node: XmlNode = { name, attributes, children: [], text: '' };
    if (close[1]) return node;
    for (;;) {
      const textEnd = source.indexOf('<', at);
      if (textEnd < 0) return `missing </${name}>`;
      node.text += decode(source.slice(at, textEnd));
      at = textEnd;
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at);
        if (end < 0) return 'unterminated comment';
        at = end + 3;
      } else if (source.startsWith('</', at)) {
        const end = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(at));
        if (!end || end[1] !== name) return `expected </${name}>`;
        at += end[0].length;
        node.text = node.text.trim();
        return node;
      } else {
        const child = readElement(depth + 1);
        if (typeof child === 'string') return child;
        node.children.push(child);
      }
    }
  };
  const nodes: XmlNode[] = [];
  skipMisc();
  while (at < source.length) {
    const node = readElement();
    if (typeof node === 'string') return fail(node);
    nodes.push(node);
    skipMisc();
  }
  if (at > source.length) return fail('unterminated declaration or comment');
  return { ok: true, nodes };
}
