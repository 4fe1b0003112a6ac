/**
 * docs/testing.md shows the example files verbatim: each block under a `<!-- file: path -->`
 * marker is that file, so the examples the tests run are the ones the reader copies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs', 'testing.md'), 'utf8');
const blocks = [...doc.matchAll(/<!-- file: (\S+) -->\n\n?```\w+\n([\s\S]*?)```\n/g)].map(
  ([, path, text]) => [path!, text!] as const,
);

describe('docs/testing.md', () => {
  it('includes the vitest example and both pytest files', () => {
    expect(blocks.map(([path]) => path)).toEqual([
      'test/examples/vitest-fleet.test.ts',
      'test/examples/pytest/conftest.py',
      'test/examples/pytest/test_lab.py',
    ]);
  });

  it.each(blocks)('shows %s as it is', (path, text) => {
    expect(text).toBe(readFileSync(join(ROOT, path), 'utf8'));
  });
});
