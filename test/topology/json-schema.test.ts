import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  driftJsonSchema,
  renderJsonSchema,
  topologyJsonSchema,
} from '../../simulator/topology/json-schema.js';
import { TOPOLOGIES } from '../helpers.js';

describe('shipped JSON Schemas', () => {
  it('topologies/topology.schema.json is current (regenerate: npm run schema)', () => {
    expect(readFileSync(join(TOPOLOGIES, 'topology.schema.json'), 'utf8')).toBe(
      renderJsonSchema(topologyJsonSchema()),
    );
  });

  it('topologies/drift.schema.json is current (regenerate: npm run schema)', () => {
    expect(readFileSync(join(TOPOLOGIES, 'drift.schema.json'), 'utf8')).toBe(
      renderJsonSchema(driftJsonSchema()),
    );
  });

  it('rejects unknown keys and names the supported kinds', () => {
    const schema = topologyJsonSchema() as {
      additionalProperties: boolean;
      $defs: { Kind: { enum: string[] } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.Kind.enum).toEqual(['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos']);
  });
});
