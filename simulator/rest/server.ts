/**
 * One shared fastify app serves every REST device. Each device's own listener hands its sockets
 * over (`server.emit('connection', socket)`), and a request finds its device by the local address
 * and port it arrived on: ~5 KB per device instead of ~220 KB for an app per device (DESIGN.md).
 * The server owns TLS, credentials, latency and the limits every client is held to (limits.ts),
 * applies the device's faults (faults.ts) and counts what it serves in `device.stats`; the platform
 * API only builds the reply.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { DeviceRuntime } from '../device/runtime.js';
import { basicUser } from './auth.js';
import { createConnectionGuard } from './connections.js';
import { holdRequest, holdSilent, sendTruncated } from './faults.js';
import { DEFAULT_REST_LIMITS, type RestLimits } from './limits.js';
import type { TlsIdentity } from './tls.js';
import type { ApiReply, ApiRequest, RefusalReason, RestApi } from './types.js';

export interface RestServerOptions {
  /** Serve HTTPS with this identity; plain HTTP when absent (`--rest-plain`). */
  tls?: TlsIdentity;
  apiFor(device: DeviceRuntime): RestApi | undefined;
  /** Deadlines and bounds (limits.ts); each absent one takes its default. */
  limits?: Partial<RestLimits>;
}

export interface RestServer {
  /** Hands a freshly accepted socket of `device` to the server. */
  accept(socket: Socket, device: DeviceRuntime): void;
  /** Destroys every open connection and clears every timer the server holds. */
  closeAll(): void;
  /** Destroys every open connection of one device (it went down or reboots). */
  dropDevice(device: DeviceRuntime): void;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Node's HTTP server, with its own deadlines: headers (slowloris), whole request (slow bodies),
 * keep-alive idle, socket idle, TLS handshake, requests per connection.
 */
function createNodeServer(
  limits: RestLimits,
  tls: TlsIdentity | undefined,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): HttpServer {
  const options = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often Node looks for requests past their deadline: a deadline is kept to within this.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, limits.headersTimeoutMs / 4)),
  };
  const server = tls
    ? createHttpsServer(
        { ...options, key: tls.key, cert: tls.cert, handshakeTimeout: limits.handshakeTimeoutMs },
        handler,
      )
    : createHttpServer(options, handler);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  server.timeout = limits.idleTimeoutMs;
  // Node tracks request deadlines only for a server that emitted 'listening'. Ours never listens
  // (each device's listener hands its sockets over), so start the tracking as listen() would;
  // server.close() stops it.
  server.emit('listening');
  return server;
}

export async function createRestServer(options: RestServerOptions): Promise<RestServer> {
  const limits: RestLimits = { ...DEFAULT_REST_LIMITS, ...options.limits };
  let server: HttpServer | undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyLimit,
    // A URL fastify cannot route (`/%zz`) is the client's mistake: the platform says no.
    frameworkErrors: (error, request, reply) => void refuseOrFail(error, request, reply),
    serverFactory: (handler) => (server = createNodeServer(limits, options.tls, handler)),
  });
  const devices = new Map<string, DeviceRuntime>();
  const open = new Map<Socket, DeviceRuntime>();
  const guard = createConnectionGuard(limits);
  const deviceOf = (request: FastifyRequest) => {
    const socket = request.raw.socket;
    return devices.get(`${socket.localAddress}:${socket.localPort}`);
  };

  /**
   * Sent as bytes, so the content type goes out exactly as the platform sets it (no added charset).
   * `Date` comes from the device's clock, so a frozen fleet's headers agree with its bodies. An
   * answer past the fleet's unsent-bytes budget is dropped with its connection. With `dropAfter`
   * (`drop-mid-output`) only that share of the body goes out before the connection drops.
   */
  const send = (
    reply: FastifyReply,
    answer: Omit<ApiReply, 'commands'>,
    device?: DeviceRuntime,
    dropAfter?: number,
  ) => {
    const body = Buffer.from(answer.body);
    if (!guard.reserve(reply.raw, body.length)) return drop(reply);
    const dated = device && !Object.keys(answer.headers).some((name) => name.toLowerCase() === 'date');
    const headers = dated
      ? { date: new Date(device.now()).toUTCString(), ...answer.headers }
      : answer.headers;
    if (device && dropAfter !== undefined) {
      reply.hijack();
      device.stats.bytes('rest', sendTruncated(reply.raw, answer.status, headers, body, dropAfter));
      return reply;
    }
    device?.stats.bytes('rest', body.length);
    return reply.code(answer.status).headers(headers).send(body);
  };

  // Every API reads its own body: it knows which media types it takes and how it says no.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const arrived = performance.now();
    const device = deviceOf(request);
    const api = device && options.apiFor(device);
    if (!device || !api) return send(reply, misdirected());
    // Answers go out in turn: a pipelined request is built once the one before it is written.
    const turn = guard.turn(request.raw.socket, reply.raw);
    if (!turn) return drop(reply);
    await turn;
    if (reply.raw.destroyed) return reply;
    const base = requestParts(request);
    // All sessions taken: the front end says no before it looks at credentials.
    if (device.faults.has('vty-full')) return send(reply, api.refuse('unavailable', base, device), device);
    const user = device.faults.has('auth-fail') ? undefined : basicUser(base.headers.authorization, device);
    if (user === undefined) {
      if (!(await device.timers.sleep(device.latency.auth()))) return stopped(reply);
      device.stats.authFailure('rest');
      return send(reply, api.refuse('unauthorized', base, device), device);
    }
    device.stats.login('rest');
    const fault = device.faults.command();
    // The request is taken and never answered: nothing runs, nothing comes back.
    if (fault.hang) {
      holdRequest(reply.raw, device, limits.hungRequestMs);
      return reply.hijack();
    }
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const built = await api.handle({ ...base, body, user, replyLimit: limits.replyLimit }, device);
    // The fleet stopped while a long request was being built: nothing is sent.
    if (device.timers.signal.aborted) return stopped(reply);
    // The APIs stop building at the limit; this catches an envelope that tips an answer over it.
    const answer =
      Buffer.byteLength(built.body) > limits.replyLimit
        ? { ...api.refuse('reply-too-large', base, device), commands: built.commands }
        : built;
    // The configured latency counts from the request's arrival: building the answer is part of it.
    const wait = latencyOf(answer, device) + fault.extraMs - (performance.now() - arrived);
    if (wait > 0 && !(await device.timers.sleep(wait))) return stopped(reply);
    const sent = send(
      reply,
      fault.garble ? { ...answer, body: fault.garble(answer.body) } : answer,
      device,
      fault.dropAfter,
    );
    const seconds = (performance.now() - arrived) / 1000;
    for (let i = 0; i < Math.max(1, answer.commands.length); i++) device.stats.command('rest', seconds);
    return sent;
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
      if (!guard.admit(socket, device.name)) return void socket.destroy();
      devices.set(`${socket.localAddress}:${socket.localPort}`, device);
      open.set(socket, device);
      device.stats.session('rest', 1);
      socket.once('close', () => {
        open.delete(socket);
        device.stats.session('rest', -1);
      });
      // A hung box takes the connection and never answers: no TLS handshake, no HTTP.
      if (device.faults.has('hang'))
        return holdSilent(socket, device, options.tls ? limits.handshakeTimeoutMs : limits.headersTimeoutMs);
      // slow-banner: the handshake (or the first answer, over plain HTTP) starts late.
      const slow = device.faults.get('slow-banner');
      const wait = device.latency.connect() + (slow ? slow.params.delayMs : 0);
      if (wait <= 0) server!.emit('connection', socket);
      else device.timers.after(wait, () => socket.destroyed || server!.emit('connection', socket));
    },
    dropDevice(device) {
      for (const [socket, owner] of open) if (owner === device) socket.destroy();
    },
    closeAll() {
      for (const socket of open.keys()) socket.destroy();
      server!.closeAllConnections();
      // Stops Node's deadline checks (the server never listened: close() only ends those).
      server!.close();
    },
  };
}

/** Ends a request without an answer: its connection is closed. */
function drop(reply: FastifyReply): FastifyReply {
  reply.hijack();
  reply.raw.destroy();
  return reply;
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

function misdirected(): Omit<ApiReply, 'commands'> {
  return {
    status: 421,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'no REST device serves this address\n',
  };
}
