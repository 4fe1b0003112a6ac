/**
 * The fleet as an Ansible YAML inventory that the network collections use unchanged: one group per
 * platform over network_cli, one per REST platform Ansible drives over httpapi (NX-API, eAPI), one
 * of Junos NETCONF faces, and one per node label (`rack_1`, `role_leaf`).
 *
 * NETCONF: ansible.netcommon.netconf reads its port from `ansible_port` alone, which network_cli
 * also reads for SSH, and a host's own variable beats any group's. So, as for httpapi, each Junos
 * device serving NETCONF gets a second host, `<name>-netconf`, in `juniper_junos_netconf` with the
 * netconf connection and `ansible_port` its NETCONF port: `ansible-playbook -l
 * juniper_junos_netconf` reaches port 830's stand-in with nothing edited. Every host also carries
 * `netconf_port` as a plain variable, for readers; the SSH port serves the netconf subsystem too, so
 * `-e ansible_connection=ansible.netcommon.netconf` on the platform group works as well.
 */
import type { Platform } from '../../topology/kinds/types.js';
import type { InventoryDevice } from './device.js';
import { key, labelGroups, q } from './yaml-text.js';

interface AnsiblePlatform {
  network_os: string;
  /** Whether the session starts below privileged mode and `enable` lifts it (Ansible's become). */
  become: boolean;
  /** Whether Ansible has an httpapi plugin for the platform's REST API. */
  httpapi: boolean;
}

/**
 * NX-OS logs in at `#`, so become is a no-op there (the nxos terminal plugin returns at once on a
 * `#` prompt), but Ansible's NX-OS platform guide sets it, so users' inventories do. Junos has no
 * enable. eAPI takes become (it prepends `enable`); NX-API does not.
 */
const ANSIBLE: Record<Platform, AnsiblePlatform> = {
  cisco_ios: { network_os: 'cisco.ios.ios', become: true, httpapi: false },
  cisco_nxos: { network_os: 'cisco.nxos.nxos', become: true, httpapi: true },
  arista_eos: { network_os: 'arista.eos.eos', become: true, httpapi: true },
  juniper_junos: { network_os: 'junipernetworks.junos.junos', become: false, httpapi: false },
};

/** The host name of a device's httpapi face: one Ansible host has one connection. */
export const httpapiHost = (name: string) => `${name}-httpapi`;

/** The group of a platform's httpapi hosts. */
export const httpapiGroup = (platform: Platform) => `${platform}_httpapi`;

/** The host name of a device's NETCONF face. */
export const netconfHost = (name: string) => `${name}-netconf`;

/** The group of a platform's NETCONF faces. */
export const netconfGroup = (platform: Platform) => `${platform}_netconf`;

/** Platforms whose Ansible collection drives its modules over ansible.netcommon.netconf. */
const NETCONF_PLATFORMS: ReadonlySet<Platform> = new Set(['juniper_junos']);

/** `controlUrl`: the fleet's control API, a variable of every host (`all.vars.control_url`). */
export function renderAnsible(devices: readonly InventoryDevice[], controlUrl?: string): string {
  const lines = [
    'all:',
    '  vars:',
    ...(controlUrl === undefined ? [] : [`    control_url: ${q(controlUrl)}`]),
    // Host keys are generated per run (unless `up --host-key`): nothing to pin.
    '    ansible_host_key_checking: false',
    // ansible-pylibssh is rarely installed; saying paramiko spares the fallback warning.
    '    ansible_network_cli_ssh_type: paramiko',
    '  children:',
  ];
  for (const platform of Object.keys(ANSIBLE) as Platform[]) {
    const { network_os, become, httpapi } = ANSIBLE[platform];
    const cli = devices.filter((d) => d.platform === platform && inCliGroup(d));
    if (cli.length > 0)
      lines.push(
        `    ${platform}:`,
        '      vars:',
        `        ansible_network_os: ${network_os}`,
        '        ansible_connection: ansible.netcommon.network_cli',
        ...(become ? ['        ansible_become: true', '        ansible_become_method: enable'] : []),
        '      hosts:',
        ...cli.map((d) => `        ${key(d.name)}: { ${cliVars(d, become)} }`),
      );
    const api = httpapi ? devices.filter((d) => d.platform === platform && d.rest_url) : [];
    if (api.length > 0)
      lines.push(
        `    ${httpapiGroup(platform)}:`,
        '      vars:',
        `        ansible_network_os: ${network_os}`,
        '        ansible_connection: ansible.netcommon.httpapi',
        '        ansible_httpapi_validate_certs: false',
        ...(platform === 'arista_eos'
          ? ['        ansible_become: true', '        ansible_become_method: enable']
          : []),
        '      hosts:',
        ...api.map(
          (d) => `        ${key(httpapiHost(d.name))}: { ${apiVars(d, platform === 'arista_eos')} }`,
        ),
      );
    const netconf = NETCONF_PLATFORMS.has(platform)
      ? devices.filter((d) => d.platform === platform && d.netconf_port !== undefined)
      : [];
    if (netconf.length > 0)
      lines.push(
        `    ${netconfGroup(platform)}:`,
        '      vars:',
        `        ansible_network_os: ${network_os}`,
        '        ansible_connection: ansible.netcommon.netconf',
        '      hosts:',
        ...netconf.map((d) => `        ${key(netconfHost(d.name))}: { ${netconfVars(d)} }`),
      );
  }
  const named = devices.map((d) => ({ ...d, name: inCliGroup(d) ? d.name : httpapiHost(d.name) }));
  for (const [group, members] of labelGroups(named))
    lines.push(`    ${group}:`, '      hosts:', ...members.map((name) => `        ${key(name)}: {}`));
  return lines.join('\n') + '\n';
}

/**
 * A device is an Ansible host of its platform's group when it serves SSH, or when Ansible has no
 * other way to it (a REST-only IOS or Junos box: listed without a port, as its SSH would be 22).
 */
function inCliGroup(d: InventoryDevice): boolean {
  return d.port !== undefined || !(ANSIBLE[d.platform].httpapi && d.rest_url);
}

function cliVars(d: InventoryDevice, become: boolean): string {
  return [
    `ansible_host: ${q(d.host)}`,
    ...(d.port === undefined ? [] : [`ansible_port: ${d.port}`]),
    `ansible_user: ${q(d.username)}`,
    `ansible_password: ${q(d.password)}`,
    ...(become ? [`ansible_become_password: ${q(d.secret)}`] : []),
    ...(d.rest_url ? [`rest_url: ${q(d.rest_url)}`] : []),
    ...(d.netconf_port === undefined ? [] : [`netconf_port: ${d.netconf_port}`]),
  ].join(', ');
}

/** The NETCONF face: ansible_port is where the netconf connection goes (its default is 830). */
function netconfVars(d: InventoryDevice): string {
  return [
    `ansible_host: ${q(d.host)}`,
    `ansible_port: ${d.netconf_port}`,
    `ansible_user: ${q(d.username)}`,
    `ansible_password: ${q(d.password)}`,
    `netconf_port: ${d.netconf_port}`,
    `labfleet_device: ${q(d.name)}`,
  ].join(', ');
}

/** `labfleet_device` says which device this is the REST face of, so readers count it once. */
function apiVars(d: InventoryDevice, become: boolean): string {
  const url = new URL(d.rest_url!);
  const ssl = url.protocol === 'https:';
  return [
    `ansible_host: ${q(d.host)}`,
    `ansible_httpapi_port: ${url.port || (ssl ? 443 : 80)}`,
    `ansible_httpapi_use_ssl: ${ssl}`,
    `ansible_user: ${q(d.username)}`,
    `ansible_password: ${q(d.password)}`,
    ...(become ? [`ansible_become_password: ${q(d.secret)}`] : []),
    `rest_url: ${q(d.rest_url!)}`,
    `labfleet_device: ${q(d.name)}`,
  ].join(', ');
}
