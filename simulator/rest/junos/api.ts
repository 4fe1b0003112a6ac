/**
 * The Junos REST API (`system services rest`): RPCs by name over GET and POST, answered in XML
 * (the default), Junos JSON or the CLI's text, one RPC per request or several in one `POST /rpc`
 * answered as `multipart/mixed`.
 */
import type { DeviceRuntime } from '../../device/runtime.js';
import { apiSession, runCliLine } from '../cli.js';
import type { ApiReply, ApiRequest, RestApi } from '../types.js';
import { rpcServed } from '../../personalities/juniper-junos/rpc/catalogue.js';
import {
  AUTH_REALM,
  lighttpdError,
  operationFailed,
  syntaxError,
  tooBig,
  type RpcFailure,
} from './errors.js';
import { COMMAND_LIMITS, replyBudget } from '../limits.js';
import { paced } from '../pace.js';
import {
  callsOfBody,
  formatOf,
  queryArgs,
  routeOf,
  withBodyArgs,
  type Format,
  type RpcCall,
} from './request.js';
import { renderJunosJson, renderXml, type JunosElement } from '../../personalities/juniper-junos/rpc/tree.js';

/** The boundary Junos separates parts with (it is fixed: clients strip it by name). */
export const MULTIPART_BOUNDARY = 'harqgehabymwiax';

const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
};

type Outcome = { ok: true; body: string; format: Format; command: string } | ({ ok: false } & RpcFailure);

const isFailure = (value: object): value is RpcFailure => 'error' in value && 'status' in value;

/** Runs one RPC and renders its answer, or says why it cannot run. */
function runCall(call: RpcCall, format: Format, device: DeviceRuntime, user: string): Outcome {
  const ctx = device.renderContext();
  // Own properties only (`constructor` is an unknown RPC); a router's mgd knows no switch-only RPC.
  const spec = rpcServed(ctx, call.name);
  if (!spec) return { ok: false, ...syntaxError(call.name) };
  for (const [name, value] of call.args) {
    const kind = Object.hasOwn(spec.params, name) ? spec.params[name] : undefined;
    // mgd names what it tripped on: the unknown argument, or the value given to a flag.
    if (!kind || (kind === 'value' && value === undefined)) return { ok: false, ...syntaxError(name) };
    if (kind === 'flag' && value !== undefined) return { ok: false, ...syntaxError(value) };
  }
  const args = new Map(call.args);
  const refused = spec.refuse?.(ctx, args);
  if (refused !== undefined) return { ok: false, ...operationFailed(refused) };
  const command = spec.command(args);
  if (format === 'text') {
    const text = runCliLine(device, apiSession(device, user), command).output;
    return { ok: true, body: text.endsWith('\n') ? text : `${text}\n`, format, command };
  }
  const reply = spec.build(ctx, args);
  return { ok: true, body: renderAs(reply, format), format, command };
}

/** JSON drops the namespace declarations of the top element (REST capture of `bgp-information`). */
function renderAs(reply: JunosElement, format: Format): string {
  if (format !== 'json') return renderXml(reply);
  const attributes = (reply.attributes ?? []).filter(
    ([name]) => name !== 'xmlns' && !name.startsWith('xmlns:'),
  );
  return renderJunosJson({ ...reply, attributes });
}

/** An `<rpc-error>` in the format asked for (text answers carry it as XML, like NETCONF's). */
function failureBody(failure: RpcFailure, format: Format): { body: string; format: Format } {
  const as = format === 'json' ? 'json' : 'xml';
  return { body: renderAs(failure.error, as), format: as };
}

function failureReply(failure: RpcFailure, format: Format): ApiReply {
  const { body, format: as } = failureBody(failure, format);
  return { status: failure.status, headers: { 'content-type': CONTENT_TYPES[as] }, body, commands: [] };
}

function single(call: RpcCall, request: ApiRequest, device: DeviceRuntime): ApiReply {
  const withBody = request.method === 'POST' ? withBodyArgs(call, request) : call;
  if (isFailure(withBody)) return failureReply(withBody, formatOf(call, request));
  const full = { ...withBody, args: [...withBody.args, ...queryArgs(request.query)] };
  const format = formatOf(full, request);
  const outcome = runCall(full, format, device, request.user);
  if (!outcome.ok) return failureReply(outcome, format);
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPES[outcome.format] },
    body: outcome.body,
    commands: [outcome.command],
  };
}

const REPLY_TOO_LARGE = tooBig('response too large');

/**
 * `POST /rpc`: every RPC of the body, one part each; `?stop-on-error=1` stops at the first failure.
 * More than `COMMAND_LIMITS.junosRpcs` RPCs are refused before any runs; building stops at the part
 * that takes the reply past the limit. The event loop serves other devices between RPCs once a
 * slice of CPU is spent (pace.ts).
 */
async function multiple(request: ApiRequest, device: DeviceRuntime): Promise<ApiReply> {
  const calls = callsOfBody(request);
  if (isFailure(calls)) return failureReply(calls, formatOf(undefined, request));
  if (calls.length > COMMAND_LIMITS.junosRpcs) {
    const failure = tooBig(`too many RPCs: at most ${COMMAND_LIMITS.junosRpcs} per request`);
    return failureReply(failure, formatOf(undefined, request));
  }
  const stop = request.query.has('stop-on-error') && request.query.get('stop-on-error') !== '0';
  const budget = replyBudget(request.replyLimit);
  const parts: string[] = [];
  const commands: string[] = [];
  for await (const call of paced(device, calls)) {
    const outcome = runCall(call, formatOf(call, request), device, request.user);
    const { body, format } = outcome.ok ? outcome : failureBody(outcome, formatOf(call, request));
    if (outcome.ok) commands.push(outcome.command);
    const part = `--${MULTIPART_BOUNDARY}\r\nContent-Type: ${CONTENT_TYPES[format]}\r\n\r\n${body.replace(/\n$/, '')}\r\n`;
    if (!budget.spend(part.length)) return failureReply(REPLY_TOO_LARGE, formatOf(call, request));
    parts.push(part);
    if (!outcome.ok && stop) break;
  }
  return {
    status: 200,
    headers: { 'content-type': `multipart/mixed; boundary=${MULTIPART_BOUNDARY}` },
    body: `${parts.join('')}--${MULTIPART_BOUNDARY}--\r\n`,
    commands,
  };
}

export const junosRest: RestApi = {
  name: 'junos-rest',
  handle(request, device) {
    const route = routeOf(request.path);
    if (route.kind === 'unknown') return lighttpdError(404);
    if (route.kind === 'bad-url') return lighttpdError(400);
    if (route.kind === 'multi') {
      if (request.method !== 'POST') return lighttpdError(405, { allow: 'POST' });
      return multiple(request, device);
    }
    if (request.method !== 'GET' && request.method !== 'POST')
      return lighttpdError(405, { allow: 'GET, POST' });
    return single(route.call, request, device);
  },
  refuse(reason, request) {
    if (reason === 'unauthorized')
      return lighttpdError(401, { 'www-authenticate': `Basic realm="${AUTH_REALM}"` });
    if (reason === 'reply-too-large') return failureReply(REPLY_TOO_LARGE, formatOf(undefined, request));
    // lighttpd refuses a connection past `system services rest control connection-limit` with 503.
    if (reason === 'unavailable') return lighttpdError(503);
    return lighttpdError(reason === 'body-too-large' ? 413 : 400);
  },
};
