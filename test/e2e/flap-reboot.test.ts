/**
 * Runtime faults seen by real clients over time (a running clock, no latency): a flapping link
 * comes and goes in CDP and LLDP neighbour tables and is logged; a reboot drops the open session,
 * refuses connections while it lasts, and comes back with its uptime and log buffer restarted.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, opensshExec, run, SSH_OPTIONS } from './clients.js';

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    rest: false,
    netconf: false,
    commandLatencyMs: 0,
  });
});
afterAll(() => fleet.stop());

const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** netmiko on one session: whether `needle` is in each of `count` answers, then the log. */
async function poll(
  type: string,
  name: string,
  command: string,
  needle: string,
  logCommand: string,
): Promise<{ seen: boolean[]; log: string }> {
  const d = device(name);
  const script = join(TEST_DIR, 'e2e', 'netmiko_poll.py');
  const args = [script, type, d.host, String(d.port), d.password, command, needle, '12', '0.1', logCommand];
  const { stdout } = await run(DEBIAN_PYTHON, args, { timeout: 90_000 });
  return JSON.parse(stdout) as { seen: boolean[]; log: string };
}

describe.skipIf(!available('netmiko'))('a flapping link seen by netmiko', () => {
  it(
    'IOS: the CDP neighbour goes and comes back; show logging gains the link and line protocol changes',
    { timeout: 120_000 },
    async () => {
      const fault = await fleet.control.addFault({
        kind: 'flap',
        devices: ['r1-sw01'],
        port: 'GigabitEthernet1/0/1',
        period: '600ms',
      });
      try {
        const { seen, log } = await poll(
          'cisco_ios',
          'r1-sw01',
          'show cdp neighbors',
          'r1-tor1',
          'show logging',
        );
        expect(seen).toContain(true);
        expect(seen).toContain(false);
        expect(log).toMatch(
          /^\*\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d{3}: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1\/0\/1, changed state to down$/m,
        );
        expect(log).toMatch(/: %LINK-3-UPDOWN: Interface GigabitEthernet1\/0\/1, changed state to up$/m);
        // The runtime changes come after everything the box logged before the fleet started.
        const lines = log.split('\n');
        const firstRuntime = lines.findIndex((l) =>
          l.includes('GigabitEthernet1/0/1, changed state to down'),
        );
        expect(lines.slice(firstRuntime).every((l) => l.includes('GigabitEthernet1/0/1'))).toBe(true);
      } finally {
        await fleet.control.removeFault(fault.id);
      }
    },
  );

  it(
    'EOS: the LLDP neighbour goes and comes back; show logging gains Ebra lines',
    { timeout: 120_000 },
    async () => {
      const fault = await fleet.control.addFault({
        kind: 'flap',
        devices: ['r1-ar12'],
        port: 'Ethernet1',
        period: '600ms',
      });
      try {
        const { seen, log } = await poll(
          'arista_eos',
          'r1-ar12',
          'show lldp neighbors',
          'r1-tor1',
          'show logging',
        );
        expect(seen).toContain(true);
        expect(seen).toContain(false);
        expect(log).toMatch(/ r1-ar12 Ebra: %LINK-3-UPDOWN: Interface Ethernet1, changed state to down$/m);
        expect(log).toMatch(/ r1-ar12 Ebra: %LINK-3-UPDOWN: Interface Ethernet1, changed state to up$/m);
      } finally {
        await fleet.control.removeFault(fault.id);
      }
    },
  );
});

/** An interactive OpenSSH session: resolves with its exit once the server drops it. */
function openSession(d: InventoryDevice) {
  const child = spawn(
    '/usr/bin/sshpass',
    ['-p', d.password, '/usr/bin/ssh', ...SSH_OPTIONS, '-tt', '-p', String(d.port), `admin@${d.host}`],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('latin1')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function until(what: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await what()) return true;
    await sleep(50);
  }
  return false;
}

describe.skipIf(!available('openssh'))('a reboot seen by OpenSSH', () => {
  it('drops the open session, refuses connections while down, returns with uptime and log restarted', async () => {
    const d = device('r1-sw02');
    const before = (await opensshExec(d.host, d.port!, 'show version', d.password)).stdout;
    expect(before).toMatch(/^r1-sw02 uptime is \d+ (week|day)/m);
    const session = openSession(d);
    try {
      expect(await until(() => session.output().includes('r1-sw02>'), 20_000)).toBe(true);
      const rebooting = fleet.control.addFault({ kind: 'reboot', devices: ['r1-sw02'], downtime: '1500ms' });
      // The session is dropped as the box goes down: ssh exits on its own.
      const code = await Promise.race([session.exited, sleep(10_000).then(() => 'still open')]);
      expect(code).not.toBe('still open');
      expect(fleet.control.device('r1-sw02').availability).toBe('rebooting');
      const refused = await opensshExec(d.host, d.port!, 'show version', d.password).catch(
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(refused).toMatchObject({ code: 255 });
      expect((refused as { stderr: string }).stderr).toMatch(/Connection refused/);
      await rebooting;
      expect(await until(() => fleet.control.device('r1-sw02').availability === 'up', 10_000)).toBe(true);
      const after = (await opensshExec(d.host, d.port!, 'show version', d.password)).stdout;
      expect(after).toMatch(/^r1-sw02 uptime is 0 minutes$/m);
      const log = (await opensshExec(d.host, d.port!, 'show logging', d.password)).stdout;
      const buffer = log.slice(log.indexOf('Log Buffer'));
      expect(buffer.split(/\r?\n/)[2]).toMatch(
        /^\*\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d{3}: %SYS-5-RESTART: System restarted --$/,
      );
    } finally {
      session.child.kill();
      await fleet.control.clearFaults();
    }
  });
});
