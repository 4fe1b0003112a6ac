/**
 * CLI start as a user pays it: whole processes of the built binary, spawn to exit (`--version`,
 * `--help`, `check --help`), next to `node -e 0` on the same machine at the same moment; and `check`
 * from spawn to its first TCP connection, accepted by a listener of our own named in the inventory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Row } from './fleet.js';

const BIN = fileURLToPath(new URL('../../client/cli/main.js', import.meta.url));
const RUNS = 10;
/** A spawn that takes longer than this is stuck, not slow. */
const STUCK_MS = 30_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds from spawn to exit; refuses a non-zero exit (the figure would be of an error). */
function timeProcess(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STUCK_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(performance.now() - start);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}`));
    });
  });
}

/**
 * Milliseconds from spawning `check <topology> --inventory` to the first connection its one device
 * (a listener that accepts and says nothing) receives; the process is then ended.
 */
async function timeFirstConnection(topology: string, dir: string): Promise<number> {
  let connected: (at: number) => void = () => undefined;
  const firstConnection = new Promise<number>((resolve) => (connected = resolve));
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connected(performance.now());
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const inventory = join(dir, `inventory-${port}.json`);
  writeFileSync(
    inventory,
    JSON.stringify({ devices: [{ name: 'r1', platform: 'cisco_ios', host: '127.0.0.1', port }] }),
  );
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [BIN, 'check', topology, '--inventory', inventory, '--no-progress', '--timeout', '20s'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), STUCK_MS);
  try {
    const at = await Promise.race([
      firstConnection,
      exited.then(() => Promise.reject(new Error(`check ${topology} ended before connecting`))),
    ]);
    return at - start;
  } finally {
    clearTimeout(timer);
    child.kill('SIGKILL');
    await exited;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function medianOf(runs: number, sample: () => Promise<number>): Promise<number> {
  await sample(); // warm-up: the file system cache, not the figure
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await sample());
  return median(samples);
}

export async function benchCli(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-bench-cli-'));
  try {
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    const node = await medianOf(RUNS, () => timeProcess(['-e', '0']));
    const version = await medianOf(RUNS, () => timeProcess([BIN, '--version']));
    const help = await medianOf(RUNS, () => timeProcess([BIN, '--help']));
    const checkHelp = await medianOf(RUNS, () => timeProcess([BIN, 'check', '--help']));
    const small = await medianOf(RUNS, () => timeFirstConnection('routers-10', dir));
    const lab = await medianOf(RUNS, () => timeFirstConnection('lab-100', dir));
    const over = (value: number) => `${ms(value)} (node -e 0 + ${ms(value - node)})`;
    // Node 20 reads the whole NODE_EXTRA_CA_CERTS bundle as it starts, before any of our code:
    // where the environment sets it, the floor is measured without it too, and --version beside.
    const withoutCa: Row[] = [];
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      const bare = await medianOf(RUNS, () => timeProcess(['-e', '0'], env));
      const bareVersion = await medianOf(RUNS, () => timeProcess([BIN, '--version'], env));
      withoutCa.push(
        { what: 'CLI start: node -e 0 without NODE_EXTRA_CA_CERTS (set here)', value: ms(bare) },
        {
          what: 'CLI start: labfleet --version without NODE_EXTRA_CA_CERTS, spawn to exit',
          value: `${ms(bareVersion)} (node -e 0 + ${ms(bareVersion - bare)})`,
        },
      );
    }
    return [
      ...withoutCa,
      { what: `CLI start: node -e 0 (the floor), median of ${RUNS} processes`, value: ms(node) },
      { what: 'CLI start: labfleet --version, spawn to exit', value: over(version) },
      { what: 'CLI start: labfleet --help, spawn to exit', value: over(help) },
      { what: 'CLI start: labfleet check --help, spawn to exit', value: over(checkHelp) },
      {
        what: 'CLI start: check routers-10 --inventory, spawn to first connection',
        value: over(small),
      },
      {
        what: 'CLI start: check lab-100 --inventory (100-device documentation), spawn to first connection',
        value: over(lab),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
