/**
 * `labfleet demo` and `check` as a user runs them, from dist/: piped output holds no ANSI escapes
 * and one "It took" line per run; FORCE_COLOR (which wins over NO_COLOR, as in Node) or a terminal
 * brings colours; NO_COLOR on a terminal, or `--output`, takes them away. The demo prints a line
 * per sample device as it finishes and both runs on one time axis, every line within 80 columns.
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
const ESC = String.fromCharCode(27);
const ESCAPE = new RegExp(`${ESC}\\[`);
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const DEMO = [
  'demo',
  'routers-10',
  '--ssh-port',
  '0',
  '--netconf-port',
  '0',
  '--latency',
  '20ms',
  '--sample',
  '3',
];

/** The environment without any colour setting of the test runner's own. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'CI']) delete clean[key];
  return { ...clean, TERM: 'xterm-256color', ...extra };
}

/** Runs the built CLI with its stdout piped; a non-zero exit is a result, not a throw. */
async function run(argv: readonly string[], extra: Record<string, string> = {}) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, ...argv], {
      env: env(extra),
      timeout: 60_000,
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

/** Runs the built CLI on a pseudo-terminal (util-linux `script`), so stdout is a TTY. */
async function onTerminal(argv: readonly string[], extra: Record<string, string> = {}) {
  const command = [process.execPath, BIN, ...argv].map((a) => `'${a}'`).join(' ');
  const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
    env: env(extra),
    timeout: 60_000,
  });
  return stdout;
}

const visible = (line: string) => line.replace(SGR, '');

describe('demo and check output, piped and on a terminal', () => {
  beforeAll(() => {
    expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
  });

  it('demo piped: a line per sample device as it finishes, one axis for both runs, no escapes, one "It took" per run', async () => {
    const { code, out } = await run(DEMO);
    expect(code).toBe(0);
    expect(out).not.toMatch(ESCAPE);
    expect(out.match(/It took/g)).toHaveLength(2);
    const lines = out.split('\n');
    const steps = lines.slice(
      lines.indexOf('Sequentially (one device after the other), 3 of 10 devices:') + 1,
    );
    expect(steps.slice(0, 3).map((l) => l.trim().split(/\s+/)[0])).toEqual(['R1', 'R2', 'R3']);
    expect(steps[3]).toMatch(/^ {2}It took .* for 3 devices/);
    // the staircase: each device's bar starts right of the previous one's
    const starts = steps.slice(0, 3).map((l) => l.search(/[░▒█]/));
    expect(starts[1]).toBeGreaterThan(starts[0]!);
    expect(starts[2]).toBeGreaterThan(starts[1]!);
    const axis = lines.slice(lines.indexOf('Both runs on one time axis:'));
    expect(axis[1]).toBe('  sequential, 3 devices:');
    expect(axis.some((l) => l.startsWith('  concurrent, 10 devices:'))).toBe(true);
    expect(axis.filter((l) => /^ {2}(in flight|fastest R|median R|slowest R)/.test(l))).toHaveLength(4);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(out).toContain('Cabling 100% coincides with the documentation!');
  }, 90_000);

  it('demo with FORCE_COLOR: colours even piped, and FORCE_COLOR wins over NO_COLOR', async () => {
    const forced = await run(DEMO, { FORCE_COLOR: '1' });
    expect(forced.out).toMatch(ESCAPE);
    expect(forced.out).toContain('\x1b[32mCabling 100% coincides with the documentation!\x1b[39m');
    expect(forced.out.match(/It took/g)).toHaveLength(2);
    const both = await run(DEMO, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(both.out).toMatch(ESCAPE);
  }, 90_000);

  it('demo on a terminal: colours; NO_COLOR or TERM=dumb: none', async () => {
    expect(await onTerminal(DEMO)).toMatch(ESCAPE);
    expect(await onTerminal(DEMO, { NO_COLOR: '1' })).not.toMatch(ESCAPE);
    expect(await onTerminal(DEMO, { TERM: 'dumb' })).not.toMatch(ESCAPE);
  }, 120_000);

  describe('check', () => {
    let fleet: Fleet;
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-check-colors-'));
    beforeAll(async () => {
      fleet = await startFleet({
        topology: await loadTopology('routers-10'),
        rest: false,
        netconf: false,
        sshPort: 0,
        commandLatencyMs: 0,
        freezeTime: true,
      });
    });
    afterAll(async () => {
      await fleet?.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const check = (...argv: string[]) => [
      'check',
      'routers-10',
      '--ssh-port',
      String(fleet.sshPort),
      ...argv,
    ];

    it('piped: plain, one "It took"; with FORCE_COLOR: the verdict in green; --output: plain', async () => {
      const plain = await run(check());
      expect(plain.code).toBe(0);
      expect(plain.out).not.toMatch(ESCAPE);
      expect(plain.out.match(/It took/g)).toHaveLength(1);
      const forced = await run(check(), { FORCE_COLOR: '1' });
      expect(forced.out).toMatch(
        `${ESC}[32mCabling 100% coincides with the documentation!${ESC}[39m\nIt took`,
      );
      expect(forced.out.match(/It took/g)).toHaveLength(1);
      const file = join(dir, 'report.txt');
      await run(check('--output', file), { FORCE_COLOR: '1' });
      expect(readFileSync(file, 'utf8')).not.toMatch(ESCAPE);
      expect(visible(forced.out)).toBe(
        readFileSync(file, 'utf8').replace(/It took .*/, visible(forced.out).match(/It took .*/)![0]),
      );
    }, 60_000);

    it('on a terminal: colours, without a progress bar in the report; NO_COLOR: none', async () => {
      const out = await onTerminal(check('--no-progress'));
      expect(out).toContain('\x1b[32mCabling 100% coincides with the documentation!\x1b[39m');
      expect(await onTerminal(check('--no-progress'), { NO_COLOR: '1' })).not.toMatch(ESCAPE);
    }, 60_000);
  });
});
