/** The fleet driven by real third-party clients: OpenSSH and netmiko. */
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, opensshExec, run, SSH_OPTIONS } from './clients.js';

let fleet: Fleet;
let first: InventoryDevice | undefined;
let second: InventoryDevice | undefined;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
  [first, second] = fleet.devices.filter((d) => d.platform === 'cisco_ios');
});
afterAll(() => fleet?.stop());

describe.skipIf(!available('openssh'))('OpenSSH', () => {
  it('runs a command over an exec channel', async () => {
    const { stdout } = await opensshExec(first!.host, first!.port!, 'show clock');
    expect(stdout).toBe('*09:30:00.000 UTC Thu Jan 15 2026\r\n');
  });

  it('is refused with the wrong password', async () => {
    await expect(opensshExec(first!.host, first!.port!, 'show clock', 'nope')).rejects.toMatchObject({
      code: 5,
    });
  });

  it('drives an interactive session with a PTY', async () => {
    const child = spawn(
      '/usr/bin/sshpass',
      [
        '-p',
        'admin',
        '/usr/bin/ssh',
        ...SSH_OPTIONS,
        '-tt',
        '-p',
        String(second!.port),
        `admin@${second!.host}`,
      ],
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
    await waitFor(new RegExp(`${second!.name}>$`));
    child.stdin.write('terminal length 0\r');
    await waitFor(new RegExp(`terminal length 0\r\n${second!.name}>$`));
    child.stdin.write('enable\r');
    await waitFor(/Password: $/);
    child.stdin.write('admin\r');
    await waitFor(new RegExp(`${second!.name}#$`));
    child.stdin.write('show clock\r');
    await waitFor(new RegExp(`show clock\r\n\\*09:30:00\\.000 UTC Thu Jan 15 2026\r\n${second!.name}#$`));
    child.stdin.write('exit\r');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });
});

describe.skipIf(!available('netmiko'))('netmiko (cisco_ios)', () => {
  it('logs in, sends commands, enables and configures', async () => {
    const device = first!;
    const port = fleet
      .runtime(device.name)!
      .state()
      .interfaces.find((i) => !i.mgmt)!.name;
    const driver = join(TEST_DIR, 'e2e', 'netmiko_driver.py');
    const args = [driver, device.host, String(device.port), 'admin', 'admin', 'admin', port];
    const { stdout } = await run(DEBIAN_PYTHON, args, { timeout: 60_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen.prompt_user).toBe(`${device.name}>`);
    expect(seen.clock).toBe('*09:30:00.000 UTC Thu Jan 15 2026');
    expect(seen.abbreviated).toBe(seen.clock);
    expect(seen.invalid).toBe(
      `${' '.repeat(device.name.length + 6)}^\n% Invalid input detected at '^' marker.\n`,
    );
    expect(seen.prompt_enable).toBe(`${device.name}#`);
    expect(seen.config_set).toContain(`${device.name}(config-if)#description set by netmiko`);
    expect(seen.in_config_after).toBe(false);
    expect(seen.in_config).toBe(true);
    expect(seen.prompt_end).toBe(`${device.name}#`);
    expect(fleet.runtime(device.name)!.config().interfaces.get(port)).toEqual({
      description: 'set by netmiko',
      shutdown: false,
    });
  }, 60_000);
});
