/**
 * The version `labfleet --version` prints, read from package.json so it has one source. The file
 * is found by walking up from this module, which sits at a different depth in client/ (tests) and
 * dist/client/ (the built CLI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The `version` of the nearest package.json above this module. */
export function packageVersion(): string {
  cached ??= readNearestVersion(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

function readNearestVersion(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
