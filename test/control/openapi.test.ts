/** GET /openapi.json: an OpenAPI 3 document of every route, from the schemas that validate the requests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../simulator/topology/faults.js';
import { startControlledFleet, type ControlledFleet } from './harness.js';

let fleet: ControlledFleet;
let doc: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

interface Operation {
  summary?: string;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  parameters?: Array<{ name: string; in: string }>;
}

/** Every route the API serves, as OpenAPI names them. */
const ROUTES = [
  ['get', '/health'],
  ['get', '/ready'],
  ['get', '/devices'],
  ['get', '/devices/{name}'],
  ['get', '/inventory'],
  ['get', '/drift'],
  ['post', '/drift'],
  ['delete', '/drift'],
  ['get', '/faults'],
  ['post', '/faults'],
  ['delete', '/faults'],
  ['delete', '/faults/{id}'],
  ['post', '/reset'],
  ['get', '/metrics'],
  ['get', '/openapi.json'],
] as const;

beforeAll(async () => {
  fleet = await startControlledFleet({ topology: 'routers-10', rest: false, netconf: false });
  const answer = await fleet.call('GET', '/openapi.json');
  expect(answer.status).toBe(200);
  doc = answer.json as typeof doc;
});
afterAll(() => fleet.stop());

/** Every `$ref` in the document, and whether it points at something. */
function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refs(n, found);
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  return found;
}

function resolve(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

describe('/openapi.json', () => {
  it('is OpenAPI 3 with the required top-level fields', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'labfleet control API', version: expect.any(String) as string });
  });

  it('lists every route, each with a summary and its responses', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort());
    for (const [method, path] of ROUTES) {
      const op = doc.paths[path]![method]!;
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(doc.paths['/devices/{name}']!.get!.parameters).toEqual([
      expect.objectContaining({ name: 'name', in: 'path' }),
    ]);
  });

  it('every $ref resolves; errors share one schema', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const ref of all) expect(resolve(ref), ref).toBeTruthy();
    const notFound = doc.paths['/devices/{name}']!.get!.responses['404'] as Record<string, unknown>;
    expect(JSON.stringify(notFound)).toContain('#/components/schemas/');
  });

  it('describes the request bodies from the same schemas that validate them', () => {
    const fault = doc.paths['/faults']!.post!.requestBody!.content['application/json']!.schema;
    expect(fault).toMatchObject({
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { enum: [...FAULT_KINDS] } },
    });
    const drift = doc.paths['/drift']!.post!.requestBody!.content['application/json']!.schema;
    expect(JSON.stringify(drift)).toContain('"maxItems":1000');
    for (const form of ['unplug', 'swap', 'move', 'add', 'patch'])
      expect(JSON.stringify(drift)).toContain(`"required":["${form}"]`);
  });
});
