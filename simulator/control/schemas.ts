/**
 * The control API's request schemas, derived from the zod schemas that also check drift files and
 * fault specs (one source of truth), in the subset of JSON Schema that both fastify's validator
 * (draft-07) and OpenAPI 3.1 read: no `$defs` (inlined), no tuple `items` arrays.
 */
import { z } from 'zod';
import { DriftSchema } from '../topology/drift.js';
import { FAULT_KINDS, FaultSpecSchema } from '../topology/faults.js';

type JsonSchema = Record<string, unknown>;

/** Most drift items one request may carry: a bound, not a limit anyone should meet. */
export const MAX_DRIFT_ITEMS = 1000;

/** A zod schema as plain JSON Schema: definitions inlined, tuples as bounded arrays. */
export function toRequestSchema(schema: z.ZodType): JsonSchema {
  const raw = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-07' });
  const definitions = (raw.definitions ?? {}) as Record<string, JsonSchema>;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const { $ref, ...rest } = node as JsonSchema;
    const out: JsonSchema = {};
    if (typeof $ref === 'string') Object.assign(out, walk(definitions[$ref.split('/').pop()!]));
    for (const [key, value] of Object.entries(rest))
      if (key !== '$schema' && key !== 'definitions') out[key] = walk(value);
    // A tuple of alike items (a cable's two ports) is an array of exactly that many.
    if (Array.isArray(out.items)) {
      const [first] = out.items as unknown[];
      out.items = first;
      delete out.additionalItems;
    }
    if (Array.isArray(out.type)) {
      const types = out.type as string[];
      delete out.type;
      out.anyOf = types.map((type) => ({ type }));
    }
    return out;
  };
  return walk(raw) as JsonSchema;
}

const PORT_FORMS = 'unplug: port, swap: [port, port], move: {from, to}, add (or patch): [port, port]';

/** One drift item; `patch` is the control API's word for `add` (plug a new cable). */
function driftItemSchema(): JsonSchema {
  const forms = (toRequestSchema(DriftSchema.shape.drift.element).anyOf ?? []) as JsonSchema[];
  const add = forms.find((f) => (f.required as string[]).includes('add'))!;
  const props = add.properties as JsonSchema;
  const patch = {
    ...add,
    properties: { patch: { ...(props.add as JsonSchema), description: 'same as add' }, note: props.note },
    required: ['patch'],
  };
  return { anyOf: [...forms, patch], description: `a drift item, one of: ${PORT_FORMS}` };
}

/** POST /drift: one item or an array of them. */
export function driftBodySchema(): JsonSchema {
  const item = driftItemSchema();
  return {
    anyOf: [item, { type: 'array', items: item, minItems: 1, maxItems: MAX_DRIFT_ITEMS }],
    description: `a drift item or an array of 1 to ${MAX_DRIFT_ITEMS}, one of: ${PORT_FORMS}`,
  };
}

/** POST /faults: one fault spec. */
export function faultBodySchema(): JsonSchema {
  const schema = toRequestSchema(FaultSpecSchema);
  const kind = (schema.properties as Record<string, JsonSchema>).kind!;
  kind.description = `one of: ${FAULT_KINDS.join(', ')}`;
  return schema;
}

/** Every error the API answers with. */
export const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'code', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', description: 'stable: match on this, never on the message' },
    error: { type: 'string', description: 'the HTTP status text' },
    message: { type: 'string', description: 'what is wrong, where, and what would be valid' },
    diagnostics: {
      type: 'array',
      description: 'DRIFT_INVALID: each problem with its path (drift[i].field) and diagnostic code',
      items: {
        type: 'object',
        properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;
