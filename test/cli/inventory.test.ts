/** The inventories `up` writes, in every format, and reading them back. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadInventory } from '../../client/inventory.js';
import {
  nornirCompanionPaths,
  renderInventory,
  renderInventoryFiles,
  type InventoryDevice,
  type InventoryFormat,
} from '../../simulator/fleet/inventory.js';

type Group = { vars?: Record<string, unknown>; hosts: Record<string, Record<string, unknown>> };

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
    labels: { rack: 'r1', role: 'edge' },
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
    labels: { rack: 'r1' },
  },
  {
    name: 'nx1',
    platform: 'cisco_nxos',
    model: 'N9K-C93180YC-EX',
    host: '127.110.0.3',
    port: 2222,
    username: 'admin',
    password: 'admin',
    secret: 'admin',
    rest_url: 'http://127.110.0.3:8080',
  },
  {
    name: 'jx1',
    platform: 'juniper_junos',
    model: 'EX4300-48T',
    host: '127.110.0.4',
    port: 2222,
    username: 'admin',
    password: 'admin',
    secret: 'admin',
  },
];

const ansible = (list = devices) =>
  (parse(renderInventory(list, 'ansible')) as { all: Group & { children: Record<string, Group> } }).all;

describe('Ansible inventory', () => {
  it('groups devices by platform, each with its network_os over network_cli', () => {
    const { children } = ansible();
    expect(children.cisco_ios?.vars).toMatchObject({
      ansible_network_os: 'cisco.ios.ios',
      ansible_connection: 'ansible.netcommon.network_cli',
    });
    expect(children.arista_eos?.vars?.ansible_network_os).toBe('arista.eos.eos');
    expect(children.cisco_nxos?.vars?.ansible_network_os).toBe('cisco.nxos.nxos');
    expect(children.juniper_junos?.vars?.ansible_network_os).toBe('junipernetworks.junos.junos');
    expect(children.cisco_ios?.hosts.R1).toEqual({
      ansible_host: '127.110.0.1',
      ansible_port: 2222,
      ansible_user: 'admin',
      ansible_password: 'pa,ss',
      ansible_become_password: 'en',
    });
  });

  it('accepts the per-run host keys and names paramiko, for every host', () => {
    expect(ansible().vars).toEqual({
      ansible_host_key_checking: false,
      ansible_network_cli_ssh_type: 'paramiko',
    });
  });

  it('becomes (enable) where the platform has enable, and never on Junos', () => {
    const { children } = ansible();
    for (const group of ['cisco_ios', 'arista_eos', 'cisco_nxos'])
      expect(children[group]?.vars).toMatchObject({ ansible_become: true, ansible_become_method: 'enable' });
    expect(children.juniper_junos?.vars).not.toHaveProperty('ansible_become');
    expect(children.juniper_junos?.hosts.jx1).not.toHaveProperty('ansible_become_password');
  });

  it('adds an httpapi host per NX-API and eAPI device, in its own group', () => {
    const { children } = ansible();
    expect(children.arista_eos_httpapi?.vars).toMatchObject({
      ansible_network_os: 'arista.eos.eos',
      ansible_connection: 'ansible.netcommon.httpapi',
      ansible_httpapi_validate_certs: false,
      ansible_become: true,
    });
    expect(children.arista_eos_httpapi?.hosts['sw1-httpapi']).toMatchObject({
      ansible_host: '127.110.0.2',
      ansible_httpapi_port: 8443,
      ansible_httpapi_use_ssl: true,
      labfleet_device: 'sw1',
    });
    // NX-API takes no enable.
    expect(children.cisco_nxos_httpapi?.vars).not.toHaveProperty('ansible_become');
    expect(children.cisco_nxos_httpapi?.hosts['nx1-httpapi']).toMatchObject({
      ansible_httpapi_port: 8080,
      ansible_httpapi_use_ssl: false,
    });
    expect(children).not.toHaveProperty('cisco_ios_httpapi');
  });

  it('groups devices by label', () => {
    const { children } = ansible();
    expect(Object.keys(children.rack_r1?.hosts ?? {})).toEqual(['R1', 'sw1']);
    expect(Object.keys(children.role_edge?.hosts ?? {})).toEqual(['R1']);
  });
});

describe('Nornir inventory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-nornir-'));
  const files = renderInventoryFiles(devices, 'nornir', join(dir, 'hosts.yaml'));

  it('writes hosts, groups and defaults, named as Nornir names them by default', () => {
    expect(files.map((f) => f.path)).toEqual(
      ['hosts.yaml', 'groups.yaml', 'defaults.yaml'].map((f) => join(dir, f)),
    );
    expect(nornirCompanionPaths('/x/lab.yaml')).toEqual({
      groups: '/x/lab-groups.yaml',
      defaults: '/x/lab-defaults.yaml',
    });
  });

  it('writes hosts with their platform and label groups and the netmiko secret', () => {
    const hosts = parse(files[0]!.text) as Record<string, Record<string, unknown>>;
    expect(hosts.R1).toMatchObject({
      hostname: '127.110.0.1',
      port: 2222,
      platform: 'cisco_ios',
      groups: ['cisco_ios', 'rack_r1', 'role_edge'],
      connection_options: { netmiko: { extras: { secret: 'en' } } },
    });
    expect(hosts.sw1?.data).toEqual({ model: 'vEOS', rest_url: 'https://127.110.0.2:8443' });
  });

  it('writes groups that name the platform for NAPALM and scrapli, and carry the label', () => {
    const groups = parse(files[1]!.text) as Record<string, Record<string, unknown>>;
    expect(groups.cisco_nxos).toEqual({
      platform: 'cisco_nxos',
      connection_options: { napalm: { platform: 'nxos_ssh' }, scrapli: { platform: 'cisco_nxos' } },
    });
    expect(groups.rack_r1).toEqual({ data: { rack: 'r1' } });
    expect(parse(files[2]!.text)).toEqual({ data: {} });
  });
});

describe('reading inventories back', () => {
  const restOnly: InventoryDevice = {
    ...devices[1]!,
    name: 'api-only',
    rest_url: 'https://127.110.0.5:8443',
  };
  delete restOnly.port;

  it.each<[InventoryFormat, string]>([
    ['json', 'fleet.json'],
    ['csv', 'fleet.csv'],
    ['ansible', 'fleet.yaml'],
    ['nornir', 'hosts.yaml'],
  ])('reads back every device of %s once, a device without SSH included', async (format, file) => {
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-inventory-'));
    const path = join(dir, file);
    for (const f of renderInventoryFiles([...devices, restOnly], format, path)) writeFileSync(f.path, f.text);
    const targets = await loadInventory(path);
    expect(targets.map((t) => t.name).sort()).toEqual(['R1', 'api-only', 'jx1', 'nx1', 'sw1']);
    const byName = new Map(targets.map((t) => [t.name, t]));
    expect(byName.get('R1')).toEqual({
      name: 'R1',
      platform: 'cisco_ios',
      host: '127.110.0.1',
      port: 2222,
      username: 'admin',
      password: 'pa,ss',
      secret: 'en',
    });
    expect(byName.get('sw1')).toMatchObject({ platform: 'arista_eos', restUrl: 'https://127.110.0.2:8443' });
    expect(byName.get('nx1')).toMatchObject({ platform: 'cisco_nxos', restUrl: 'http://127.110.0.3:8080' });
    // No SSH port written: SSH's own 22 is assumed, and REST still knows where to go.
    expect(byName.get('api-only')).toMatchObject({ port: 22, restUrl: 'https://127.110.0.5:8443' });
  });

  it("reads a user's Ansible httpapi host as a device at its REST API", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'labfleet-inventory-')), 'eapi.yaml');
    writeFileSync(
      path,
      [
        'all:',
        '  children:',
        '    eos:',
        '      vars: { ansible_network_os: arista.eos.eos, ansible_connection: ansible.netcommon.httpapi, ansible_httpapi_use_ssl: true }',
        '      hosts:',
        '        leaf1: { ansible_host: 10.0.0.1 }',
        '        leaf2: { ansible_host: 10.0.0.2, ansible_httpapi_port: 8443 }',
      ].join('\n'),
    );
    expect((await loadInventory(path)).map((t) => [t.name, t.restUrl])).toEqual([
      ['leaf1', 'https://10.0.0.1:443'],
      ['leaf2', 'https://10.0.0.2:8443'],
    ]);
  });
});

describe('CSV inventory', () => {
  it('quotes where needed', () => {
    expect(renderInventory(devices, 'csv').split('\n').slice(0, 2)).toEqual([
      'name,platform,model,host,port,username,password,secret,rest_url,netconf_port',
      'R1,cisco_ios,CSR1000V,127.110.0.1,2222,admin,"pa,ss",en,,',
    ]);
  });
});

describe('NETCONF port', () => {
  // R1 and jx1 serve NETCONF on their own port; sw1 and nx1 do not.
  const withNetconf: InventoryDevice[] = devices.map((d) =>
    d.name === 'R1' || d.name === 'jx1' ? { ...d, netconf_port: d.name === 'R1' ? 8830 : 8831 } : d,
  );

  it('Ansible: a Junos NETCONF face over the netconf connection, its ansible_port the NETCONF port', () => {
    const { children } = ansible(withNetconf);
    expect(children.juniper_junos_netconf).toEqual({
      vars: {
        ansible_network_os: 'junipernetworks.junos.junos',
        ansible_connection: 'ansible.netcommon.netconf',
      },
      hosts: {
        'jx1-netconf': {
          ansible_host: '127.110.0.4',
          ansible_port: 8831,
          ansible_user: 'admin',
          ansible_password: 'admin',
          netconf_port: 8831,
          labfleet_device: 'jx1',
        },
      },
    });
    // The network_cli host keeps SSH's port, and says where NETCONF is for readers.
    expect(children.juniper_junos?.hosts.jx1).toMatchObject({ ansible_port: 2222, netconf_port: 8831 });
    expect(children.cisco_ios?.hosts.R1).toMatchObject({ ansible_port: 2222, netconf_port: 8830 });
    expect(children).not.toHaveProperty('cisco_ios_netconf');
    expect(ansible()).not.toHaveProperty(['children', 'juniper_junos_netconf']);
  });

  it("Nornir: nornir_netconf's connection options carry the port", () => {
    const dir = mkdtempSync(join(tmpdir(), 'labfleet-nornir-'));
    const [hostsFile] = renderInventoryFiles(withNetconf, 'nornir', join(dir, 'hosts.yaml'));
    const hosts = parse(hostsFile!.text) as Record<string, { connection_options: Record<string, unknown> }>;
    expect(hosts.jx1?.connection_options.netconf).toEqual({
      port: 8831,
      extras: { hostkey_verify: false, allow_agent: false, look_for_keys: false },
    });
    expect(hosts.sw1?.connection_options).not.toHaveProperty('netconf');
  });

  it('CSV: a netconf_port column, empty where none is served', () => {
    const rows = renderInventory(withNetconf, 'csv').trim().split('\n');
    expect(rows[0]).toMatch(/,rest_url,netconf_port$/);
    expect(rows.map((r) => r.split(',').at(-1))).toEqual(['netconf_port', '8830', '', '', '8831']);
  });

  it.each<[InventoryFormat, string]>([
    ['json', 'fleet.json'],
    ['csv', 'fleet.csv'],
    ['ansible', 'fleet.yaml'],
    ['nornir', 'hosts.yaml'],
  ])("%s: read back as each target's netconfPort, every device once", async (format, file) => {
    const path = join(mkdtempSync(join(tmpdir(), 'labfleet-inventory-')), file);
    for (const f of renderInventoryFiles(withNetconf, format, path)) writeFileSync(f.path, f.text);
    const targets = await loadInventory(path);
    expect(targets.map((t) => [t.name, t.port, t.netconfPort]).sort()).toEqual([
      ['R1', 2222, 8830],
      ['jx1', 2222, 8831],
      ['nx1', 2222, undefined],
      ['sw1', 2222, undefined],
    ]);
  });

  it("reads a user's Ansible netconf host: its ansible_port is NETCONF's, SSH's is 22", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'labfleet-inventory-')), 'junos.yaml');
    writeFileSync(
      path,
      [
        'all:',
        '  children:',
        '    junos:',
        '      vars: { ansible_network_os: junipernetworks.junos.junos, ansible_connection: ansible.netcommon.netconf }',
        '      hosts:',
        '        mx1: { ansible_host: 10.0.0.1, ansible_port: 830 }',
        '        mx2: { ansible_host: 10.0.0.2, ansible_port: 0 }',
      ].join('\n'),
    );
    // A bad NETCONF port is reported where it was written, as an SSH port is.
    await expect(loadInventory(path)).rejects.toMatchObject({
      code: 'INVENTORY_INVALID',
      diagnostics: [
        expect.objectContaining({
          code: 'VALUE_INVALID',
          path: 'all.children.junos.hosts.mx2.ansible_port',
          message: 'ansible_port 0 is not a port; valid: 1-65535',
        }),
      ],
    });
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n.*mx2.*/, ''));
    expect(await loadInventory(path)).toEqual([
      expect.objectContaining({ name: 'mx1', host: '10.0.0.1', port: 22, netconfPort: 830 }),
    ]);
  });
});
