/**
 * Bad documentation files: a bad row or link is a located problem in the report (the file's
 * other cables still count); a file that cannot be read as documentation at all is
 * DOCUMENTATION_INVALID, saying file:line:column (a CSV with a wrong header among them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../simulator/errors.js';
import { describe, expect, it } from 'vitest';
import {
  documentationFromContainerlab,
  documentationFromCsv,
  type Documentation,
} from '../../client/verify/documentation.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/documentation');

function documentation(name: string): Documentation {
  const file = join(FIXTURES, name);
  const text = readFileSync(file, 'utf8');
  return name.endsWith('.csv')
    ? documentationFromCsv(text, file, () => 'arista_eos')
    : documentationFromContainerlab(text, file, () => 'arista_eos');
}

describe('bad documentation rows and links are located problems', () => {
  it.each<[file: string, where: string[], cables: number]>([
    // The whole row or header is at fault: its line.
    ['short-row.csv', ['3'], 1],
    // One cell is: its line and column.
    ['empty-cell.csv', ['4:4'], 1],
    ['endpoints.clab.yml', ['8:18', '11:11'], 1],
    // A link to a node the file does not declare is a problem too, and is left out.
    ['link-without-endpoints.clab.yml', ['6:30', '7:7'], 0],
  ])('%s', (name, where, cables) => {
    const doc = documentation(name);
    expect(doc.problems.map((p) => p.where)).toEqual(where.map((w) => `${join(FIXTURES, name)}:${w}`));
    expect(doc.cables).toHaveLength(cables);
  });

  it('a link problem names its path and what would be valid', () => {
    const [problem] = documentation('endpoints.clab.yml').problems;
    expect(problem?.message).toMatch(/^topology\.links\[1\]\.endpoints: expected two endpoints/);
  });
});

describe('documentation that cannot be read is DOCUMENTATION_INVALID', () => {
  it.each<[file: string, line: number, column: number, diagnostic: string]>([
    ['syntax.clab.yml', 5, 3, 'YAML_SYNTAX'],
    ['links-type.clab.yml', 5, 10, 'TYPE_INVALID'],
    // A CSV whose header is not one labfleet reads: refused, not 876 problems.
    ['header.csv', 1, 1, 'VALUE_INVALID'],
  ])('%s: line %i, column %i', (name, line, column, diagnostic) => {
    const file = join(FIXTURES, name);
    let error: { code?: string; diagnostics?: Diagnostic[] } = {};
    try {
      documentation(name);
    } catch (thrown) {
      error = thrown as typeof error;
    }
    expect(error.code).toBe('DOCUMENTATION_INVALID');
    expect(formatDiagnostic(error.diagnostics![0]!)).toMatch(
      new RegExp(`^${file}:${line}:${column}: .* \\[${diagnostic}\\]$`),
    );
  });
});
