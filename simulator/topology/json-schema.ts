/** JSON Schemas for editors, generated from the same zod schemas that validate files. */
import { z } from 'zod';
import { DriftSchema } from './drift.js';
import { FaultsFileSchema } from './fault-files.js';
import { TopologySchema } from './schema.js';

function toJsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...generated, $id: id, title };
}

/** The JSON Schema of topology files (topologies/topology.schema.json). */
export function topologyJsonSchema(): Record<string, unknown> {
  return toJsonSchema(
    TopologySchema,
    'https://labfleet.dev/schema/topology.schema.json',
    'labfleet topology',
  );
}

/** The JSON Schema of drift overlay files (topologies/drift.schema.json). */
export function driftJsonSchema(): Record<string, unknown> {
  return toJsonSchema(DriftSchema, 'https://labfleet.dev/schema/drift.schema.json', 'labfleet drift overlay');
}

/** The JSON Schema of faults overlay files (topologies/faults.schema.json). */
export function faultsJsonSchema(): Record<string, unknown> {
  return toJsonSchema(
    FaultsFileSchema,
    'https://labfleet.dev/schema/faults.schema.json',
    'labfleet faults overlay',
  );
}

/** Stable text form, as committed. */
export function renderJsonSchema(schema: Record<string, unknown>): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
