/**
 * IOS-XE RESTCONF (RFC 8040) as a labfleet REST API: root discovery through host-meta, the API
 * root, the datastore and data paths, hostname writes, and ConfD's error documents, in JSON or
 * XML as negotiated. Headers are those of IOS-XE's nginx front end; `Date` is the device's clock.
 */
import type { DeviceRuntime } from '../../device/runtime.js';
import type { ApiReply, ApiRequest, RefusalReason, RestApi } from '../types.js';
import { deviceSeconds } from '../../personalities/cisco-ios/yang/index.js';
import { errorReply, notAllowed, type RestconfError } from './errors.js';
import { DEFAULT_FORMAT, negotiate } from './media.js';
import { readData, readDatastore, readRoot, readRootChild } from './read.js';
import { allowedMethods, READ_METHODS, writeData } from './write.js';

const HOST_META =
  "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n    <Link rel='restconf' href='/restconf'/>\n</XRD>\n";

/** nginx's own error page (IOS-XE's front end, ahead of RESTCONF), lines ended with CRLF. */
const nginxPage = (title: string) =>
  `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

const DATA_PREFIX = '/restconf/data';

/** Headers every RESTCONF answer carries. */
function baseHeaders(device: DeviceRuntime): Record<string, string> {
  const now = deviceSeconds(device.renderContext());
  return {
    server: 'nginx',
    date: new Date(now * 1000).toUTCString(),
    'cache-control': 'private, no-cache, must-revalidate, proxy-revalidate',
    pragma: 'no-cache',
  };
}

const isError = (value: ApiReply | RestconfError): value is RestconfError => 'tag' in value;

function route(request: ApiRequest, device: DeviceRuntime, base: Record<string, string>): ApiReply {
  const { method, path } = request;
  const read = method === 'GET' || method === 'HEAD';
  if (path === '/.well-known/host-meta') {
    if (!read) return errorReply(DEFAULT_FORMAT, notAllowed(['GET', 'HEAD']), base);
    return {
      status: 200,
      headers: { ...base, 'content-type': 'application/xrd+xml' },
      body: HOST_META,
      commands: [],
    };
  }
  if (path !== '/restconf' && !path.startsWith('/restconf/')) {
    return {
      status: 404,
      headers: { ...base, 'content-type': 'text/html' },
      body: nginxPage('404 Not Found'),
      commands: [],
    };
  }
  const format = negotiate(request.headers.accept);
  if (!format) {
    const error = {
      status: 406,
      type: 'protocol',
      tag: 'invalid-value',
      message: 'unsupported media type in Accept header',
    };
    return errorReply(DEFAULT_FORMAT, error as RestconfError, base);
  }
  const answer = (result: ApiReply | RestconfError): ApiReply =>
    isError(result)
      ? errorReply(format, result, base)
      : { ...result, headers: { ...base, ...result.headers } };

  const inData = path === DATA_PREFIX || path.startsWith(`${DATA_PREFIX}/`);
  if (!inData) {
    if (!read) return answer(notAllowed(READ_METHODS));
    const rest = path.slice('/restconf'.length).replace(/^\/|\/$/g, '');
    return answer(rest === '' ? readRoot(format) : readRootChild(format, rest));
  }
  const rawPath = path.slice(DATA_PREFIX.length);
  const ctx = device.renderContext();
  if (read) {
    return answer(
      rawPath.replace(/\//g, '') === ''
        ? readDatastore(ctx, format, request.query)
        : readData(ctx, format, rawPath, request.query),
    );
  }
  if (method === 'OPTIONS') {
    const allowed = allowedMethods(device, rawPath);
    if (!Array.isArray(allowed)) return answer(allowed as RestconfError);
    return { status: 200, headers: { ...base, allow: allowed.join(', ') }, body: '', commands: [] };
  }
  return answer(writeData(device, method, rawPath, request.body, request.headers['content-type']));
}

/** The RESTCONF API of IOS-XE devices. */
export const restconf = {
  name: 'restconf',
  handle(request, device) {
    const base = baseHeaders(device);
    try {
      return route(request, device, base);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure: RestconfError = { status: 500, type: 'application', tag: 'operation-failed', message };
      return errorReply(negotiate(request.headers.accept) ?? DEFAULT_FORMAT, failure, base);
    }
  },
  refuse(reason: RefusalReason, request, device) {
    // nginx's limit_conn answers with its default status, 503, before the request reaches RESTCONF.
    if (reason === 'unavailable')
      return {
        status: 503,
        headers: { ...baseHeaders(device), 'content-type': 'text/html' },
        body: nginxPage('503 Service Temporarily Unavailable'),
        commands: [],
      };
    const format = negotiate(request.headers.accept) ?? DEFAULT_FORMAT;
    return errorReply(format, REFUSALS[reason], baseHeaders(device));
  },
  // One resource per request: answered synchronously.
} satisfies RestApi;

const REFUSALS: Readonly<Record<Exclude<RefusalReason, 'unavailable'>, RestconfError>> = {
  unauthorized: {
    status: 401,
    type: 'protocol',
    tag: 'access-denied',
    headers: { 'www-authenticate': 'Basic realm="restconf"' },
  },
  'body-too-large': { status: 413, type: 'protocol', tag: 'too-big', message: 'request body too large' },
  'bad-request': { status: 400, type: 'protocol', tag: 'malformed-message', message: 'malformed request' },
  // RFC 8040 §7 maps `too-big` to 413; the message is ours.
  'reply-too-large': { status: 413, type: 'application', tag: 'too-big', message: 'response too large' },
};
