/**
 * `labfleet up` with its control API, as a user runs it (the built binary): the URL printed and in
 * the inventory, `ctl` steering the fleet through it, and the API closed with the fleet.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { captureIO, ROOT, waitUntil } from '../helpers.js';

function up(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-up-control-'));
  const ready = join(dir, 'ready.json');
  const inventory = join(dir, 'inventory.json');
  const child = spawn(process.execPath, [
    join(ROOT, 'dist', 'client', 'cli', 'main.js'),
    'up',
    'routers-10',
    '--ssh-port',
    '0',
    '--no-rest',
    '--no-netconf',
    '--latency',
    '0ms',
    '--ready-file',
    ready,
    '--inventory',
    inventory,
    ...args,
  ]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    ready: () => waitUntil(() => existsSync(ready), 'the ready file appears'),
    inventory: () =>
      JSON.parse(readFileSync(inventory, 'utf8')) as { control_url?: string; devices: unknown[] },
    out: () => out,
    err: () => err,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('labfleet up: the control API', () => {
  it('prints its URL, writes it as control_url, serves ctl, and closes with the fleet', async () => {
    const fleet = up([]);
    try {
      await fleet.ready();
      const url = /^control: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(fleet.out())?.[1];
      expect(url, fleet.out()).toBeDefined();
      const inventory = fleet.inventory();
      expect(Object.keys(inventory)).toEqual(['control_url', 'devices']);
      expect(inventory.control_url).toBe(url);
      const captured = captureIO();
      expect(await runCli(['ctl', 'unplug', 'R1:Gi2', '--control', url!], captured.io)).toBe(0);
      expect(captured.out).toBe('unplugged R1:Gi2; devices affected: R1, R2\n');
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await fleet.stop()).toBe(0);
      expect(fleet.out()).toMatch(/fleet stopped\n$/);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      await fleet.stop();
    }
  });

  it('--no-control: no API, no control_url', async () => {
    const fleet = up(['--no-control']);
    try {
      await fleet.ready();
      expect(fleet.out()).not.toContain('control:');
      expect(fleet.inventory().control_url).toBeUndefined();
    } finally {
      await fleet.stop();
    }
  });

  it('--control off loopback without a token: refused before any device starts', async () => {
    const fleet = up(['--control', '0.0.0.0:0']);
    expect(await fleet.exited).toBe(2);
    expect(fleet.err()).toMatch(
      /off loopback the control API needs a token.*--control-token <token>.*\[USAGE\]/,
    );
    expect(fleet.out()).toBe('');
  });

  it('--control-token: the API wants it, ctl passes it from LABFLEET_CONTROL_TOKEN', async () => {
    const fleet = up(['--control', '127.0.0.1:0', '--control-token', 'let-me-in']);
    try {
      await fleet.ready();
      const url = fleet.inventory().control_url!;
      expect((await fetch(`${url}/devices`)).status).toBe(401);
      const captured = captureIO();
      process.env.LABFLEET_CONTROL_TOKEN = 'let-me-in';
      try {
        expect(await runCli(['ctl', 'status', '--json', '--control', url], captured.io)).toBe(0);
      } finally {
        delete process.env.LABFLEET_CONTROL_TOKEN;
      }
      expect((JSON.parse(captured.out) as { devices: unknown[] }).devices).toHaveLength(10);
    } finally {
      await fleet.stop();
    }
  });
});
