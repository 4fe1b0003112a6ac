/**
 * How the NX-OS CLI prints a structured body after `| json`, `| json-pretty` and `| xml`.
 * `| json` is one line with no spaces; `| json-pretty` indents by four spaces with `": "`;
 * `| xml` is the NETCONF-style reply the box prints (`nf:rpc-reply`, `nf:data`, the command's
 * words as nested elements, `__readonly__` around the body, `]]>]]>` after it). The
 * `__XML__OPT_Cmd_…` wrappers real replies carry between the words and the body are left out.
 * A command with no output prints nothing at all.
 */
import type { Json, JsonObject } from './json.js';

const isEmpty = (body: JsonObject) => Object.keys(body).length === 0;

/** `| json`. */
export const printJsonLine = (body: JsonObject): string => (isEmpty(body) ? '' : JSON.stringify(body));

/** `| json-pretty`. */
export const printJsonPretty = (body: JsonObject): string =>
  isEmpty(body) ? '' : JSON.stringify(body, null, 4);

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A JSON value as NX-OS XML lines: an array repeats its tag, null is an empty element, objects
 * nest. `indent` is the step per level (the CLI's `| xml` uses one space, NX-API replies two).
 */
export function renderXmlElement(tag: string, value: Json, depth: number, indent = 1): string[] {
  const pad = ' '.repeat(depth * indent);
  if (Array.isArray(value)) return value.flatMap((item) => renderXmlElement(tag, item, depth, indent));
  if (value === null) return [`${pad}<${tag}/>`];
  if (typeof value !== 'object') return [`${pad}<${tag}>${escapeXml(String(value))}</${tag}>`];
  const children = Object.entries(value).flatMap(([key, v]) => renderXmlElement(key, v, depth + 1, indent));
  return [`${pad}<${tag}>`, ...children, `${pad}</${tag}>`];
}

/** `| xml`: the body inside the command's words (`show version` → `<show><version>`). */
export function printXmlReply(canonical: string, body: JsonObject): string {
  if (isEmpty(body)) return '';
  const words = canonical.split(' ');
  const depth = 2 + words.length;
  const open = words.map((word, i) => `${' '.repeat(2 + i)}<${word}>`);
  const close = words.map((word, i) => `${' '.repeat(2 + i)}</${word}>`).reverse();
  const readonly = Object.entries(body).flatMap(([key, v]) => renderXmlElement(key, v, depth + 1));
  return [
    '<?xml version="1.0" encoding="ISO-8859-1"?>',
    '<nf:rpc-reply xmlns:nf="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns="http://www.cisco.com/nxos:1.0">',
    ' <nf:data>',
    ...open,
    `${' '.repeat(depth)}<__readonly__>`,
    ...readonly,
    `${' '.repeat(depth)}</__readonly__>`,
    ...close,
    ' </nf:data>',
    '</nf:rpc-reply>',
    ']]>]]>',
  ].join('\n');
}

/** The printer for each structured pipe. */
export const STRUCTURED_PRINTERS: Readonly<Record<string, (canonical: string, body: JsonObject) => string>> =
  {
    json: (_canonical, body) => printJsonLine(body),
    'json-pretty': (_canonical, body) => printJsonPretty(body),
    xml: printXmlReply,
  };
