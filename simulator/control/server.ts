/**
 * The control API over a running fleet (fastify): devices, drift, faults, reset, health, Prometheus
 * metrics and its own OpenAPI description. The app factory is apart from `listen()` so tests can
 * `inject()`. Loopback by default; anywhere else it needs a bearer token. A failing request is an
 * answer (500 with a message), never a crash: the fleet keeps serving.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { LabfleetError } from '../errors.js';
import type { FleetControl } from '../fleet/control.js';
import { LOOPBACK, cidrContains, parseIpv4 } from '../topology/ip.js';
import { createFleetMetrics, type FleetMetrics } from './metrics.js';
import { errorBody, replyFor } from './replies.js';
import { registerRoutes, type ControlSource, type MetricsSource } from './routes.js';
import { ERROR_BODY } from './schemas.js';

export const DEFAULT_CONTROL_HOST = '127.0.0.1';

/** The largest request body taken: a thousand drift items fit with room to spare. */
export const CONTROL_BODY_LIMIT = 256 * 1024;

/** Routes anyone who reaches the port may call: a liveness probe carries no token. */
// Probes send no secrets: whether the fleet answers, and whether all of it serves, are open.
const OPEN_ROUTES = new Set(['/health', '/ready']);

export interface ControlOptions {
  /** Default 127.0.0.1. Any address outside 127.0.0.0/8 (and ::1) needs `token`. */
  host?: string;
  /** Default 0: the OS picks. */
  port?: number;
  /** Required as `Authorization: Bearer <token>` on every route but /health and /ready, when set. */
  token?: string;
  /**
   * The registry whose telemetry the fleet was started with; a fresh one (gauges only) when absent.
   * Over a fleet's workers (fan-out.ts): their registries merged.
   */
  metrics?: FleetMetrics | MetricsSource;
  /** The version /openapi.json reports. */
  version?: string;
  /**
   * What GET /inventory answers (`{devices: […]}` as `up --inventory` writes it); 404 when absent.
   * It carries passwords, so it needs the token like every route but /health and /ready.
   */
  inventory?: () => object;
  /**
   * What keeps part of the fleet from serving (a worker that ended), or undefined while all of it
   * serves: GET /ready then answers 503 with it, so a readiness probe takes the fleet out of use.
   */
  unserving?: () => string | undefined;
}

export interface ControlServer {
  /** `http://host:port`. */
  readonly url: string;
  /** /ready answers 503 from now on; resolves once every connection is closed. */
  close(): Promise<void>;
}

/** Whether `host` is a loopback address: only those may go without a token. */
export function isLoopbackHost(host: string): boolean {
  const ip = parseIpv4(host);
  return (ip !== undefined && cidrContains(LOOPBACK, ip)) || host === '::1' || host === 'localhost';
}

/** The app, not listening: `inject()` for tests, `listen()` for startControlServer. */
export async function createControlApp(
  fleet: { control: FleetControl | ControlSource },
  /** `ready`: why the fleet is not ready (stopping, a worker ended), or undefined when it is. */
  options: Omit<ControlOptions, 'host' | 'port'> & { ready?: () => string | undefined } = {},
): Promise<FastifyInstance> {
  const metrics = options.metrics ?? createFleetMetrics();
  // A fleet's own registry reads its gauges from its control; a fan-out's workers read their own.
  if (isFleetMetrics(metrics) && isFleetControl(fleet.control)) metrics.observe(fleet.control);
  const app = Fastify({
    logger: false,
    bodyLimit: CONTROL_BODY_LIMIT,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, verbose: true },
    },
  });
  app.addSchema({ $id: 'ControlError', ...ERROR_BODY });
  // Response schemas describe the API in /openapi.json; replies are small, so plain JSON.stringify
  // serialises them, and no serializer is compiled per route at start-up (a third of its cost).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'labfleet control API',
        description:
          'Steer a running labfleet fleet: devices, runtime drift, faults, reset, health and metrics. Errors: {statusCode, code, error, message}.',
        version: options.version ?? '0',
      },
      ...(options.token
        ? {
            components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
            security: [{ bearer: [] }],
          }
        : {}),
    },
  });
  if (options.token !== undefined) {
    const expected = digest(`Bearer ${options.token}`);
    app.addHook('onRequest', async (request, reply) => {
      if (OPEN_ROUTES.has(request.routeOptions.url ?? '')) return;
      const given = digest(request.headers.authorization ?? '');
      if (!timingSafeEqual(given, expected))
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send(
            errorBody(
              401,
              'CONTROL_UNAUTHORIZED',
              request.headers.authorization
                ? 'the bearer token is wrong'
                : 'this control API needs `Authorization: Bearer <token>` (the token `up --control-token` or LABFLEET_CONTROL_TOKEN set)',
            ),
          );
    });
  }
  app.setErrorHandler((error, request, reply) => {
    const body = replyFor(error, request.routeOptions.config);
    return reply.code(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        errorBody(
          404,
          'CONTROL_REQUEST_INVALID',
          `no route ${request.method} ${request.url.split('?')[0]}; the routes are listed at GET /openapi.json`,
        ),
      ),
  );
  registerRoutes(app, fleet.control, {
    metrics,
    ready: options.ready ?? (() => undefined),
    ...(options.inventory ? { inventory: options.inventory } : {}),
  });
  app.get('/openapi.json', { schema: { summary: 'this API, described in OpenAPI 3.1' } }, () =>
    app.swagger(),
  );
  return app;
}

/** Starts the control API; refuses (USAGE) a non-loopback address without a token. */
export async function startControlServer(
  fleet: { control: FleetControl | ControlSource },
  options: ControlOptions = {},
): Promise<ControlServer> {
  const host = options.host ?? DEFAULT_CONTROL_HOST;
  if (!isLoopbackHost(host) && !options.token)
    throw new LabfleetError(
      'USAGE',
      `the control API on ${host} would let anyone who reaches it steer the fleet; give a token (--control-token <t> or LABFLEET_CONTROL_TOKEN), or bind it to 127.0.0.1`,
    );
  let serving = true;
  const app = await createControlApp(fleet, {
    ...options,
    ready: () => (serving ? options.unserving?.() : 'the fleet is stopping'),
  });
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (cause) {
    await app.close();
    const code = (cause as NodeJS.ErrnoException).code;
    throw new LabfleetError(
      'LISTEN_FAILED',
      `cannot listen for the control API on ${host}:${options.port ?? 0}: ${code ?? (cause as Error).message}${code === 'EADDRINUSE' ? ' (another program listens there; choose another --control port, or 0)' : ''}`,
      { cause },
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      serving = false;
      closing ??= app.close();
      return closing;
    },
  };
}

function isFleetMetrics(metrics: FleetMetrics | MetricsSource): metrics is FleetMetrics {
  return 'observe' in metrics;
}

function isFleetControl(control: FleetControl | ControlSource): control is FleetControl {
  return 'startWith' in control;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
