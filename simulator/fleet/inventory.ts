/** The running fleet as an inventory other tools read: JSON, Ansible, Nornir or CSV. */
import type { Platform } from '../topology/kinds/types.js';

export interface InventoryDevice {
  name: string;
  platform: Platform;
  model: string;
  host: string;
  /** SSH port; absent when the device serves no SSH. */
  port?: number;
  username: string;
  password: string;
  /** The enable secret. */
  secret: string;
  /** Base URL of the device's REST API (RESTCONF, NX-API, eAPI, Junos REST), when it serves one. */
  rest_url?: string;
}

export type InventoryFormat = 'json' | 'ansible' | 'nornir' | 'csv';
export const INVENTORY_FORMATS: readonly InventoryFormat[] = ['json', 'ansible', 'nornir', 'csv'];

const ANSIBLE_OS: Record<Platform, string> = {
  cisco_ios: 'cisco.ios.ios',
  cisco_nxos: 'cisco.nxos.nxos',
  arista_eos: 'arista.eos.eos',
  juniper_junos: 'junipernetworks.junos.junos',
};

const q = (s: string | number) => JSON.stringify(s);

export function renderInventory(devices: readonly InventoryDevice[], format: InventoryFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ devices }, null, 2) + '\n';
    case 'csv':
      return (
        ['name,platform,model,host,port,username,password,secret,rest_url', ...devices.map(csvRow)].join(
          '\n',
        ) + '\n'
      );
    case 'nornir':
      return devices.map(nornirHost).join('');
    case 'ansible':
      return renderAnsible(devices);
  }
}

function csvRow(d: InventoryDevice): string {
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
  return [d.name, d.platform, d.model, d.host, d.port, d.username, d.password, d.secret, d.rest_url]
    .map(cell)
    .join(',');
}

function nornirHost(d: InventoryDevice): string {
  return [
    `${d.name}:`,
    `  hostname: ${q(d.host)}`,
    ...(d.port === undefined ? [] : [`  port: ${d.port}`]),
    `  username: ${q(d.username)}`,
    `  password: ${q(d.password)}`,
    `  platform: ${d.platform}`,
    `  data: { model: ${q(d.model)}${d.rest_url ? `, rest_url: ${q(d.rest_url)}` : ''} }`,
    `  connection_options:`,
    `    netmiko: { extras: { secret: ${q(d.secret)} } }`,
    '',
  ].join('\n');
}

function renderAnsible(devices: readonly InventoryDevice[]): string {
  const lines = ['all:', '  children:'];
  for (const platform of Object.keys(ANSIBLE_OS) as Platform[]) {
    const group = devices.filter((d) => d.platform === platform);
    if (group.length === 0) continue;
    lines.push(
      `    ${platform}:`,
      '      vars:',
      `        ansible_network_os: ${ANSIBLE_OS[platform]}`,
      '        ansible_connection: ansible.netcommon.network_cli',
      '        ansible_become: true',
      '        ansible_become_method: enable',
      '      hosts:',
      ...group.map((d) => `        ${d.name}: { ${ansibleVars(d)} }`),
    );
  }
  return lines.join('\n') + '\n';
}

function ansibleVars(d: InventoryDevice): string {
  return [
    `ansible_host: ${q(d.host)}`,
    ...(d.port === undefined ? [] : [`ansible_port: ${d.port}`]),
    `ansible_user: ${q(d.username)}`,
    `ansible_password: ${q(d.password)}`,
    `ansible_become_password: ${q(d.secret)}`,
    ...(d.rest_url ? [`rest_url: ${q(d.rest_url)}`] : []),
  ].join(', ');
}
