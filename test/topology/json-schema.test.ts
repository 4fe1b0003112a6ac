import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  driftJsonSchema,
  faultsJsonSchema,
  renderJsonSchema,
  topologyJsonSchema,
} from '../../simulator/topology/json-schema.js';
import { FAULT_KINDS } from '../../simulator/topology/faults.js';
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

  it('topologies/faults.schema.json is current (regenerate: npm run schema)', () => {
    expect(readFileSync(join(TOPOLOGIES, 'faults.schema.json'), 'utf8')).toBe(
      renderJsonSchema(faultsJsonSchema()),
    );
  });

  it('names every fault kind, in the topology and in the overlay', () => {
    interface WithFaults {
      properties: { faults: { items: { properties: { kind: { enum: string[] } } } } };
    }
    const kinds = (schema: Record<string, unknown>) =>
      (schema as unknown as WithFaults).properties.faults.items.properties.kind.enum;
    const overlay = faultsJsonSchema();
    expect(kinds(topologyJsonSchema())).toEqual([...FAULT_KINDS]);
    expect(kinds(overlay)).toEqual([...FAULT_KINDS]);
    expect(overlay.additionalProperties).toBe(false);
    expect(overlay.required).toEqual(['faults']);
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
