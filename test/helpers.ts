/** Shared test helpers: paths, fixtures and golden files. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const TEST_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(TEST_DIR);
export const FIXTURES = join(TEST_DIR, 'fixtures');
export const TOPOLOGIES = join(ROOT, 'topologies');

/**
 * Compares text with a golden file. `UPDATE_GOLDEN=1 npm test` rewrites goldens; review the diff
 * before committing, since a golden is only as good as the look it was given.
 */
export function expectGolden(name: string, actual: string): void {
  const file = join(TEST_DIR, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI)
      throw new Error(`golden file ${name} is missing; run UPDATE_GOLDEN=1 npm test locally`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Collects what a CLI run prints. */
export function captureIO(): {
  out: string;
  err: string;
  io: { out(t: string): void; err(t: string): void };
} {
  const captured = { out: '', err: '' };
  return Object.assign(captured, {
    io: { out: (t: string) => void (captured.out += t), err: (t: string) => void (captured.err += t) },
  });
}
