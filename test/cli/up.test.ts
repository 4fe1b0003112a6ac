/** `labfleet up` as a user runs it: the built binary, a ready file, an inventory, SIGTERM. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderInventory, type InventoryDevice } from '../../simulator/fleet/inventory.js';
import { execOnce } from '../e2e/ssh.js';
import { captureIO, ROOT } from '../helpers.js';
import { runCli } from '../../client/cli/program.js';
import { loadInventory } from '../../client/inventory.js';

const PORT = 24105;
const REST_PORT = 24155;

async function waitForFile(file: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('labfleet up', () => {
  it('starts, writes the ready file and inventory, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-up-'));
    const ready = join(dir, 'ready.json');
    const inventory = join(dir, 'inventory.json');
    const cert = join(dir, 'rest.pem');
    const child = spawn(process.execPath, [
      join(ROOT, 'dist', 'client', 'cli', 'main.js'),
      'up',
      'routers-10',
      '--ssh-port',
      String(PORT),
      '--rest-port',
      String(REST_PORT),
      '--rest-cert',
      cert,
      '--latency',
      '0ms',
      '--ready-file',
      ready,
      '--inventory',
      inventory,
      '--freeze-time',
    ]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitForFile(ready);
    expect(JSON.parse(readFileSync(ready, 'utf8'))).toMatchObject({ topology: 'routers-10', devices: 10 });
    expect(out).toMatch(
      /^routers-10: 10 devices up, 10 over SSH \(127\.110\.0\.1:24105 … 127\.110\.0\.10:24105\), 10 over REST \(https:\/\/127\.110\.0\.1:24155 … https:\/\/127\.110\.0\.10:24155\) in \d+\.\d\d s; Ctrl-C stops\n/,
    );
    const { devices } = JSON.parse(readFileSync(inventory, 'utf8')) as { devices: InventoryDevice[] };
    expect(devices[0]).toEqual({
      name: 'R1',
      platform: 'cisco_ios',
      model: 'CSR1000V',
      host: '127.110.0.1',
      port: PORT,
      username: 'admin',
      password: 'admin',
      secret: 'admin',
      rest_url: `https://127.110.0.1:${REST_PORT}`,
    });
    expect(readFileSync(cert, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(await execOnce({ host: devices[9]!.host, port: devices[9]!.port }, 'show clock')).toContain(
      '2026',
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('fleet stopped');
  }, 30_000);

  it.each([
    [['up', 'routers-10', '--bind', 'ports'], /--bind "ports" is not supported; valid: ip, port/],
    [['up', 'routers-10', '--latency', 'fast'], /--latency "fast" is not a duration/],
    [
      ['up', 'routers-10', '--inventory-format', 'xml'],
      /--inventory-format "xml" is not supported; valid: json, ansible, nornir, csv/,
    ],
    [['up', 'routers-10', '--ssh-port', '70000'], /--ssh-port must be a whole number from 1 to 65535/],
    [['up', 'routers-10', '--rest-port', 'https'], /--rest-port must be a whole number from 1 to 65535/],
    [
      ['up', 'routers-10', '--rest-plain', '--rest-cert', 'x.pem'],
      /--rest-cert writes the HTTPS certificate, but --rest-plain serves none/,
    ],
    [
      ['up', 'routers-10', '--bind', 'port', '--ssh-port', '30000', '--rest-port', '30005'],
      /SSH ports 30000-30009 and REST ports 30005-30014 overlap/,
    ],
    [['up', 'routers-10', '--bind', 'port', '--ssh-port', '65530'], /SSH ports 65530-65539 run past 65535/],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const captured = captureIO();
    expect(await runCli(argv, captured.io)).toBe(2);
    expect(captured.err).toMatch(message);
  });
});

describe('inventories', () => {
  const devices: InventoryDevice[] = [
    {
      name: 'R1',
      platform: 'cisco_ios',
      model: 'CSR1000V',
      host: '127.110.0.1',
      port: 2222,
      username: 'admin',
      password: 'pa,ss',
      secret: 'en',
    },
    {
      name: 'sw1',
      platform: 'arista_eos',
      model: 'vEOS',
      host: '127.110.0.2',
      port: 2222,
      username: 'admin',
      password: 'admin',
      secret: 'admin',
    },
  ];

  it('writes Ansible groups per platform with ansible_network_os', () => {
    const inventory = parse(renderInventory(devices, 'ansible')) as {
      all: {
        children: Record<
          string,
          { vars: Record<string, unknown>; hosts: Record<string, Record<string, unknown>> }
        >;
      };
    };
    expect(inventory.all.children.cisco_ios?.vars.ansible_network_os).toBe('cisco.ios.ios');
    expect(inventory.all.children.arista_eos?.vars.ansible_network_os).toBe('arista.eos.eos');
    expect(inventory.all.children.cisco_ios?.hosts.R1).toEqual({
      ansible_host: '127.110.0.1',
      ansible_port: 2222,
      ansible_user: 'admin',
      ansible_password: 'pa,ss',
      ansible_become_password: 'en',
    });
  });

  it('writes Nornir hosts with the netmiko secret', () => {
    const hosts = parse(renderInventory(devices, 'nornir')) as Record<
      string,
      { hostname: string; platform: string; connection_options: { netmiko: { extras: { secret: string } } } }
    >;
    expect(hosts.R1).toMatchObject({
      hostname: '127.110.0.1',
      platform: 'cisco_ios',
      connection_options: { netmiko: { extras: { secret: 'en' } } },
    });
  });

  it('reads back every format it writes, a device without SSH included', async () => {
    const restOnly: InventoryDevice = {
      ...devices[1]!,
      name: 'api-only',
      rest_url: 'https://127.110.0.3:8443',
    };
    delete restOnly.port;
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-inventory-'));
    for (const [format, file] of [
      ['json', 'fleet.json'],
      ['csv', 'fleet.csv'],
      ['ansible', 'fleet.yaml'],
    ] as const) {
      const path = join(dir, file);
      writeFileSync(path, renderInventory([devices[0]!, restOnly], format));
      const [first, second] = await loadInventory(path);
      expect(first).toMatchObject({ name: 'R1', port: 2222, password: 'pa,ss' });
      // No SSH port written: SSH's own 22 is assumed, and REST still knows where to go.
      expect(second).toMatchObject({ name: 'api-only', port: 22, restUrl: 'https://127.110.0.3:8443' });
    }
  });

  it('writes CSV with quoting where needed', () => {
    expect(renderInventory(devices, 'csv').split('\n').slice(0, 2)).toEqual([
      'name,platform,model,host,port,username,password,secret,rest_url',
      'R1,cisco_ios,CSR1000V,127.110.0.1,2222,admin,"pa,ss",en,',
    ]);
  });
});
