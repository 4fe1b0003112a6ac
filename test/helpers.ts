/** Shared test helpers: paths, fixtures, golden files, captured CLI output a closed port and a probe of one. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { runCli } from '../client/cli/program.js';
import { probeFreePort } from '../simulator/fleet/pick-ports.js';
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

/** Runs the CLI in-process with its output captured: its exit code, stdout and stderr. */
export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const captured = captureIO();
  const code = await runCli(argv, captured.io);
  return { code, out: captured.out, err: captured.err };
}

/**
 * A port nothing listens on at `host`, for connection-refused tests: one the OS found free there,
 * closed again. Another program could take it before the test connects, but unlike a hand-picked
 * number it is not the same port in every run and every parallel test file.
 */
export function closedPort(host = '127.0.0.1'): Promise<number> {
  return probeFreePort(host);
}

/** Connects to a port: 'refused', another error's code, or the first line the port sends (an SSH banner). */
export function probe(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('latin1').split('\r\n')[0]!);
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : error.code!),
    );
  });
}

/**
 * Resolves once `done()` holds, checking every 20 ms; throws naming `what` after `timeoutMs`: the
 * one bounded wait of tests that watch a process, a file or a counter.
 */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
