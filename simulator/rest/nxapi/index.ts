/**
 * NX-API (`POST /ins`) for cisco_nxos devices: the ins_api JSON form, the JSON-RPC form napalm
 * uses, and nginx's pages for what never reaches NX-API (wrong path or method, credentials,
 * oversized bodies). Every answer is built from the same engine and state as the CLI.
 */
import type { DeviceRuntime } from '../../device/runtime.js';
import type { ApiReply, ApiRequest, RefusalReason, RestApi } from '../types.js';
import { malformedInsApi, runInsApi } from './ins-api.js';
import { printCjson, type Json, type JsonObject } from './json.js';
import { envelopeError, parseError, runJsonRpc } from './json-rpc.js';
import { NXAPI } from './messages.js';
import { nginxPage } from './nginx.js';
import { parseInsApiXml, printInsApiXml } from './xml.js';

/**
 * The realm of NX-API's basic-auth challenge was not in any capture found; nginx's page itself is
 * captured (greenpau/go-cisco-nx-api resp.error.401.unauthorized.txt).
 */
const CHALLENGE = { 'www-authenticate': 'Basic realm="Secure Zone"' };

const reply = (
  status: number,
  contentType: string,
  document: Json,
  commands: readonly string[],
): ApiReply => ({
  status,
  headers: { 'content-type': contentType },
  body: `${printCjson(document)}\n`,
  commands,
});

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

async function handleInsApi(request: ApiRequest, device: DeviceRuntime): Promise<ApiReply> {
  const parsed = parseJson(request.body);
  const insApi =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
      ? (parsed.value as { ins_api?: unknown }).ins_api
      : undefined;
  if (typeof insApi !== 'object' || insApi === null || Array.isArray(insApi))
    return reply(400, 'application/json', malformedInsApi(), []);
  const result = await runInsApi(insApi, device, request.user, request.replyLimit);
  return reply(200, 'application/json', result.document, result.commands);
}

async function handleInsApiXml(request: ApiRequest, device: DeviceRuntime): Promise<ApiReply> {
  const parsed = parseInsApiXml(request.body.toString('utf8'));
  const send = (status: number, document: JsonObject, commands: readonly string[]): ApiReply => ({
    status,
    headers: { 'content-type': 'text/xml' },
    body: printInsApiXml(document),
    commands,
  });
  if (!parsed) return send(400, malformedInsApi(), []);
  const result = await runInsApi(parsed, device, request.user, request.replyLimit);
  return send(200, result.document, result.commands);
}

async function handleJsonRpc(request: ApiRequest, device: DeviceRuntime): Promise<ApiReply> {
  const parsed = parseJson(request.body);
  const result = parsed.ok
    ? await runJsonRpc(parsed.value, device, request.user, request.replyLimit)
    : parseError();
  return reply(result.status, 'application/json-rpc', result.document, result.commands);
}

/** `application/json; charset=UTF-8` → `application/json`. */
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

/** NX-API's 413 for a reply over the limit, in the form the request asked for. */
function replyTooLarge(contentType: string | undefined): ApiReply {
  const type = mediaType(contentType);
  if (type === 'application/json-rpc') {
    const { document, commands } = envelopeError(-32603, 'Internal error', NXAPI.replyTooLarge.msg);
    return reply(500, type, document, commands);
  }
  const { msg, code } = NXAPI.replyTooLarge;
  const document = { ins_api: { outputs: { output: { msg, code } } } };
  if (type === 'application/json') return reply(200, type, document, []);
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: printInsApiXml(document),
    commands: [],
  };
}

export const nxapi: RestApi = {
  name: 'nxapi',
  handle(request, device) {
    if (request.path !== '/ins') return nginxPage(404);
    if (request.method !== 'POST') return nginxPage(405);
    switch (mediaType(request.headers['content-type'])) {
      case 'application/json-rpc':
        return handleJsonRpc(request, device);
      case 'application/json':
        return handleInsApi(request, device);
      case 'application/xml':
      case 'text/xml':
        return handleInsApiXml(request, device);
      default:
        // NX-API reads the body by its declared type; anything else is a request it cannot
        // parse, answered as a Nexus answered one (greenpau/go-cisco-nx-api reqt.error.400…txt).
        return handleInsApiXml({ ...request, body: Buffer.alloc(0) }, device);
    }
  },
  refuse(reason: RefusalReason, request) {
    if (reason === 'reply-too-large') return replyTooLarge(request.headers['content-type']);
    if (reason === 'unauthorized') return nginxPage(401, CHALLENGE);
    if (reason === 'body-too-large') return nginxPage(413);
    // nginx's limit_conn answers with its default status, 503, before the request reaches NX-API.
    if (reason === 'unavailable') return nginxPage(503);
    return nginxPage(400);
  },
};
