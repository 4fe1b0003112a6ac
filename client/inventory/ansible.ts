/**
 * An Ansible YAML inventory (`all:` with vars, hosts and children). A host may appear in several
 * groups (platform, rack, role): it is one device, its variables merged as Ansible merges them
 * (deeper groups over shallower, the host's own over any group's). A variable is reported where it
 * was set: a group's, inherited, or the host's own.
 */
import type { Platform } from '../../simulator/topology/kinds/index.js';
import type { PathSegment } from '../../simulator/topology/source.js';
import type { Target } from '../target.js';
import { isObject } from '../../simulator/format/guards.js';
import { invalid, OWN_PLATFORMS, targetOf, type At, type Field } from './record.js';

const ANSIBLE_PLATFORMS: ReadonlyMap<string, Platform> = new Map([
  ['cisco.ios.ios', 'cisco_ios'],
  ['ios', 'cisco_ios'],
  ['cisco.nxos.nxos', 'cisco_nxos'],
  ['nxos', 'cisco_nxos'],
  ['arista.eos.eos', 'arista_eos'],
  ['eos', 'arista_eos'],
  ['junipernetworks.junos.junos', 'juniper_junos'],
  ['junos', 'juniper_junos'],
  ...OWN_PLATFORMS,
]);

/** The Ansible variable that says each thing. */
const ANSIBLE_FIELDS: Readonly<Record<string, string>> = {
  platform: 'ansible_network_os',
  host: 'ansible_host',
  port: 'ansible_port',
  username: 'ansible_user',
  password: 'ansible_password',
  secret: 'ansible_become_password',
  rest_url: 'rest_url',
};

const HTTPAPI = new Set(['httpapi', 'ansible.netcommon.httpapi']);
const NETCONF = new Set(['netconf', 'ansible.netcommon.netconf']);

/** Set on a device's httpapi face (`up` writes one for NX-API and eAPI): the device it belongs to. */
const DEVICE_OF = 'labfleet_device';

type Vars = ReadonlyMap<string, Field>;

/** One place a host is listed: its groups' variables there (inherited included) and its own. */
interface Appearance {
  name: Field;
  depth: number;
  groupVars: Vars;
  hostVars: Vars;
}

/** A mapping of variables, each remembering where it was set. */
function varsOf(raw: unknown, path: PathSegment[], at: At): Map<string, Field> {
  if (raw === undefined || raw === null) return new Map();
  if (!isObject(raw)) throw invalid(at(path), 'TYPE_INVALID', 'expected a mapping');
  return new Map(Object.entries(raw).map(([key, value]) => [key, { key, value, where: at([...path, key]) }]));
}

/** Every host of an Ansible group and its children, once each, with its merged variables. */
export function parseAnsible(group: unknown, path: PathSegment[], at: At): Target[] {
  const byName = new Map<string, Appearance[]>();
  for (const seen of appearances(group, path, at, new Map(), 0))
    byName.set(seen.name.key, [...(byName.get(seen.name.key) ?? []), seen]);
  const hosts = [...byName.values()].map(merge);
  return hosts
    .filter(({ vars, name }) => !isFaceOfAnother(vars, name.key, byName))
    .map(({ name, vars }) => targetOf(recordOf(name, vars)));
}

function appearances(
  group: unknown,
  path: PathSegment[],
  at: At,
  inherited: Vars,
  depth: number,
): Appearance[] {
  if (group === undefined || group === null) return [];
  if (!isObject(group))
    throw invalid(at(path), 'TYPE_INVALID', 'an Ansible group is a mapping of vars, hosts and children');
  const groupVars = new Map([...inherited, ...varsOf(group.vars, [...path, 'vars'], at)]);
  const hosts = varsOf(group.hosts, [...path, 'hosts'], at);
  const here = [...hosts.values()].map((host): Appearance => {
    const hostPath = [...path, 'hosts', host.key];
    return {
      name: { key: host.key, value: host.key, where: at(hostPath, true) },
      depth,
      groupVars,
      hostVars: varsOf(host.value, hostPath, at),
    };
  });
  const children = varsOf(group.children, [...path, 'children'], at);
  return [
    ...here,
    ...[...children.values()].flatMap((child) =>
      appearances(child.value, [...path, 'children', child.key], at, groupVars, depth + 1),
    ),
  ];
}

/** Ansible's order: groups by depth (later ones over earlier at the same depth), then the host's own. */
function merge(seen: Appearance[]): { name: Field; vars: Vars } {
  const vars = new Map<string, Field>();
  for (const a of [...seen].sort((x, y) => x.depth - y.depth))
    for (const [k, v] of a.groupVars) vars.set(k, v);
  for (const a of seen) for (const [k, v] of a.hostVars) vars.set(k, v);
  return { name: seen[0]!.name, vars };
}

/** An httpapi face of a device that the inventory also lists under its own name: not a second device. */
function isFaceOfAnother(vars: Vars, name: string, hosts: ReadonlyMap<string, unknown>): boolean {
  const device = vars.get(DEVICE_OF)?.value;
  return typeof device === 'string' && device !== name && hosts.has(device);
}

function recordOf(name: Field, vars: Vars) {
  const device = vars.get(DEVICE_OF);
  const own: Field = typeof device?.value === 'string' ? { ...device, key: name.key } : name;
  return {
    field: (meaning: string): Field | undefined => {
      if (meaning === 'name') return own;
      if (meaning === 'rest_url') return vars.get('rest_url') ?? httpapiUrl(vars);
      // A host over the netconf connection: its ansible_port is NETCONF's, not SSH's.
      const netconf = NETCONF.has(String(vars.get('ansible_connection')?.value));
      if (meaning === 'netconf_port')
        return vars.get('netconf_port') ?? (netconf ? vars.get('ansible_port') : undefined);
      if (meaning === 'port' && netconf) return undefined;
      return vars.get(ANSIBLE_FIELDS[meaning] ?? meaning) ?? (meaning === 'host' ? name : undefined);
    },
    where: name.where,
    platforms: ANSIBLE_PLATFORMS,
  };
}

/** Where an httpapi host's REST API is, from the httpapi connection's own variables. */
function httpapiUrl(vars: Vars): Field | undefined {
  const connection = vars.get('ansible_connection');
  if (!HTTPAPI.has(String(connection?.value))) return undefined;
  const ssl = vars.get('ansible_httpapi_use_ssl')?.value;
  const https = ssl === true || /^(true|yes|on|1)$/i.test(String(ssl));
  const port = vars.get('ansible_httpapi_port');
  const host = vars.get('ansible_host')?.value;
  if (typeof host !== 'string') return undefined;
  const number =
    typeof port?.value === 'number' || typeof port?.value === 'string' ? port.value : https ? 443 : 80;
  const url = `${https ? 'https' : 'http'}://${host}:${number}`;
  return { key: 'ansible_httpapi_port', value: url, where: (port ?? connection)!.where };
}
