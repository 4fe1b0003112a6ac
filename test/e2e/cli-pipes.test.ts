/**
 * The built binary under a reader that stops reading (`labfleet … | head -1`): every subcommand
 * ends quietly with 0, as Unix tools do, whether stdout or stderr is the pipe that closed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'labfleet-pipes-'));

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What the stream that stayed open received. */
  other: string;
}

/**
 * Runs the binary with `closed` ('stdout' or 'stderr') closed by its reader: at once, or (with
 * `afterFirstChunk`) once the first output arrived, as `head -1` does.
 */
function runClosing(argv: string[], closed: 'stdout' | 'stderr', afterFirstChunk = false): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  const open = closed === 'stdout' ? child.stderr : child.stdout;
  const reader = child[closed];
  let other = '';
  open.on('data', (chunk: Buffer) => (other += chunk.toString()));
  if (afterFirstChunk) reader.once('data', () => reader.destroy());
  else reader.destroy();
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, other })));
}

let lab: Fleet;
let sshArgs: string[];
beforeAll(async () => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
  lab = await startFleet({
    topology: await loadTopology('lab-100'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
  });
  sshArgs = ['lab-100', '--ssh-port', String(lab.sshPort)];
});
afterAll(() => lab?.stop());

describe('a closed stdout ends every subcommand quietly with 0', () => {
  it.each([
    ['validate', () => ['validate', 'lab-100']],
    ['schema', () => ['schema']],
    ['generate', () => ['generate', 'ring', '--nodes', '4']],
    ['check', () => ['check', ...sshArgs, '--no-progress']],
    ['collect', () => ['collect', 'arp', ...sshArgs]],
    ['collect --raw', () => ['collect', '--raw', 'show version', ...sshArgs]],
    ['demo', () => ['demo', 'routers-10', '--ssh-port', '0', '--latency', '0ms', '--sample', '1']],
    ['up', () => ['up', 'routers-10', '--ssh-port', '0', '--no-rest']],
    ['--help', () => ['--help']],
    ['--version', () => ['--version']],
  ])('%s', async (_name, argv) => {
    const ended = await runClosing(argv(), 'stdout');
    expect(ended).toEqual({ code: 0, signal: null, other: '' });
  });

  it('mid-stream: collect arp of 100 devices read up to its first chunk, as by head -1', async () => {
    const ended = await runClosing(['collect', 'arp', ...sshArgs], 'stdout', true);
    expect(ended).toEqual({ code: 0, signal: null, other: '' });
  });
});

describe('a closed stderr ends quietly with 0 too', () => {
  it('an error message with nobody to read it', async () => {
    const ended = await runClosing(['check', '--inventory', join(dir, 'missing.json')], 'stderr');
    expect(ended).toEqual({ code: 0, signal: null, other: '' });
  });

  it("collect's summary line, after the data went out on stdout", async () => {
    const ended = await runClosing(['collect', 'version', ...sshArgs], 'stderr');
    expect(ended.code).toBe(0);
    expect((JSON.parse(ended.other) as { devices: unknown[] }).devices).toHaveLength(100);
  });
});
