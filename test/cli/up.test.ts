/** `labfleet up` as a user runs it: the built binary, a ready file, an inventory, SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { execOnce } from '../e2e/ssh.js';
import { ROOT } from '../helpers.js';

async function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `up routers-10` with `args`, once its ready file is there: its inventory, its output so far, and a stop. */
async function up(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-up-'));
  const ready = join(dir, 'ready.json');
  const inventory = join(dir, 'inventory.json');
  const child = spawn(process.execPath, [
    join(ROOT, 'dist', 'client', 'cli', 'main.js'),
    'up',
    'routers-10',
    '--ssh-port',
    '0',
    '--latency',
    '0ms',
    '--ready-file',
    ready,
    '--inventory',
    inventory,
    '--freeze-time',
    ...args,
  ]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitForFile(ready);
  const { devices } = JSON.parse(readFileSync(inventory, 'utf8')) as { devices: InventoryDevice[] };
  return {
    ready: JSON.parse(readFileSync(ready, 'utf8')) as unknown,
    devices,
    out: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('labfleet up', () => {
  it('starts, writes the ready file and inventory, serves, and exits 0 on SIGTERM', async () => {
    const cert = join(mkdtempSync(join(tmpdir(), 'labfleet-up-')), 'rest.pem');
    const fleet = await up(['--rest-port', '0', '--rest-cert', cert]);
    expect(fleet.ready).toMatchObject({ topology: 'routers-10', devices: 10 });
    // Port 0: the OS picked one SSH, one REST and one NETCONF port, which the inventory reports.
    const { devices } = fleet;
    const sshPort = devices[0]!.port!;
    const restPort = Number(new URL(devices[0]!.rest_url!).port);
    const netconfPort = devices[0]!.netconf_port!;
    expect(sshPort).toBeGreaterThan(0);
    expect(restPort).toBeGreaterThan(0);
    expect(netconfPort).toBeGreaterThan(0);
    expect(new Set([sshPort, restPort, netconfPort]).size).toBe(3);
    expect(fleet.out()).toMatch(
      new RegExp(
        `^routers-10: 10 devices up, 10 over SSH \\(127\\.110\\.0\\.1:${sshPort} … 127\\.110\\.0\\.10:${sshPort}\\), 10 over REST \\(https://127\\.110\\.0\\.1:${restPort} … https://127\\.110\\.0\\.10:${restPort}\\), 10 over NETCONF \\(127\\.110\\.0\\.1:${netconfPort} … 127\\.110\\.0\\.10:${netconfPort}\\) in \\d+\\.\\d\\d s; Ctrl-C stops\n`,
      ),
    );
    expect(devices[0]).toEqual({
      name: 'R1',
      platform: 'cisco_ios',
      model: 'CSR1000V',
      host: '127.110.0.1',
      port: sshPort,
      username: 'admin',
      password: 'admin',
      secret: 'admin',
      rest_url: `https://127.110.0.1:${restPort}`,
      netconf_port: netconfPort,
    });
    expect(readFileSync(cert, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(await execOnce({ host: devices[9]!.host, port: devices[9]!.port }, 'show clock')).toContain(
      '2026',
    );
    expect(await fleet.stop()).toBe(0);
    expect(fleet.out()).toContain('fleet stopped');
  }, 30_000);

  it('--no-netconf: no NETCONF port in the inventory or the start-up line', async () => {
    const fleet = await up(['--no-rest', '--no-netconf']);
    try {
      expect(fleet.devices).toHaveLength(10);
      for (const d of fleet.devices) expect(d).not.toHaveProperty('netconf_port');
      expect(fleet.out()).toMatch(
        /^routers-10: 10 devices up, 10 over SSH \([^)]*\) in \d+\.\d\d s; Ctrl-C stops\n/,
      );
    } finally {
      expect(await fleet.stop()).toBe(0);
    }
  }, 30_000);
});
