/**
 * Who to connect to: the devices of a topology (addresses derived exactly as `up` derives them),
 * the inventory `up` wrote, or a user's own inventory of real devices (JSON, CSV, Ansible-style YAML).
 */
import { deviceAddresses, restUrl, type AddressOptions } from '../simulator/topology/addresses.js';
import { PLATFORMS, type Platform } from '../simulator/topology/kinds/index.js';
import type { Topology } from '../simulator/topology/model.js';
import type { ErrorCode, SourceLocation } from '../simulator/errors.js';
import { parseSource, readSourceFile, renderPath, type PathSegment } from '../simulator/topology/source.js';
import { splitCsv, splitCsvCells } from './csv.js';
import type { ClientError } from './errors.js';
import { createSourceError } from './source-error.js';
import type { Transport } from './readers/types.js';
import type { Target } from './target.js';

export interface TopologyTargetOptions extends AddressOptions {
  /** Only devices that serve this transport; each gets its `restUrl` either way. Default ssh. */
  transport?: Transport;
  /** The fleet serves REST over plain HTTP (`up --rest-plain`). */
  restPlain?: boolean;
}

export function targetsFromTopology(topology: Topology, options: TopologyTargetOptions = {}): Target[] {
  const byName = new Map(deviceAddresses(topology, options).map((a) => [a.name, a]));
  const transport = options.transport ?? 'ssh';
  return topology.nodes
    .filter((n) => n.protocols[transport])
    .map((n) => {
      const { host, port, restPort } = byName.get(n.name)!;
      const { username, password, secret } = n.credentials;
      return {
        name: n.name,
        platform: n.platform,
        host,
        port,
        username,
        password,
        secret,
        ...(n.protocols.rest ? { restUrl: restUrl(host, restPort, options.restPlain) } : {}),
      };
    });
}

const ANSIBLE_PLATFORM: Record<string, Platform> = {
  'cisco.ios.ios': 'cisco_ios',
  ios: 'cisco_ios',
  'cisco.nxos.nxos': 'cisco_nxos',
  nxos: 'cisco_nxos',
  'arista.eos.eos': 'arista_eos',
  eos: 'arista_eos',
  'junipernetworks.junos.junos': 'juniper_junos',
  junos: 'juniper_junos',
};

const OWN_PLATFORM = Object.fromEntries(PLATFORMS.map((p) => [p, p])) as Record<string, Platform>;

/** Where something was written: resolved (a second, position-keeping parse) only once it is wrong. */
type Where = () => { location: SourceLocation; path: string };

/** One value of a device's record, with the key it was written under. */
interface Field {
  key: string;
  value: unknown;
  where: Where;
}

/** A device's record: its fields by meaning (`host` may come from `hostname` …), and the record itself. */
interface DeviceRecord {
  field(name: string): Field | undefined;
  where: Where;
  /** Platform names this format accepts. */
  platforms: Record<string, Platform>;
}

/** Reads an inventory file: `{"devices":[…]}` JSON, CSV with a header, or an Ansible YAML inventory. */
export async function loadInventory(file: string): Promise<Target[]> {
  const text = await readSourceFile(file, 'inventory');
  if (/\.csv$/i.test(file)) return parseCsvInventory(text, file);
  const { source, diagnostics } = parseSource(text, file);
  if (!source) throw createSourceError('INVENTORY_INVALID', diagnostics);
  const data = source.data;
  const at: At = (path, key) => () => ({ location: source.locate(path, { key }), path: renderPath(path) });
  if (isRecord(data) && Array.isArray(data.devices))
    return data.devices.map((device, i) => targetOf(jsonRecord(device, ['devices', i], at)));
  if (isRecord(data) && 'all' in data) return parseAnsible(data.all, ['all'], at);
  throw invalid(
    at([]),
    'TYPE_INVALID',
    'expected {"devices": […]}, a CSV with a header, or an Ansible inventory (all: …)',
  );
}

function invalid(where: Where, code: ErrorCode, message: string): ClientError {
  return createSourceError('INVENTORY_INVALID', [{ code, message, ...where() }]);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A YAML/JSON/CSV value as text, when it is a plain value. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function targetOf(record: DeviceRecord): Target {
  const text = (name: string) => scalar(record.field(name)?.value);
  const platformField = record.field('platform');
  const platform = record.platforms[text('platform') ?? ''];
  if (!platform) {
    const valid = `valid: ${Object.keys(record.platforms).join(', ')}`;
    if (!platformField) throw invalid(record.where, 'KEY_MISSING', `platform is missing; ${valid}`);
    throw invalid(
      platformField.where,
      'VALUE_INVALID',
      `${platformField.key} ${JSON.stringify(platformField.value)} is not supported; ${valid}`,
    );
  }
  const name = text('name');
  const host = text('host');
  for (const [key, value] of [
    ['name', name],
    ['host', host],
  ] as const)
    if (!value)
      throw invalid(
        record.field(key)?.where ?? record.where,
        'KEY_MISSING',
        `a device needs a non-empty ${key}`,
      );
  // An empty cell is no port (`up` leaves it empty for a device without SSH): SSH's own 22.
  const port = Number(text('port') || 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    const field = record.field('port')!;
    throw invalid(
      field.where,
      'VALUE_INVALID',
      `${field.key} ${JSON.stringify(field.value)} is not a port; valid: 1-65535`,
    );
  }
  const secret = text('secret');
  const rest = text('rest_url');
  return {
    name: name!,
    platform,
    host: host!,
    port,
    username: text('username') ?? 'admin',
    password: text('password') ?? '',
    ...(secret === undefined ? {} : { secret }),
    ...(rest ? { restUrl: rest } : {}),
  };
}

/** A JSON device; `device_type` and `hostname` (Netmiko's words) stand for platform and host. */
function jsonRecord(raw: unknown, path: PathSegment[], at: At): DeviceRecord {
  if (!isRecord(raw))
    throw invalid(at(path), 'TYPE_INVALID', 'a device is a mapping of name, platform, host, port …');
  const ALIASES: Record<string, string[]> = {
    platform: ['platform', 'device_type'],
    host: ['host', 'hostname'],
  };
  return {
    field(name) {
      const key = (ALIASES[name] ?? [name]).find((k) => raw[k] !== undefined && raw[k] !== null);
      return key === undefined ? undefined : { key, value: raw[key], where: at([...path, key]) };
    },
    where: at(path),
    platforms: OWN_PLATFORM,
  };
}

function parseCsvInventory(text: string, file: string): Target[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line, number: i + 1 }));
  const [header, ...rows] = lines.filter((l) => l.line.trim() !== '');
  const columns = splitCsv(header?.line ?? '');
  return rows.map(({ line, number }) => {
    const cells = splitCsvCells(line);
    const where =
      (column: number, path: string): Where =>
      () => ({ location: { file, line: number, column }, path });
    return targetOf({
      field(name) {
        const keys =
          name === 'platform' ? ['platform', 'device_type'] : name === 'host' ? ['host', 'hostname'] : [name];
        const j = columns.findIndex((c) => keys.includes(c));
        const cell = cells[j];
        return j < 0 || !cell
          ? undefined
          : { key: columns[j]!, value: cell.text, where: where(cell.column, columns[j]!) };
      },
      where: where(1, ''),
      platforms: OWN_PLATFORM,
    });
  });
}

type At = (path: PathSegment[], key?: boolean) => Where;
type Vars = Record<string, Field>;

const ANSIBLE_FIELDS: Record<string, string> = {
  platform: 'ansible_network_os',
  host: 'ansible_host',
  port: 'ansible_port',
  username: 'ansible_user',
  password: 'ansible_password',
  secret: 'ansible_become_password',
  rest_url: 'rest_url',
};

/** A mapping of variables, each remembering where it was set (a group's or the host's own). */
function varsOf(raw: unknown, path: PathSegment[], at: At): Vars {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) throw invalid(at(path), 'TYPE_INVALID', 'expected a mapping of variables');
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, { key, value, where: at([...path, key]) }]),
  );
}

/** An Ansible group: its hosts with the group's vars (and its parents'), then its children's. */
function parseAnsible(group: unknown, path: PathSegment[], at: At, inherited: Vars = {}): Target[] {
  if (group === undefined || group === null) return [];
  if (!isRecord(group))
    throw invalid(at(path), 'TYPE_INVALID', 'an Ansible group is a mapping of vars, hosts and children');
  const vars = { ...inherited, ...varsOf(group.vars, [...path, 'vars'], at) };
  const hosts = varsOf(group.hosts, [...path, 'hosts'], at);
  const here = Object.keys(hosts).map((name) => {
    const hostPath = [...path, 'hosts', name];
    const all = { ...vars, ...varsOf(hosts[name]!.value, hostPath, at) };
    const nameField: Field = { key: name, value: name, where: at(hostPath, true) };
    return targetOf({
      field: (meaning) =>
        meaning === 'name'
          ? nameField
          : (all[ANSIBLE_FIELDS[meaning] ?? meaning] ?? (meaning === 'host' ? nameField : undefined)),
      where: nameField.where,
      platforms: { ...ANSIBLE_PLATFORM, ...OWN_PLATFORM },
    });
  });
  const children = varsOf(group.children, [...path, 'children'], at);
  return [
    ...here,
    ...Object.keys(children).flatMap((child) =>
      parseAnsible(children[child]!.value, [...path, 'children', child], at, vars),
    ),
  ];
}
