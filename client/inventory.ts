/**
 * Who to connect to: the devices of a topology (addresses derived exactly as `up` derives them),
 * the inventory `up` wrote, or a user's own inventory of real devices (JSON, CSV, Ansible-style YAML).
 */
import { deviceAddresses, restUrl, type AddressOptions } from '../simulator/topology/addresses.js';
import { PLATFORMS, type Platform } from '../simulator/topology/kinds/index.js';
import type { Topology } from '../simulator/topology/model.js';
import { readSourceFile } from '../simulator/topology/source.js';
import { ClientError } from './errors.js';
import { parseYamlDocument } from './parse-yaml.js';
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

/** Reads an inventory file: `{"devices":[…]}` JSON, CSV with a header, or an Ansible YAML inventory. */
export async function loadInventory(file: string): Promise<Target[]> {
  const text = await readSourceFile(file, 'inventory');
  if (/\.csv$/i.test(file)) return parseCsvInventory(text, file);
  const data = parseYamlDocument(text, file, 'INVENTORY_INVALID');
  if (data && typeof data === 'object' && Array.isArray((data as { devices?: unknown }).devices))
    return (data as { devices: unknown[] }).devices.map((d, i) =>
      toTarget(d as Record<string, unknown>, `${file}: devices[${i}]`),
    );
  if (data && typeof data === 'object' && 'all' in data)
    return parseAnsible((data as { all: AnsibleGroup }).all, file);
  throw new ClientError(
    'INVENTORY_INVALID',
    `${file}: expected {"devices": […]}, a CSV with a header, or an Ansible inventory (all: …)`,
  );
}

function toTarget(raw: Record<string, unknown>, where: string): Target {
  const text = (key: string) => scalar(raw[key]);
  const platform = text('platform') ?? text('device_type');
  if (!platform || !PLATFORMS.includes(platform as Platform))
    throw new ClientError(
      'INVENTORY_INVALID',
      `${where}: platform ${JSON.stringify(platform)} is not one of ${PLATFORMS.join(', ')}`,
    );
  const name = text('name');
  const host = text('host') ?? text('hostname');
  if (!name || !host) throw new ClientError('INVENTORY_INVALID', `${where}: "name" and "host" are required`);
  // An empty cell is no port (`up` leaves it empty for a device without SSH): SSH's own 22.
  const port = Number(text('port') || 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ClientError('INVENTORY_INVALID', `${where}: port ${text('port')} is not 1-65535`);
  const secret = text('secret');
  const rest = text('rest_url');
  return {
    name,
    platform: platform as Platform,
    host,
    port,
    username: text('username') ?? 'admin',
    password: text('password') ?? '',
    ...(secret === undefined ? {} : { secret }),
    ...(rest ? { restUrl: rest } : {}),
  };
}

function parseCsvInventory(text: string, file: string): Target[] {
  const [header, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = splitCsv(header ?? '');
  return rows.map((row, i) =>
    toTarget(
      Object.fromEntries(splitCsv(row).map((v, j) => [columns[j] ?? `column${j}`, v])),
      `${file}:${i + 2}`,
    ),
  );
}

/** Splits one CSV line, honouring double quotes. */
export function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

interface AnsibleGroup {
  vars?: Record<string, unknown>;
  hosts?: Record<string, Record<string, unknown> | null>;
  children?: Record<string, AnsibleGroup | null>;
}

function parseAnsible(group: AnsibleGroup, file: string, inherited: Record<string, unknown> = {}): Target[] {
  const vars = { ...inherited, ...group.vars };
  const here = Object.entries(group.hosts ?? {}).map(([name, hostVars]) => {
    const all = { ...vars, ...hostVars };
    const os = scalar(all.ansible_network_os) ?? '';
    return toTarget(
      {
        name,
        platform: ANSIBLE_PLATFORM[os] ?? os,
        host: all.ansible_host ?? name,
        port: all.ansible_port ?? 22,
        username: all.ansible_user,
        password: all.ansible_password,
        secret: all.ansible_become_password,
        rest_url: all.rest_url,
      },
      `${file}: host ${name}`,
    );
  });
  const children = Object.values(group.children ?? {}).flatMap((child) =>
    child ? parseAnsible(child, file, vars) : [],
  );
  return [...here, ...children];
}

/** A YAML/JSON/CSV value as text, when it is a plain value. */
function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
