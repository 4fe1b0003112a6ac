/**
 * No import cycles in simulator/ or client/, type-only imports included: a cycle means two modules
 * that are really one concern, or a type living on the wrong side of a layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import (static, dynamic, re-export) of a file, as the .ts path it names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
    join(dirname(file), `${m[1]!}.ts`),
  );
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const done = new Set<string>();
  const onPath: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) return void cycles.push([...onPath.slice(at), file]);
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('import graph', () => {
  const files = [...sourceFiles(join(ROOT, 'simulator')), ...sourceFiles(join(ROOT, 'client'))];
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(200);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
  });

  it('has no cycles', () => {
    const cycles = findCycles(graph).map((cycle) => cycle.map((f) => relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
