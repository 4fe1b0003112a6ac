/**
 * Per-device faults on SSH, seen by real clients: OpenSSH for the connection-level kinds (hang,
 * slow-banner, auth-fail, vty-full), netmiko for the command-level ones (slow, command-hang,
 * drop-mid-output, garble), each applied and lifted at runtime through the fleet's control, with
 * the device's counters moving as the sessions go.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { TEST_DIR, waitUntil } from '../helpers.js';
import { available, DEBIAN_PYTHON, run, SSH_OPTIONS } from '../e2e/clients.js';
import { connect, exec } from '../e2e/ssh.js';
import { startStepper } from './steps.js';

const TOPOLOGY = `
name: ssh-faults
seed: 12
defaults: { kind: cisco_ios }
mgmt: { pool: 127.112.12.0/24 }
nodes:
  R1: {}
  R2: {}
  R3: { ssh: { login_grace: 1s, max_startups: 2 } }
  R4: {}
  R5: {}
`;

let fleet: Fleet;
let logs: string;
const at = (name: string) => {
  const device = fleet.devices.find((d) => d.name === name)!;
  return { host: device.host, port: device.port! };
};
const counters = (name: string) => fleet.control.device(name).counters;

beforeAll(async () => {
  fleet = await startFleet({
    topology: parseTopology(TOPOLOGY),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
  logs = mkdtempSync(join(tmpdir(), 'labfleet-ssh-faults-'));
});
afterEach(async () => {
  await fleet.control.clearFaults();
});
afterAll(async () => {
  await fleet?.stop();
  rmSync(logs, { recursive: true, force: true });
});

/** OpenSSH runs one command; resolves with its exit code, stdout, stderr and the seconds it took. */
async function ssh(name: string, command: string, connectTimeout = 10) {
  const { host, port } = at(name);
  // One password prompt: a refused password ends in ssh's own "Permission denied" (exit 255)
  // rather than sshpass giving up on a second prompt (exit 5).
  const options = [
    ...SSH_OPTIONS.slice(0, -2),
    '-o',
    `ConnectTimeout=${connectTimeout}`,
    '-o',
    'PreferredAuthentications=password',
    '-o',
    'NumberOfPasswordPrompts=1',
  ];
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(
      '/usr/bin/sshpass',
      ['-p', 'admin', '/usr/bin/ssh', ...options, '-p', String(port), `admin@${host}`, command],
      { timeout: 20_000 },
    );
    return { code: 0, stdout, stderr, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
      seconds: (performance.now() - started) / 1000,
    };
  }
}

/** A raw TCP connection: the first bytes within `ms` ('closed' when the server closes first, '' when none). */
function firstBytes(name: string, ms: number): Promise<{ seen: string; afterMs: number }> {
  const { host, port } = at(name);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = tcpConnect({ host, port });
    const done = (seen: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ seen, afterMs: performance.now() - started });
    };
    const timer = setTimeout(() => done(''), ms);
    socket.once('data', (d) => done(d.toString('latin1').split('\r\n')[0]!));
    socket.once('close', () => done('closed'));
    socket.once('error', () => done('closed'));
  });
}

const openssh = available('openssh');
const netmiko = available('netmiko');

describe.runIf(openssh)('connection-level faults, seen by OpenSSH', () => {
  it('hang: the TCP connection opens but no banner comes; ssh times out; lifted, it logs in again', async () => {
    const fault = await fleet.control.addFault({ kind: 'hang', devices: ['R1'] });
    expect((await firstBytes('R1', 500)).seen).toBe('');
    const seen = await ssh('R1', 'show clock', 2);
    expect(seen.code).toBe(255);
    expect(seen.stderr).toMatch(/timed out during banner exchange/);
    await fleet.control.removeFault(fault.id);
    const again = await ssh('R1', 'show clock');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('UTC');
  }, 30_000);

  it('hang: held connections count against MaxStartups and go at the login grace', async () => {
    const fault = await fleet.control.addFault({ kind: 'hang', devices: ['R3'] });
    const held = [firstBytes('R3', 3000), firstBytes('R3', 3000)];
    await new Promise((r) => setTimeout(r, 200));
    expect(fleet.runtime('R3')!.startups).toBe(2);
    // A third, past max_startups 2: dropped at once, as sshd drops it.
    expect((await firstBytes('R3', 1000)).seen).toBe('closed');
    // The held two are closed at the 1 s login grace, having seen nothing.
    for (const h of await Promise.all(held)) {
      expect(h.seen).toBe('closed');
      expect(h.afterMs).toBeGreaterThanOrEqual(900);
      expect(h.afterMs).toBeLessThan(2900);
    }
    await waitUntil(() => fleet.runtime('R3')!.startups === 0, 'R3 holds no startup slot', 3000);
    await fleet.control.removeFault(fault.id);
    expect((await firstBytes('R3', 2000)).seen).toMatch(/^SSH-2\.0-/);
  }, 30_000);

  it('slow-banner: the banner comes after the delay, and ssh logs in late; lifted, at once', async () => {
    const fault = await fleet.control.addFault({ kind: 'slow-banner', devices: ['R2'], delay: '800ms' });
    const banner = await firstBytes('R2', 3000);
    expect(banner.seen).toMatch(/^SSH-2\.0-Cisco/);
    expect(banner.afterMs).toBeGreaterThanOrEqual(790);
    const seen = await ssh('R2', 'show clock');
    expect(seen.code).toBe(0);
    expect(seen.stdout).toContain('UTC');
    expect(seen.seconds).toBeGreaterThanOrEqual(0.79);
    await fleet.control.removeFault(fault.id);
    expect((await firstBytes('R2', 3000)).afterMs).toBeLessThan(790);
  }, 30_000);

  it('auth-fail: the right password is denied, each attempt counted; lifted, it logs in', async () => {
    const before = { ...counters('R4').ssh };
    const fault = await fleet.control.addFault({ kind: 'auth-fail', devices: ['R4'] });
    const seen = await ssh('R4', 'show clock');
    expect(seen.code).toBe(255);
    expect(seen.stderr).toMatch(/Permission denied/);
    const after = counters('R4').ssh!;
    expect(after.authFailures).toBeGreaterThan(before.authFailures ?? 0);
    expect(after.logins).toBe(before.logins ?? 0);
    await fleet.control.removeFault(fault.id);
    const again = await ssh('R4', 'show clock');
    expect(again.code).toBe(0);
    expect(counters('R4').ssh!.logins).toBe((before.logins ?? 0) + 1);
  }, 30_000);

  it('down: ssh meets "Connection refused", as at a box that is off; lifted, it logs in again', async () => {
    const fault = await fleet.control.addFault({ kind: 'down', devices: ['R5'] });
    expect(fleet.control.device('R5').availability).toBe('down');
    const seen = await ssh('R5', 'show clock', 3);
    expect(seen.code).toBe(255);
    expect(seen.stderr).toMatch(/Connection refused/);
    await fleet.control.removeFault(fault.id);
    expect((await ssh('R5', 'show clock')).code).toBe(0);
  }, 30_000);

  it('vty-full: the box takes the TCP connection and closes it before its banner; lifted, it serves', async () => {
    const fault = await fleet.control.addFault({ kind: 'vty-full', devices: ['R4'] });
    expect((await firstBytes('R4', 2000)).seen).toBe('closed');
    const seen = await ssh('R4', 'show clock');
    expect(seen.code).toBe(255);
    expect(seen.stderr).toMatch(/kex_exchange_identification|Connection (closed|reset)/);
    await fleet.control.removeFault(fault.id);
    expect((await ssh('R4', 'show clock')).code).toBe(0);
  }, 30_000);
});

interface NetmikoStep {
  output: string | null;
  error: string | null;
  seconds: number;
  alive: boolean;
  log: string;
}

const NETMIKO = join(TEST_DIR, 'faults', 'netmiko_steps.py');
const netmikoOn = (name: string, log: string) => {
  const { host, port } = at(name);
  return startStepper(DEBIAN_PYTHON, [NETMIKO, host, String(port), join(logs, log)]);
};

describe.runIf(netmiko)('command-level faults, seen by netmiko', () => {
  it('garble corrupts the output, slow adds outliers, command-hang never returns; each lifted cleanly', async () => {
    const session = await netmikoOn('R1', 'r1.log');
    try {
      const run = (command: string, max_loops = 500) => session.step<NetmikoStep>({ command, max_loops });
      const clean = await run('show version');
      expect(clean.error).toBeNull();
      expect(clean.output).toContain('Cisco IOS');

      const garble = await fleet.control.addFault({ kind: 'garble', devices: ['R1'], rate: 0.2 });
      const garbled = await run('show version');
      expect(garbled.error).toBeNull();
      expect(garbled.output).not.toBe(clean.output);
      // Only characters are replaced: the lines are where they were.
      expect(garbled.output!.split('\n').length).toBe(clean.output!.split('\n').length);
      await fleet.control.removeFault(garble.id);
      expect((await run('show version')).output).toBe(clean.output);

      const slow = await fleet.control.addFault({ kind: 'slow', devices: ['R1'], rate: 1, delay: '1s' });
      const outlier = await run('show clock');
      expect(outlier.error).toBeNull();
      expect(outlier.seconds).toBeGreaterThanOrEqual(1);
      await fleet.control.removeFault(slow.id);
      expect((await run('show clock')).seconds).toBeLessThan(1);

      const hang = await fleet.control.addFault({ kind: 'command-hang', devices: ['R1'] });
      // max_loops 10 at netmiko's 0.2 s a loop: it gives up after about 2 s without a prompt.
      const hung = await run('show clock', 10);
      expect(hung.error).toMatch(/Search pattern never detected/);
      expect(hung.alive).toBe(true);
      expect(hung.log).not.toMatch(/UTC/);
      await fleet.control.removeFault(hang.id);
    } finally {
      await session.close();
    }
    // The hung session closed with the client; a new one answers.
    const fresh = await netmikoOn('R1', 'r1-fresh.log');
    try {
      expect((await fresh.step<NetmikoStep>({ command: 'show clock' })).output).toContain('UTC');
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('drop-mid-output: part of the output arrives, then the connection is gone', async () => {
    const session = await netmikoOn('R2', 'r2.log');
    let fault: { id: string } | undefined;
    try {
      const clean = await session.step<NetmikoStep>({ command: 'show version' });
      fault = await fleet.control.addFault({ kind: 'drop-mid-output', devices: ['R2'] });
      const dropped = await session.step<NetmikoStep>({ command: 'show version', max_loops: 10 });
      expect(dropped.error).not.toBeNull();
      expect(dropped.alive).toBe(false);
      const firstLine = clean.output!.split('\n')[0]!;
      expect(dropped.log).toContain(firstLine);
      expect(dropped.log.length).toBeLessThan(clean.output!.length);
    } finally {
      await session.close();
      if (fault) await fleet.control.removeFault(fault.id);
    }
    expect((await ssh('R2', 'show clock')).stdout).toContain('UTC');
  }, 60_000);
});

describe('exec channels and counters', () => {
  it('exec: drop-mid-output cuts the answer and the connection; command-hang sends nothing', async () => {
    const clean = await new Promise<string>((resolve, reject) => {
      connect(at('R4')).then(
        (c) => exec(c, 'show version').then((o) => (c.end(), resolve(o)), reject),
        reject,
      );
    });
    const drop = await fleet.control.addFault({ kind: 'drop-mid-output', devices: ['R4'] });
    const client = await connect(at('R4'));
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const cut = await exec(client, 'show version');
    await closed;
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.length).toBeLessThan(clean.length);
    expect(clean.startsWith(cut)).toBe(true);
    await fleet.control.removeFault(drop.id);

    const hang = await fleet.control.addFault({ kind: 'command-hang', devices: ['R4'] });
    const held = await connect(at('R4'));
    let got = '';
    held.exec('show clock', (error, channel) => {
      if (!error) channel.on('data', (d: Buffer) => (got += d.toString()));
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(got).toBe('');
    expect(counters('R4').ssh!.sessions).toBe(1);
    held.end();
    await waitUntil(() => counters('R4').ssh!.sessions === 0, 'R4 has no SSH session', 3000);
    await fleet.control.removeFault(hang.id);
  }, 30_000);

  it('counts logins, commands, bytes and sessions over SSH', async () => {
    const before = counters('R1').ssh ?? {
      logins: 0,
      commands: 0,
      bytesSent: 0,
      sessions: 0,
      authFailures: 0,
    };
    const client = await connect(at('R1'));
    const output = await exec(client, 'show version');
    await exec(client, 'show clock');
    const during = counters('R1').ssh!;
    client.end();
    expect(during.logins).toBe(before.logins + 1);
    expect(during.commands).toBe(before.commands + 2);
    expect(during.bytesSent).toBeGreaterThanOrEqual(before.bytesSent + output.length);
    await waitUntil(() => counters('R1').ssh!.sessions === 0, 'R1 has no SSH session', 3000);
  });

  it('the same seed garbles the same command the same way', async () => {
    const garbledOnce = async () => {
      const own = await startFleet({
        topology: parseTopology(TOPOLOGY),
        rest: false,
        sshPort: 0,
        netconf: false,
        commandLatencyMs: 0,
        freezeTime: true,
      });
      try {
        await own.control.addFault({ kind: 'garble', devices: ['R1'], rate: 0.3 });
        const d = own.devices.find((x) => x.name === 'R1')!;
        const c = await connect({ host: d.host, port: d.port! });
        const out = [await exec(c, 'show version'), await exec(c, 'show ip interface brief')];
        c.end();
        return out;
      } finally {
        await own.stop();
      }
    };
    const [a, b] = [await garbledOnce(), await garbledOnce()];
    expect(a).toEqual(b);
  }, 30_000);
});
