/**
 * The control API's routes: one per operation of FleetControl, each with the schema that
 * validates its request and describes it in /openapi.json.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorCode } from '../errors.js';
import type { FleetControl, RawDriftItem } from '../fleet/control.js';
import { driftBodySchema, faultBodySchema } from './schemas.js';

/** The operations the routes call: a fleet's FleetControl, or the fan-out over a fleet's workers. */
export type ControlSource = {
  [K in Routed]: (
    ...args: Parameters<FleetControl[K]>
  ) => Awaited<ReturnType<FleetControl[K]>> | Promise<Awaited<ReturnType<FleetControl[K]>>>;
};

type Routed = Extract<
  keyof FleetControl,
  | 'devices'
  | 'device'
  | 'drift'
  | 'applyDrift'
  | 'faults'
  | 'addFault'
  | 'removeFault'
  | 'clearFaults'
  | 'clearDrift'
  | 'reset'
>;

/** What /metrics reads: a fleet's registry, or the workers' registries merged. */
export interface MetricsSource {
  readonly registry: { readonly contentType: string; metrics(): Promise<string> };
}

declare module 'fastify' {
  /** Per route: how a body its schema refused is reported (see replies.ts). */
  interface FastifyContextConfig {
    bodyCode?: ErrorCode;
    bodyRoot?: string;
  }
}

const ERRORS = { $ref: 'ControlError#' } as const;
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ERRORS]));
const ok = (description: string) => ({ 200: { description, type: 'object', additionalProperties: true } });
const named = (key: string, description: string) => ({
  type: 'object',
  required: [key],
  properties: { [key]: { type: 'string', description } },
});

type DriftBody = Record<string, unknown> | Array<Record<string, unknown>>;

/** `patch` is `add` in drift files' words. */
function toDriftItems(body: DriftBody): RawDriftItem[] {
  return (Array.isArray(body) ? body : [body]).map(
    ({ patch, ...rest }) => (patch === undefined ? rest : { add: patch, ...rest }) as RawDriftItem,
  );
}

export function registerRoutes(
  app: FastifyInstance,
  control: ControlSource,
  options: { metrics: MetricsSource; ready: () => string | undefined; inventory?: () => object },
): void {
  const state = async () => ({ drift: await control.drift(), faults: await control.faults() });

  app.get(
    '/health',
    { schema: { summary: 'the API answers (no token needed)', response: ok('alive') } },
    () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/ready',
    {
      schema: {
        summary: 'every device served (200), or stopping or a worker ended (503, saying which)',
        response: { ...ok('serving'), ...errors(503) },
      },
    },
    (_request, reply: FastifyReply) => {
      const why = options.ready();
      return why === undefined
        ? { status: 'ready' }
        : reply.code(503).send({
            statusCode: 503,
            code: 'CONTROL_FAILED',
            error: 'Service Unavailable',
            message: why,
          });
    },
  );
  app.get(
    '/devices',
    {
      schema: {
        summary: 'every served device: availability, vty lines in use, counters per protocol, faults',
        response: ok('{devices: [...]}'),
      },
    },
    async () => ({ devices: await control.devices() }),
  );
  app.get<{ Params: { name: string } }>(
    '/devices/:name',
    {
      schema: {
        summary: 'one device',
        params: named('name', 'the device name, as in the topology'),
        response: { ...ok('the device'), ...errors(404) },
      },
    },
    async (request) => control.device(request.params.name),
  );
  app.get(
    '/inventory',
    {
      schema: {
        summary:
          "the inventory as `up --inventory` writes it (JSON): with --inventory-scope fleet, every shard's devices",
        response: { ...ok('{devices: [...]}'), ...errors(404) },
      },
    },
    (_request, reply: FastifyReply) =>
      options.inventory
        ? options.inventory()
        : reply.code(404).send({
            statusCode: 404,
            code: 'CONTROL_REQUEST_INVALID',
            error: 'Not Found',
            message: 'this control API serves no inventory (started without one)',
          }),
  );
  app.get(
    '/drift',
    { schema: { summary: 'the drift in force, as drift files write it', response: ok('{drift: [...]}') } },
    async () => ({ drift: await control.drift() }),
  );
  app.post<{ Body: DriftBody }>(
    '/drift',
    {
      config: { bodyCode: 'DRIFT_INVALID', bodyRoot: 'drift' },
      schema: {
        summary: 'apply drift items in order, all or none: unplug, patch (= add), add, swap, move',
        body: driftBodySchema(),
        response: { ...ok('{applied, affected, drift}'), ...errors(400, 404) },
      },
    },
    async (request) => ({
      ...(await control.applyDrift(toDriftItems(request.body))),
      drift: await control.drift(),
    }),
  );
  app.delete(
    '/drift',
    {
      schema: {
        summary: 'back to the wiring the fleet started with (the topology and `up --drift`); faults stay',
        response: ok('{removed, affected, drift}'),
      },
    },
    async () => ({ ...(await control.clearDrift()), drift: await control.drift() }),
  );
  app.get(
    '/faults',
    { schema: { summary: 'the faults in force', response: ok('{faults: [...]}') } },
    async () => ({ faults: await control.faults() }),
  );
  app.post<{ Body: unknown }>(
    '/faults',
    {
      config: { bodyCode: 'FAULT_INVALID', bodyRoot: '' },
      schema: {
        summary: 'apply a fault to named devices or a seeded fraction of the fleet',
        body: faultBodySchema(),
        response: {
          201: { description: 'the fault in force', type: 'object', additionalProperties: true },
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await control.addFault(request.body)),
  );
  app.delete(
    '/faults',
    { schema: { summary: 'lift every fault', response: ok('{cleared: n}') } },
    async () => ({ cleared: await control.clearFaults() }),
  );
  app.delete<{ Params: { id: string } }>(
    '/faults/:id',
    {
      schema: {
        summary: 'lift one fault',
        params: named('id', 'the fault id, as POST /faults and GET /faults give it'),
        response: { ...ok('the fault lifted'), ...errors(404) },
      },
    },
    async (request) => control.removeFault(request.params.id),
  );
  app.post(
    '/reset',
    {
      schema: {
        summary: 'back to how the fleet started: its wiring and its start faults, nothing applied since',
        response: ok('{drift, faults}: as the fleet started'),
      },
    },
    async () => {
      await control.reset();
      return state();
    },
  );
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics (text exposition format 0.0.4)',
        produces: ['text/plain'],
        response: { 200: { description: 'Prometheus text', type: 'string' } },
      },
    },
    async (_request, reply) =>
      reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics()),
  );
}
