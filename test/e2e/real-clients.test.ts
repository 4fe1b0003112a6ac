/** The fleet driven by real third-party clients: OpenSSH and netmiko. */
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, opensshExec, run, SSH_OPTIONS } from './clients.js';

const PORT = 24102;
let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('routers-10'),
    sshPort: PORT,
    commandLatencyMs: 0,
    freezeTime: true,
  });
});
afterAll(() => fleet?.stop());

describe.skipIf(!available('openssh'))('OpenSSH', () => {
  it('runs a command over an exec channel', async () => {
    const { stdout } = await opensshExec('127.110.0.1', PORT, 'show clock');
    expect(stdout).toBe('*09:30:00.000 UTC Thu Jan 15 2026\r\n');
  });

  it('is refused with the wrong password', async () => {
    await expect(opensshExec('127.110.0.1', PORT, 'show clock', 'nope')).rejects.toMatchObject({ code: 5 });
  });

  it('drives an interactive session with a PTY', async () => {
    const child = spawn(
      '/usr/bin/sshpass',
      ['-p', 'admin', '/usr/bin/ssh', ...SSH_OPTIONS, '-tt', '-p', String(PORT), 'admin@127.110.0.2'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const waitFor = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} in ${JSON.stringify(out)}`)), 10_000);
        const poll = setInterval(() => {
          if (re.test(out)) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 10);
      });
    await waitFor(/R2>$/);
    child.stdin.write('terminal length 0\r');
    await waitFor(/terminal length 0\r\nR2>$/);
    child.stdin.write('enable\r');
    await waitFor(/Password: $/);
    child.stdin.write('admin\r');
    await waitFor(/R2#$/);
    child.stdin.write('show clock\r');
    await waitFor(/show clock\r\n\*09:30:00\.000 UTC Thu Jan 15 2026\r\nR2#$/);
    child.stdin.write('exit\r');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });
});

describe.skipIf(!available('netmiko'))('netmiko (cisco_ios)', () => {
  it('logs in, sends commands, enables and configures', async () => {
    const device = fleet.devices.find((d) => d.name === 'R3')!;
    const { stdout } = await run(
      DEBIAN_PYTHON,
      [
        join(TEST_DIR, 'e2e', 'netmiko_driver.py'),
        device.host,
        String(device.port),
        'admin',
        'admin',
        'admin',
      ],
      { timeout: 60_000 },
    );
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.prompt_user).toBe('R3>');
    expect(seen.clock).toBe('*09:30:00.000 UTC Thu Jan 15 2026');
    expect(seen.abbreviated).toBe(seen.clock);
    expect(seen.invalid).toBe("        ^\n% Invalid input detected at '^' marker.\n");
    expect(seen.prompt_enable).toBe('R3#');
    expect(seen.config_set).toContain('R3(config-if)#description set by netmiko');
    expect(seen.in_config_after).toBe(false);
    expect(seen.in_config).toBe(true);
    expect(seen.prompt_end).toBe('R3#');
    expect(fleet.runtime('R3')!.config().interfaces.get('GigabitEthernet2')).toEqual({
      description: 'set by netmiko',
      shutdown: false,
    });
  }, 60_000);
});
