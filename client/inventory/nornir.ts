/**
 * A Nornir SimpleInventory: the hosts file, plus the groups and defaults files `up` writes next to
 * it (see `nornirCompanionPaths`; either may be absent). Each value is looked up as Nornir does:
 * the host, then its groups in order (and theirs), then the defaults; it is reported in the file
 * and at the line where it was found.
 */
import { existsSync } from 'node:fs';
import { nornirCompanionPaths } from '../../simulator/format/nornir-files.js';
import { isObject } from '../../simulator/format/guards.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';
import {
  parseSource,
  readSourceFile,
  renderPath,
  type PathSegment,
  type SourceFile,
} from '../../simulator/topology/source.js';
import { createSourceError } from '../source-error.js';
import type { Target } from '../target.js';
import { invalid, OWN_PLATFORMS, targetOf, type At, type Field } from './record.js';

/** Nornir platforms are netmiko's (labfleet's own), or NAPALM's when a NAPALM user wrote them. */
const NORNIR_PLATFORMS: ReadonlyMap<string, Platform> = new Map([
  ...OWN_PLATFORMS,
  ['ios', 'cisco_ios'],
  ['cisco_iosxe', 'cisco_ios'],
  ['nxos', 'cisco_nxos'],
  ['nxos_ssh', 'cisco_nxos'],
  ['eos', 'arista_eos'],
  ['junos', 'juniper_junos'],
]);

/** Where each thing is in a Nornir host, group or defaults record. */
const NORNIR_PATHS: Readonly<Record<string, readonly string[]>> = {
  host: ['hostname'],
  port: ['port'],
  username: ['username'],
  password: ['password'],
  platform: ['platform'],
  secret: ['connection_options', 'netmiko', 'extras', 'secret'],
  rest_url: ['data', 'rest_url'],
  // nornir_netconf's connection options, as `up` writes them.
  netconf_port: ['connection_options', 'netconf', 'port'],
};

/** Keys only a Nornir host record has: how a hosts file is told from other YAML. */
const HOST_KEYS = ['hostname', 'platform', 'groups', 'connection_options', 'data', 'port'];

/** Whether parsed data looks like a Nornir hosts file: a mapping of names to host records. */
export function isNornirHosts(data: unknown): data is Record<string, unknown> {
  if (!isObject(data)) return false;
  const hosts = Object.values(data);
  return (
    hosts.length > 0 &&
    hosts.every((h) => h === null || isObject(h)) &&
    hosts.some((h) => isObject(h) && HOST_KEYS.some((k) => k in h))
  );
}

interface Layer {
  data: Record<string, unknown>;
  path: PathSegment[];
  at: At;
}

const atOf =
  (source: SourceFile): At =>
  (path, key) =>
  () => ({ location: source.locate(path, { key }), path: renderPath(path) });

/** Where anything is in an empty file: its start. */
const emptyAt =
  (file: string): At =>
  (path) =>
  () => ({ location: { file, line: 1, column: 1 }, path: renderPath(path) });

/** The groups or defaults file next to the hosts file, when there is one. */
async function loadCompanion(file: string): Promise<{ data: Record<string, unknown>; at: At } | undefined> {
  if (!existsSync(file)) return undefined;
  const { source, diagnostics } = parseSource(await readSourceFile(file, 'inventory'), file);
  // Nornir reads an empty groups or defaults file as no groups, no defaults (`yml.load(f) or {}`).
  if (!source && diagnostics.every((d) => d.code === 'EMPTY')) return { data: {}, at: emptyAt(file) };
  if (!source) throw createSourceError('INVENTORY_INVALID', diagnostics);
  const at = atOf(source);
  if (!isObject(source.data)) throw invalid(at([]), 'TYPE_INVALID', 'expected a mapping');
  return { data: source.data, at };
}

export async function parseNornir(hosts: Record<string, unknown>, file: string, at: At): Promise<Target[]> {
  const paths = nornirCompanionPaths(file);
  const groups = (await loadCompanion(paths.groups)) ?? { data: {}, at };
  const defaults = await loadCompanion(paths.defaults);
  const groupLayers = (
    record: Record<string, unknown>,
    path: PathSegment[],
    where: At,
    seen: ReadonlySet<string>,
  ): Layer[] => {
    const names = record.groups;
    if (names === undefined || names === null) return [];
    if (!Array.isArray(names))
      throw invalid(where([...path, 'groups']), 'TYPE_INVALID', 'groups is a list of group names');
    return names.flatMap((name, i) => {
      const group = typeof name === 'string' ? groups.data[name] : undefined;
      if (typeof name !== 'string' || !(name in groups.data))
        throw invalid(
          where([...path, 'groups', i]),
          'VALUE_INVALID',
          `group ${JSON.stringify(name)} is not defined in ${paths.groups}; valid: ${Object.keys(groups.data).join(', ') || 'none'}`,
        );
      if (seen.has(name)) return [];
      const data = isObject(group) ? group : {};
      return [
        { data, path: [name], at: groups.at },
        ...groupLayers(data, [name], groups.at, new Set([...seen, name])),
      ];
    });
  };
  return Object.entries(hosts).map(([name, raw]) => {
    const host = isObject(raw) ? raw : {};
    const layers: Layer[] = [
      { data: host, path: [name], at },
      ...groupLayers(host, [name], at, new Set()),
      ...(defaults ? [{ data: defaults.data, path: [], at: defaults.at }] : []),
    ];
    const nameField: Field = { key: name, value: name, where: at([name], true) };
    return targetOf({
      field: (meaning) =>
        meaning === 'name' ? nameField : lookup(layers, NORNIR_PATHS[meaning] ?? [meaning]),
      where: nameField.where,
      platforms: NORNIR_PLATFORMS,
    });
  });
}

/** The first layer that sets the value at `keys`. */
function lookup(layers: readonly Layer[], keys: readonly string[]): Field | undefined {
  for (const layer of layers) {
    let value: unknown = layer.data;
    for (const k of keys) value = isObject(value) ? value[k] : undefined;
    if (value !== undefined && value !== null)
      return { key: keys.join('.'), value, where: layer.at([...layer.path, ...keys]) };
  }
  return undefined;
}
