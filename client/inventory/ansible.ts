/**
 * An Ansible YAML inventory (`all:` with vars, hosts and children). A variable is reported where it
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

type Vars = ReadonlyMap<string, Field>;

/** A mapping of variables, each remembering where it was set. */
function varsOf(raw: unknown, path: PathSegment[], at: At): Map<string, Field> {
  if (raw === undefined || raw === null) return new Map();
  if (!isObject(raw)) throw invalid(at(path), 'TYPE_INVALID', 'expected a mapping');
  return new Map(Object.entries(raw).map(([key, value]) => [key, { key, value, where: at([...path, key]) }]));
}

/** An Ansible group: its hosts with the group's vars (and its parents'), then its children's. */
export function parseAnsible(
  group: unknown,
  path: PathSegment[],
  at: At,
  inherited: Vars = new Map(),
): Target[] {
  if (group === undefined || group === null) return [];
  if (!isObject(group))
    throw invalid(at(path), 'TYPE_INVALID', 'an Ansible group is a mapping of vars, hosts and children');
  const vars = new Map([...inherited, ...varsOf(group.vars, [...path, 'vars'], at)]);
  const hosts = varsOf(group.hosts, [...path, 'hosts'], at);
  const here = [...hosts.values()].map((host) => {
    const hostPath = [...path, 'hosts', host.key];
    const all = new Map([...vars, ...varsOf(host.value, hostPath, at)]);
    const name: Field = { key: host.key, value: host.key, where: at(hostPath, true) };
    return targetOf({
      field: (meaning) =>
        meaning === 'name'
          ? name
          : (all.get(ANSIBLE_FIELDS[meaning] ?? meaning) ?? (meaning === 'host' ? name : undefined)),
      where: name.where,
      platforms: ANSIBLE_PLATFORMS,
    });
  });
  const children = varsOf(group.children, [...path, 'children'], at);
  return [
    ...here,
    ...[...children.values()].flatMap((child) =>
      parseAnsible(child.value, [...path, 'children', child.key], at, vars),
    ),
  ];
}
