/**
 * `control_url` in the inventories `up` writes: where each format keeps fleet-wide values, read
 * back by our own reader (unchanged devices) and by ansible-inventory itself (a variable of every host).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadInventory } from '../../client/inventory.js';
import {
  nornirCompanionPaths,
  renderInventoryFiles,
  type InventoryDevice,
  type InventoryFormat,
} from '../../simulator/fleet/inventory.js';
import { parseControlAddress, planControl } from '../../client/cli/commands/up-control.js';

const CONTROL = 'http://127.0.0.1:41234';

const devices: InventoryDevice[] = [
  {
    name: 'R1',
    platform: 'cisco_ios',
    model: 'CSR1000V',
    host: '127.110.0.1',
    port: 2222,
    username: 'admin',
    password: 'admin',
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
    rest_url: 'https://127.110.0.2:8443',
  },
];

function write(format: InventoryFormat, controlUrl?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-inventory-control-'));
  const file = join(
    dir,
    format === 'csv' ? 'inventory.csv' : format === 'json' ? 'inventory.json' : 'hosts.yaml',
  );
  for (const f of renderInventoryFiles(devices, format, file, controlUrl ? { controlUrl } : {}))
    writeFileSync(f.path, f.text);
  return file;
}

describe('control_url in inventories', () => {
  it('JSON: at the top level, before the devices', () => {
    const [json] = renderInventoryFiles(devices, 'json', 'x.json', { controlUrl: CONTROL });
    expect(Object.keys(JSON.parse(json!.text) as object)).toEqual(['control_url', 'devices']);
    expect((JSON.parse(json!.text) as { control_url: string }).control_url).toBe(CONTROL);
  });

  it('Ansible: a variable of all, which ansible-inventory gives every host', () => {
    const file = write('ansible', CONTROL);
    const listed = JSON.parse(
      execFileSync('ansible-inventory', ['-i', file, '--list'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          ANSIBLE_LOCALHOST_WARNING: 'false',
          ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
        },
      }),
    ) as { _meta: { hostvars: Record<string, { control_url?: string }> } };
    const hosts = Object.entries(listed._meta.hostvars);
    expect(hosts.length).toBeGreaterThanOrEqual(2);
    for (const [name, vars] of hosts) expect(vars.control_url, name).toBe(CONTROL);
  });

  it("Nornir: the defaults file's data", () => {
    const file = write('nornir', CONTROL);
    const defaults = parse(
      renderInventoryFiles(devices, 'nornir', file, { controlUrl: CONTROL }).find(
        (f) => f.path === nornirCompanionPaths(file).defaults,
      )!.text,
    ) as { data: Record<string, unknown> };
    expect(defaults.data).toEqual({ control_url: CONTROL });
  });

  it.each(['json', 'ansible', 'nornir', 'csv'] as const)(
    '%s: our reader reads the same devices with or without it',
    async (format) => {
      const without = await loadInventory(write(format));
      const withUrl = await loadInventory(write(format, CONTROL));
      expect(withUrl).toEqual(without);
      expect(withUrl.map((t) => t.name)).toEqual(['R1', 'sw1']);
    },
  );
});

describe('up --control', () => {
  it.each([
    ['127.0.0.1:9090', { host: '127.0.0.1', port: 9090 }],
    ['9090', { host: '127.0.0.1', port: 9090 }],
    ['127.0.0.5:0', { host: '127.0.0.5', port: 0 }],
    ['[::1]:8080', { host: '::1', port: 8080 }],
  ])('%s', (text, expected) => expect(parseControlAddress(text)).toEqual(expected));

  it.each(['localhost', '127.0.0.1:', '127.0.0.1:70000'])('"%s" is a usage error', (text) =>
    expect(() => parseControlAddress(text)).toThrow(/--control/),
  );

  it('off loopback: a token is required (flag or LABFLEET_CONTROL_TOKEN); --no-control plans nothing', () => {
    expect(() => planControl({ control: '0.0.0.0:9090' }, {})).toThrow(/needs a token/);
    expect(planControl({ control: '0.0.0.0:9090', controlToken: 't' }, {})).toMatchObject({
      host: '0.0.0.0',
      token: 't',
    });
    expect(planControl({ control: '0.0.0.0:9090' }, { LABFLEET_CONTROL_TOKEN: 'e' })).toMatchObject({
      token: 'e',
    });
    expect(planControl({}, {})).toMatchObject({ host: '127.0.0.1', port: 0 });
    expect(planControl({ control: false }, {})).toBeUndefined();
  });
});
