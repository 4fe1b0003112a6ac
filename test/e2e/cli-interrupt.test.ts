/**
 * Ctrl-C during check, collect and demo, on the built binary against a slow fleet: the run stops,
 * what had finished is reported (marked interrupted), the exit code is 130, and on a terminal the
 * progress bar's escape codes (cursor hidden, line wrap off) are undone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../client/collect.js';
import type { CablingReport } from '../../client/verify/verifier.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');

interface Ended {
  code: number | null;
  out: string;
  err: string;
}

function ended(child: ChildProcess): Promise<Ended> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('latin1')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('latin1')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** Resolves once `done()` holds, checking every 50 ms; fails after 20 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** routers-10 at 300 ms a command: a check one device at a time takes about 15 s. */
let slow: Fleet;
let args: string[];
beforeAll(async () => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
  slow = await startFleet({
    topology: await loadTopology('routers-10'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 300,
  });
  args = ['routers-10', '--ssh-port', String(slow.sshPort), '--concurrency', '1', '--retries', '0'];
});
afterAll(() => slow?.stop());

/** One device at a time: once R2 has a session, R1 has finished. */
const secondDeviceStarted = () => (slow.runtime('R2')?.sessions ?? 0) > 0;

describe('Ctrl-C', () => {
  it('during check: the devices that finished are reported, the rest marked interrupted; exit 130', async () => {
    const child = spawn(process.execPath, [BIN, 'check', ...args, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = ended(child);
    await until(secondDeviceStarted, 'R2 is being checked');
    child.kill('SIGINT');
    const { code, out, err } = await result;
    expect(err).toBe('');
    const report = JSON.parse(out) as CablingReport;
    expect(report.interrupted!.unfinished).toBeGreaterThanOrEqual(1);
    expect(report.interrupted!.unfinished).toBeLessThan(10);
    expect(report.devices).toEqual({ total: 10, checked: 10 - report.interrupted!.unfinished });
    expect(report.unverifiable.filter((u) => u.code === 'INTERRUPTED')).toHaveLength(
      report.interrupted!.unfinished,
    );
    expect(report.ok).toBe(false);
    expect(code).toBe(130);
  });

  it('SIGTERM during check (a CI job timing out) does the same: the partial report, exit 130', async () => {
    const child = spawn(process.execPath, [BIN, 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result = ended(child);
    await until(secondDeviceStarted, 'R2 is being checked');
    child.kill('SIGTERM');
    const { code, out } = await result;
    expect(out).toMatch(
      /(^|\n)INTERRUPTED: Ctrl-C or SIGTERM stopped the check; \d+ of 10 devices were not finished/,
    );
    expect(code).toBe(130);
  });

  it('during collect: finished devices keep their data, the others have status interrupted', async () => {
    const child = spawn(process.execPath, [BIN, 'collect', 'version', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = ended(child);
    await until(secondDeviceStarted, 'R2 is being collected');
    child.kill('SIGINT');
    const { code, out, err } = await result;
    const { devices } = JSON.parse(out) as { devices: DeviceResult[] };
    expect(devices[0]).toMatchObject({ device: 'R1', status: 'ok', version: { hostname: 'R1' } });
    const unfinished = devices.filter((d) => d.status === 'interrupted');
    expect(unfinished.length).toBeGreaterThanOrEqual(1);
    expect(unfinished.every((d) => d.error?.code === 'INTERRUPTED')).toBe(true);
    expect(err).toMatch(/; \d+ not finished \(interrupted by Ctrl-C or SIGTERM\)\n$/);
    expect(code).toBe(130);
  });

  it('during demo: the partial report of the run under way, the fleet stopped, exit 130', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'demo', 'routers-10', '--ssh-port', '0', '--latency', '300ms', '--sample', '10'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const result = ended(child);
    await until(() => out.includes('Sequentially'), 'the sequential run started');
    child.kill('SIGINT');
    const { code } = await result;
    expect(out).toMatch(
      /(^|\n)INTERRUPTED: Ctrl-C or SIGTERM stopped the check; \d+ of 10 devices were not finished/,
    );
    expect(code).toBe(130);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)(
    'on a terminal: the progress bar is stopped and the cursor and line wrap are back before the report',
    async () => {
      // util-linux script gives the CLI a pseudo-terminal; ^C typed on it is SIGINT, as at a shell
      const command = [process.execPath, BIN, 'check', ...args].join(' ');
      const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let screen = '';
      child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('latin1')));
      const result = ended(child);
      await until(() => screen.includes('1/10 devices'), 'the bar shows a finished device');
      child.stdin.write('\x03');
      const { code } = await result;
      const started = screen.indexOf('\x1b[?25l'); // cli-progress: cursor hidden …
      expect(started).toBeGreaterThanOrEqual(0);
      expect(screen.indexOf('\x1b[?7l')).toBeGreaterThan(started); // … and line wrap off
      // on a terminal the keyword is in colour: look for the sentence after it
      const report = screen.indexOf(': Ctrl-C or SIGTERM stopped the check');
      const restored = screen.slice(started, report);
      expect(restored).toContain('\x1b[?25h'); // cursor shown
      expect(restored).toContain('\x1b[?7h'); // line wrap on
      expect(report).toBeGreaterThan(started);
      expect(code).toBe(130);
    },
  );
});
