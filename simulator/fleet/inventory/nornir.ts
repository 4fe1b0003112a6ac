/**
 * The fleet as a Nornir SimpleInventory: a hosts file, a groups file (one group per platform with
 * the names NAPALM and scrapli know it by, one per node label) and a defaults file. A device serving
 * NETCONF on its own port says so in its `netconf` connection options (nornir_netconf's).
 */
import type { Platform } from '../../topology/kinds/types.js';
import type { InventoryDevice } from './device.js';
import { key, labelGroup, labelGroups, q } from './yaml-text.js';

/** Each connection plugin's own name for the platform (netmiko's is the platform itself). */
const PLUGIN_PLATFORMS: Record<Platform, { napalm: string; scrapli: string }> = {
  cisco_ios: { napalm: 'ios', scrapli: 'cisco_iosxe' },
  cisco_nxos: { napalm: 'nxos_ssh', scrapli: 'cisco_nxos' },
  arista_eos: { napalm: 'eos', scrapli: 'arista_eos' },
  juniper_junos: { napalm: 'junos', scrapli: 'juniper_junos' },
};

/** Groups a host belongs to: its platform's, then its labels'. */
function groupsOf(d: InventoryDevice): string[] {
  return [d.platform, ...Object.entries(d.labels ?? {}).map(([name, value]) => labelGroup(name, value))];
}

export function renderNornirHosts(devices: readonly InventoryDevice[]): string {
  return devices
    .map((d) =>
      [
        `${key(d.name)}:`,
        `  hostname: ${q(d.host)}`,
        ...(d.port === undefined ? [] : [`  port: ${d.port}`]),
        `  username: ${q(d.username)}`,
        `  password: ${q(d.password)}`,
        `  platform: ${d.platform}`,
        `  groups: [${groupsOf(d).join(', ')}]`,
        `  data: { model: ${q(d.model)}${d.rest_url ? `, rest_url: ${q(d.rest_url)}` : ''} }`,
        `  connection_options:`,
        `    netmiko: { extras: { secret: ${q(d.secret)} } }`,
        ...(d.netconf_port === undefined ? [] : [`    netconf: ${netconfOptions(d.netconf_port)}`]),
        '',
      ].join('\n'),
    )
    .join('');
}

/**
 * nornir_netconf's connection (named `netconf`, over ncclient): the NETCONF port, and ncclient's
 * options for a lab whose host keys are new each run and whose devices count offered keys as
 * failed attempts.
 */
function netconfOptions(port: number): string {
  return `{ port: ${port}, extras: { hostkey_verify: false, allow_agent: false, look_for_keys: false } }`;
}

export function renderNornirGroups(devices: readonly InventoryDevice[]): string {
  const platforms = (Object.keys(PLUGIN_PLATFORMS) as Platform[]).filter((p) =>
    devices.some((d) => d.platform === p),
  );
  const lines = platforms.flatMap((p) => [
    `${p}:`,
    `  platform: ${p}`,
    '  connection_options:',
    `    napalm: { platform: ${PLUGIN_PLATFORMS[p].napalm} }`,
    `    scrapli: { platform: ${PLUGIN_PLATFORMS[p].scrapli} }`,
  ]);
  for (const [group] of labelGroups(devices)) {
    const [name, value] = labelOf(devices, group);
    lines.push(`${group}:`, `  data: { ${key(name)}: ${q(value)} }`);
  }
  return lines.length === 0 ? '{}\n' : lines.join('\n') + '\n';
}

/** The label a label group was made from. */
function labelOf(devices: readonly InventoryDevice[], group: string): [string, string] {
  for (const d of devices)
    for (const [name, value] of Object.entries(d.labels ?? {}))
      if (labelGroup(name, value) === group) return [name, value];
  return [group, ''];
}

/** What every host shares: the fleet's control API (`host.data["control_url"]` in Nornir), if any. */
export function renderNornirDefaults(controlUrl?: string): string {
  const data = controlUrl === undefined ? '{}' : `{ control_url: ${q(controlUrl)} }`;
  return `# Nornir SimpleInventory defaults_file, written by \`labfleet up\`\ndata: ${data}\n`;
}
