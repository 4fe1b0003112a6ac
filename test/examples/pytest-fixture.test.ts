/**
 * The pytest fixture of docs/testing.md, run as a user runs it: Debian's python3 -m pytest on
 * test/examples/pytest, with LABFLEET pointing at the built CLI (`npm run build` first). The
 * fixture starts `labfleet up` on ports the OS picks, waits for the ready file, and its tests log
 * in with netmiko.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');

describe('the pytest fixture example', () => {
  it('passes against the built CLI', async () => {
    expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
    const { stdout } = await promisify(execFile)(
      '/usr/bin/python3',
      [
        '-m',
        'pytest',
        '-q',
        '-p',
        'no:cacheprovider',
        '--basetemp',
        mkdtempSync(join(tmpdir(), 'labfleet-pytest-')),
        join(ROOT, 'test', 'examples', 'pytest'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, LABFLEET: `${process.execPath} ${BIN}` },
        timeout: 150_000,
      },
    );
    expect(stdout).toMatch(/^2 passed\b/m);
  }, 180_000);
});
