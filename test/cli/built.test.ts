/** What a user installs: the built binary and the package entry, from dist/ (`npm run build` first). */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

describe('the built binary', () => {
  it('runs validate from dist/ (smoke test)', async () => {
    const bin = join(ROOT, 'dist', 'client', 'cli', 'main.js');
    expect(existsSync(bin), 'run `npm run build` first (npm test does)').toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'validate', 'lab-100', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, devices: 100 });
  });

  it("prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const bin = join(ROOT, 'dist', 'client', 'cli', 'main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout).toBe(`${version}\n`);
  });
});

describe('the package entry', () => {
  it("resolves `import … from 'labfleet'` to the built library", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const l = await import('labfleet'); const t = await l.loadTopology('routers-10'); console.log(t.nodes.length, typeof l.deriveDeviceState, typeof l.startFleet, typeof l.checkCabling)",
      ],
      { cwd: ROOT },
    );
    expect(stdout.trim()).toBe('10 function function function');
  });
});
