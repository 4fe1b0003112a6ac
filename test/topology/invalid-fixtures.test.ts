/**
 * Every error class has a fixture in test/fixtures/invalid. Each YAML fixture states what it
 * expects in its first line (`# expect: CODE at line:column`); the test holds it to that.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type DiagnosticCode } from '../../simulator/errors.js';
import { validateTopologyText } from '../../simulator/topology/load.js';
import { FIXTURES } from '../helpers.js';

const DIR = join(FIXTURES, 'invalid');
/** Files that cannot carry a comment header. */
const HEADERLESS: Record<string, string> = {
  'empty.yaml': 'EMPTY at 1:1',
  'bad-json.json': 'YAML_SYNTAX at 5:1',
};

const cases = readdirSync(DIR)
  .sort()
  .map((name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const header = HEADERLESS[name] ?? /^# expect: (.+)$/m.exec(text)?.[1];
    const match = /^([A-Z_]+) at (\d+):(\d+)$/.exec(header ?? '');
    if (!match) throw new Error(`${name}: no "# expect: CODE at line:column" header`);
    return { name, text, code: match[1] as DiagnosticCode, line: Number(match[2]), column: Number(match[3]) };
  });

describe('invalid topologies', () => {
  it('covers every topology error class', () => {
    const covered = new Set(cases.map((c) => c.code));
    const classes: DiagnosticCode[] = [
      'YAML_SYNTAX',
      'KEY_DUPLICATE',
      'EMPTY',
      'TYPE_INVALID',
      'VALUE_INVALID',
      'KEY_UNKNOWN',
      'KEY_MISSING',
      'KIND_UNKNOWN',
      'MODEL_UNKNOWN',
      'NAME_INVALID',
      'DURATION_INVALID',
      'ADDRESS_INVALID',
      'ADDRESS_DUPLICATE',
      'ADDRESS_OUTSIDE_POOL',
      'POOL_EXHAUSTED',
      'PROTOCOL_UNSUPPORTED',
      'ENDPOINT_INVALID',
      'ENDPOINT_NODE_UNKNOWN',
      'INTERFACE_INVALID',
      'INTERFACE_DUPLICATE',
      'LINK_SELF',
      'LAG_INVALID',
      'COMMAND_INVALID',
      'TEMPLATE_INVALID',
    ];
    expect(classes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it.each(cases)('$name → $code at $line:$column', ({ name, text, code, line, column }) => {
    const result = validateTopologyText(text, name);
    expect(result.topology).toBeUndefined();
    const first = result.diagnostics[0]!;
    expect(
      { code: first.code, line: first.location?.line, column: first.location?.column },
      formatDiagnostic(first),
    ).toEqual({
      code,
      line,
      column,
    });
    expect(first.location?.file).toBe(name);
    expect(first.message.length).toBeGreaterThan(10);
  });
});
