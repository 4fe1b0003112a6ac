/**
 * The XML form of ins_api (`Content-Type: application/xml`, what nxapi_plumbing's XMLClient
 * sends). Layout from Cisco's own sample (`show switchname`: `<body>` first, then `<input>`,
 * `<msg>`, `<code>`); bodies carry the same TABLE_/ROW_ elements as JSON, a list becoming
 * repeated elements. The `__readonly__` wrappers some NX-OS XML bodies have are not reproduced.
 */
import { renderXmlElement } from '../../personalities/cisco-nxos/structured/print.js';
import type { InsApiRequest } from './ins-api.js';
import type { Json, JsonObject } from './json.js';

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const unescape = (text: string) => text.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ENTITIES[e]!);

/** The text between the first `open` and the next (or, with `last`, the last) `close`; linear in the text. */
function between(text: string, open: string, close: string, last = false): string | undefined {
  const start = text.indexOf(open);
  if (start < 0) return undefined;
  const end = last ? text.lastIndexOf(close) : text.indexOf(close, start + open.length);
  return end < start + open.length ? undefined : text.slice(start + open.length, end);
}

/** The request's elements, or undefined when the body has no `<ins_api>` document. */
export function parseInsApiXml(body: string): InsApiRequest | undefined {
  const root = between(body, '<ins_api>', '</ins_api>', true);
  if (root === undefined) return undefined;
  const element = (name: string) => {
    const text = between(root, `<${name}>`, `</${name}>`);
    return text === undefined ? undefined : unescape(text).trim();
  };
  return {
    type: element('type'),
    version: element('version'),
    chunk: element('chunk'),
    input: element('input'),
  };
}

/** An output with its body first, as the box orders it. */
function reorder(output: Json): Json {
  if (typeof output !== 'object' || output === null || Array.isArray(output) || !('body' in output))
    return output;
  const { body, ...rest } = output;
  return { body: body ?? null, ...rest };
}

/** Prints an ins_api document as NX-API's XML. */
export function printInsApiXml(document: JsonObject): string {
  const insApi = document.ins_api as JsonObject;
  const outputs = insApi.outputs as { output: Json };
  const output = Array.isArray(outputs.output) ? outputs.output.map(reorder) : reorder(outputs.output);
  const tree: JsonObject = { ...insApi, outputs: { output } };
  return ['<?xml version="1.0"?>', ...renderXmlElement('ins_api', tree, 0, 2), ''].join('\n');
}
