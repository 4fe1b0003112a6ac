/**
 * One shared fastify app serves every REST device. Each device's own listener hands its sockets
 * over (`server.emit('connection', socket)`), and a request finds its device by the local address
 * and port it arrived on: ~5 KB per device instead of ~220 KB for an app per device (DESIGN.md).
 * The server owns TLS, credentials and latency; the platform API only builds the reply.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { DeviceRuntime } from '../device/runtime.js';
import { basicUser } from './auth.js';
import type { TlsIdentity } from './tls.js';
import type { ApiReply, ApiRequest, RefusalReason, RestApi } from './types.js';

export interface RestServerOptions {
  /** Serve HTTPS with this identity; plain HTTP when absent (`--rest-plain`). */
  tls?: TlsIdentity;
  apiFor(device: DeviceRuntime): RestApi | undefined;
  /** Largest request body accepted, bytes. */
  bodyLimit?: number;
  /** A connection silent for this long is closed, ms (60 s, as nginx's header timeout). */
  idleTimeoutMs?: number;
}

export interface RestServer {
  /** Hands a freshly accepted socket of `device` to the server. */
  accept(socket: Socket, device: DeviceRuntime): void;
  /** Destroys every open connection. */
  closeAll(): void;
}

export const DEFAULT_REST_BODY_LIMIT = 1024 * 1024;
/** How long an idle keep-alive connection stays open (nginx, in front of these APIs, keeps 75 s). */
const KEEP_ALIVE_MS = 75_000;

/** A connection that sends nothing for this long is closed (slow or stalled clients). */
const IDLE_MS = 60_000;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export async function createRestServer(options: RestServerOptions): Promise<RestServer> {
  let server: HttpServer | undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_REST_BODY_LIMIT,
    // A URL fastify cannot route (`/%zz`) is the client's mistake: the platform says no.
    frameworkErrors: (error, request, reply) => void refuseOrFail(error, request, reply),
    serverFactory: (handler) => {
      server = options.tls
        ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
        : createHttpServer(handler);
      server.keepAliveTimeout = KEEP_ALIVE_MS;
      // Sockets arrive by 'connection' events, never through listen(), so Node's header and
      // request timers never run; an idle-socket timeout stands in for them (nginx: 60 s).
      server.timeout = options.idleTimeoutMs ?? IDLE_MS;
      return server;
    },
  });
  const devices = new Map<string, DeviceRuntime>();
  const open = new Set<Socket>();
  const deviceOf = (request: FastifyRequest) => {
    const socket = request.raw.socket;
    return devices.get(`${socket.localAddress}:${socket.localPort}`);
  };

  // Every API reads its own body: it knows which media types it takes and how it says no.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const arrived = performance.now();
    const device = deviceOf(request);
    const api = device && options.apiFor(device);
    if (!device || !api) return send(reply, misdirected());
    const base = requestParts(request);
    const user = basicUser(base.headers.authorization, device);
    if (user === undefined) {
      if (!(await device.timers.sleep(device.latency.auth()))) return stopped(reply);
      return send(reply, api.refuse('unauthorized', base, device), device);
    }
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const answer = api.handle({ ...base, body, user }, device);
    // The configured latency counts from the request's arrival: building the answer is part of it.
    const wait = latencyOf(answer, device) - (performance.now() - arrived);
    if (wait > 0 && !(await device.timers.sleep(wait))) return stopped(reply);
    return send(reply, answer, device);
  };
  app.route({ method: METHODS, url: '*', handler: serve });
  app.setNotFoundHandler(serve);
  app.setErrorHandler((error, request, reply) => refuseOrFail(error as Error, request, reply));
  const refuseOrFail = (
    error: Error & { code?: string; statusCode?: number },
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const device = deviceOf(request);
    const api = device && options.apiFor(device);
    if (!device || !api) return send(reply, misdirected());
    const reason: RefusalReason | undefined =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'body-too-large'
        : (error.statusCode ?? 500) < 500
          ? 'bad-request'
          : undefined;
    if (reason) return send(reply, api.refuse(reason, requestParts(request), device), device);
    // A fault of labfleet, not of the client: say so plainly, keep serving.
    return send(
      reply,
      {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `labfleet internal error on ${device.name}: ${error.message}\n`,
      },
      device,
    );
  };
  // Garbage instead of HTTP gets fastify's 400 and a closed socket, as nginx answers it.
  await app.ready();

  return {
    accept(socket, device) {
      socket.setNoDelay(true);
      socket.on('error', () => socket.destroy());
      devices.set(`${socket.localAddress}:${socket.localPort}`, device);
      open.add(socket);
      socket.once('close', () => open.delete(socket));
      const wait = device.latency.connect();
      if (wait <= 0) server!.emit('connection', socket);
      else device.timers.after(wait, () => socket.destroyed || server!.emit('connection', socket));
    },
    closeAll() {
      for (const socket of open) socket.destroy();
      server!.closeAllConnections();
    },
  };
}

function requestParts(request: FastifyRequest): Omit<ApiRequest, 'user' | 'body'> {
  const url = request.raw.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: request.method.toUpperCase(),
    path: q < 0 ? url : url.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
    headers,
  };
}

/** Each command costs its latency, as on the CLI; a request that runs none costs one. */
function latencyOf(answer: ApiReply, device: DeviceRuntime): number {
  const commands = answer.commands.length > 0 ? answer.commands : [''];
  const ms = commands.reduce((sum, command) => sum + device.latency.command(command), 0);
  const rate = device.latency.outputRate;
  return rate ? ms + (Buffer.byteLength(answer.body) / rate) * 1000 : ms;
}

/** The fleet stopped while the request waited out its latency: its socket is gone, send nothing. */
function stopped(reply: FastifyReply): FastifyReply {
  reply.raw.socket?.destroy();
  return reply.hijack();
}

/**
 * Sent as bytes, so the content type goes out exactly as the platform sets it (no added charset).
 * `Date` comes from the device's clock, so a frozen fleet's headers agree with its bodies.
 */
function send(reply: FastifyReply, answer: Omit<ApiReply, 'commands'>, device?: DeviceRuntime): FastifyReply {
  const dated = device && !Object.keys(answer.headers).some((name) => name.toLowerCase() === 'date');
  return reply
    .code(answer.status)
    .headers(dated ? { date: new Date(device.now()).toUTCString(), ...answer.headers } : answer.headers)
    .send(Buffer.from(answer.body));
}

function misdirected(): Omit<ApiReply, 'commands'> {
  return {
    status: 421,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'no REST device serves this address\n',
  };
}
