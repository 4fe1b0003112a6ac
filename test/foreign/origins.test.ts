import { describe, expect, it } from 'vitest';
import { PathOrigins, translatedSource } from '../../simulator/topology/foreign/index.js';
import { Reporter } from '../../simulator/topology/reporter.js';
import { parseSource } from '../../simulator/topology/source.js';

const ORIGINAL = ['name: demo', 'things:', '  boxes:', '    - id: r1', '      port: 7', ''].join('\n');

describe('a translated file names paths of the file the user wrote', () => {
  const { source } = parseSource(ORIGINAL, 'demo.other.yml');
  const origins = new PathOrigins();
  origins.set(['nodes', 'r1'], ['things', 'boxes', 0]);
  const translated = translatedSource(source!, {
    data: { name: 'demo', nodes: { r1: { model: 'X' } } },
    origin: origins.origin,
    notes: [],
    diagnostics: [],
    omitted: 0,
  });

  it('maps through the longest recorded prefix and keeps the rest of the path', () => {
    expect(origins.origin(['nodes', 'r1', 'model'])).toEqual(['things', 'boxes', 0, 'model']);
    expect(origins.origin(['name'])).toEqual(['name']);
  });

  it('diagnostics of later phases carry the original path and line', () => {
    const reporter = new Reporter(translated);
    reporter.report('VALUE_INVALID', 'no such port', ['nodes', 'r1', 'port']);
    expect(reporter.diagnostics).toEqual([
      {
        code: 'VALUE_INVALID',
        message: 'no such port',
        path: 'things.boxes[0].port',
        location: { file: 'demo.other.yml', line: 5, column: 13 },
      },
    ]);
    expect(reporter.where(['nodes', 'r1'])).toBe('things.boxes[0] (line 4)');
  });
});
