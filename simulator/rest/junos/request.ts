/**
 * Turns an HTTP request into RPC calls, the ways the REST API Guide allows: `GET|POST
 * /rpc/<rpc>[@format=…][/name=value…]` with arguments in the query string, the path, or a POST body
 * (`application/xml`: `<interface-name>x</interface-name>`; `text/plain`: `interface-name=x`), and
 * `POST /rpc` with several RPC elements in the body.
 */
import type { ApiRequest } from '../types.js';
import { malformedBody, type RpcFailure } from './errors.js';
import { readXmlFragment, type XmlNode } from './xml-input.js';

export type Format = 'xml' | 'json' | 'text';

export interface RpcCall {
  name: string;
  /** In the order given; a flag has no value. */
  args: Array<[name: string, value: string | undefined]>;
  /** A format the call itself asks for (`@format=json`, `<rpc format="json"/>`). */
  format?: Format;
}

export type Route =
  { kind: 'single'; call: RpcCall } | { kind: 'multi' } | { kind: 'unknown' } | { kind: 'bad-url' };

/** `json`, `application/json` …; undefined when the name means nothing here. */
export function formatNamed(name: string): Format | undefined {
  const value = name.trim().toLowerCase();
  if (value === 'json' || value === 'application/json') return 'json';
  if (value === 'xml' || value === 'application/xml' || value === 'text/xml') return 'xml';
  if (value === 'text' || value === 'ascii' || value === 'text/plain') return 'text';
  return undefined;
}

/** Where a request goes: `/rpc`, `/rpc/<name>…`, or nowhere. */
export function routeOf(path: string): Route {
  if (path === '/rpc' || path === '/rpc/') return { kind: 'multi' };
  if (!path.startsWith('/rpc/')) return { kind: 'unknown' };
  let segments: string[];
  try {
    segments = path.slice(5).split('/').map(decodeURIComponent);
  } catch {
    return { kind: 'bad-url' };
  }
  const [head = '', ...rest] = segments;
  const [name = '', ...attributes] = head.split('@');
  const call: RpcCall = { name, args: [] };
  for (const attribute of attributes) {
    const [key, value = ''] = attribute.split('=', 2);
    if (key === 'format') call.format = formatNamed(value) ?? 'xml';
  }
  for (const segment of rest.filter((s) => s !== '')) call.args.push(pair(segment));
  return { kind: 'single', call };
}

function pair(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** `name=value&flag` from a query string or a text/plain body; `format` is not an argument. */
export function queryArgs(query: URLSearchParams): RpcCall['args'] {
  return [...query.entries()]
    .filter(([k]) => k !== 'format' && k !== 'stop-on-error')
    .map(([k, v]) => [k, v || undefined]);
}

const isText = (request: ApiRequest) => /^\s*text\/plain\b/i.test(request.headers['content-type'] ?? '');

const argOfNode = (node: XmlNode): [string, string | undefined] => [
  node.name,
  node.text === '' ? undefined : node.text,
];

function callOfNode(node: XmlNode): RpcCall {
  const format = node.attributes.format === undefined ? undefined : formatNamed(node.attributes.format);
  return {
    name: node.name,
    args: node.children.map(argOfNode),
    ...(format ? { format } : {}),
  };
}

/** Adds a POST body's arguments to a single call (the body may also be the whole RPC element). */
export function withBodyArgs(call: RpcCall, request: ApiRequest): RpcCall | RpcFailure {
  const body = request.body.toString('utf8');
  if (body.trim() === '') return call;
  if (isText(request)) {
    return { ...call, args: [...call.args, ...queryArgs(new URLSearchParams(body.trim()))] };
  }
  const read = readXmlFragment(body);
  if (!read.ok) return malformedBody(read.error);
  const [only] = read.nodes;
  if (read.nodes.length === 1 && only && only.name === call.name) {
    const inner = callOfNode(only);
    return {
      ...call,
      args: [...call.args, ...inner.args],
      ...(inner.format ? { format: inner.format } : {}),
    };
  }
  return { ...call, args: [...call.args, ...read.nodes.map(argOfNode)] };
}

/** The RPC elements of a `POST /rpc` body. */
export function callsOfBody(request: ApiRequest): RpcCall[] | RpcFailure {
  const read = readXmlFragment(request.body.toString('utf8'));
  if (!read.ok) return malformedBody(read.error);
  if (read.nodes.length === 0) return malformedBody('no RPC in the request body');
  return read.nodes.map(callOfNode);
}

/** The format asked for: the call's own, then `?format=`, then `Accept`; XML by default. */
export function formatOf(call: RpcCall | undefined, request: Pick<ApiRequest, 'query' | 'headers'>): Format {
  if (call?.format) return call.format;
  const query = request.query.get('format');
  if (query !== null) return formatNamed(query) ?? 'xml';
  for (const type of (request.headers.accept ?? '').split(',')) {
    const format = formatNamed(type.split(';')[0] ?? '');
    if (format) return format;
  }
  return 'xml';
}
