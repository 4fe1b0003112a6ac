/** The inventories `up` writes, in every format, and reading them back. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadInventory } from '../../client/inventory.js';
import { renderInventory, type InventoryDevice } from '../../simulator/fleet/inventory.js';

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
