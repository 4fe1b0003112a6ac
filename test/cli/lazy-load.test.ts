/**
 * What the built binary loads, per command (docs/cli-start.md): `--version` and `--help` load none
 * of the simulator's or the checker's libraries, and a text `check` none of the server's, the
 * drawing's or the XML code. A resolve hook given to node with `--import` writes every module URL
 * the process resolves to a file; no figure is timed here (`npm run bench -- --only=cli` does).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'labfleet-lazy-load-'));

const dataUrl = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.LABFLEET_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`;
const RECORDER = dataUrl(
  `import { register } from 'node:module'; register(${JSON.stringify(dataUrl(HOOKS))});`,
);

/** The packages under node_modules a run of the binary resolved, and its exit code. */
async function packagesLoaded(
  name: string,
  argv: readonly string[],
): Promise<{ code: number; packages: Set<string> }> {
  const log = join(dir, `${name}.log`);
  const run = promisify(execFile)(process.execPath, ['--import', RECORDER, BIN, ...argv], {
    env: { ...process.env, LABFLEET_MODULE_LOG: log },
    timeout: 60_000,
  });
  const code = await run.then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
  const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  const packages = new Set(
    urls.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []),
  );
  return { code, packages };
}

/** What the simulator's servers, the topology schema and the drawings load. */
const HEAVY = [
  'ssh2',
  'fastify',
  '@fastify/swagger',
  'prom-client',
  'zod',
  'yaml',
  'js-yaml',
  'elkjs',
  'd3-scale',
  'fast-xml-parser',
  'seedrandom',
  'cli-progress',
];

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--version and --help load only the command line', () => {
  it.each([
    ['version', ['--version']],
    ['help', ['--help']],
    ['check-help', ['check', '--help']],
    ['up-help', ['up', '--help']],
    ['graph-help', ['graph', '--help']],
    ['discover-help', ['discover', '--help']],
    ['import-help', ['import', 'netbox', '--help']],
  ])('%s', async (name, argv) => {
    const { code, packages } = await packagesLoaded(name, argv);
    expect(code).toBe(0);
    expect([...packages].filter((p) => HEAVY.includes(p))).toEqual([]);
    if (name !== 'version') expect(packages).toContain('commander'); // the recorder sees packages
  });
});

describe('a text check', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({
      topology: await loadTopology('routers-10'),
      rest: false,
      netconf: false,
      sshPort: 0,
      commandLatencyMs: 0,
    });
  });
  afterAll(() => fleet?.stop());

  it('loads SSH and the topology, but no server, drawing, XML or progress bar', async () => {
    const argv = [
      'check',
      'routers-10',
      '--ssh-port',
      String(fleet.sshPort),
      '--no-progress',
      '--format',
      'text',
    ];
    const { code, packages } = await packagesLoaded('check', argv);
    expect(code).toBe(0);
    expect(packages).toContain('ssh2');
    expect(packages).toContain('zod');
    const unwanted = [
      'fastify',
      '@fastify/swagger',
      'prom-client',
      'elkjs',
      'd3-scale',
      'fast-xml-parser',
      'seedrandom',
      'cli-progress',
    ];
    expect([...packages].filter((p) => unwanted.includes(p))).toEqual([]);
  });
});
