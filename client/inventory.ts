/**
 * Who to connect to: the devices of a topology (addresses derived exactly as `up` derives them),
 * the inventory `up` wrote, or a user's own inventory of real devices (JSON, CSV, Ansible or Nornir YAML).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deviceAddresses, restUrl, type AddressOptions } from '../simulator/topology/addresses.js';
import type { Topology } from '../simulator/topology/model.js';
import { parseSource, readSourceFile, renderPath, type PathSegment } from '../simulator/topology/source.js';
import { isObject } from '../simulator/format/guards.js';
import { LabfleetError } from '../simulator/errors.js';
import { parseAnsible } from './inventory/ansible.js';
import { parseCsvInventory } from './inventory/csv.js';
import { isNornirHosts, parseNornir } from './inventory/nornir.js';
import {
  fieldKeys,
  invalid,
  OWN_PLATFORMS,
  targetOf,
  type At,
  type DeviceRecord,
} from './inventory/record.js';
import { createSourceError } from './source-error.js';
import type { Transport } from './readers/types.js';
import type { Target } from './target.js';

/** What Nornir's SimpleInventory reads by default, looked for in a directory given as the inventory. */
const NORNIR_HOSTS_FILES = ['hosts.yaml', 'hosts.yml'];

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
      const { host, port, restPort, netconfPort } = byName.get(n.name)!;
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
        // NETCONF rides SSH: no SSH, no NETCONF port.
        ...(n.protocols.netconf && n.protocols.ssh ? { netconfPort } : {}),
      };
    });
}

/**
 * Reads an inventory file: `{"devices":[…]}` JSON, CSV with a header, an Ansible YAML inventory, or
 * Nornir's hosts file (with the groups and defaults files next to it), or the directory holding
 * Nornir's hosts.yaml.
 * A bad file is INVENTORY_INVALID saying file:line:column; positions cost a second parse, on error only.
 */
export async function loadInventory(path: string): Promise<Target[]> {
  const file = await inventoryFile(path);
  const targets = await readInventory(file);
  if (targets.length > 0) return targets;
  throw invalid(
    () => ({ location: { file, line: 1, column: 1 }, path: '' }),
    'EMPTY',
    'the inventory lists no devices; valid: at least one device with name, platform and host',
  );
}

/** A file as given; a directory is a Nornir inventory's, read through its hosts file. */
async function inventoryFile(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return path;
  const hosts = NORNIR_HOSTS_FILES.map((name) => join(path, name)).find((f) => existsSync(f));
  if (hosts) return hosts;
  throw new LabfleetError(
    'FILE_UNREADABLE',
    `cannot read inventory ${path}: a directory without a Nornir hosts file; valid: a directory holding ${NORNIR_HOSTS_FILES.join(' or ')} (with groups.yaml and defaults.yaml next to it), or an inventory file`,
  );
}

async function readInventory(file: string): Promise<Target[]> {
  const text = isUrl(file) ? await fetchInventory(file) : await readSourceFile(file, 'inventory');
  if (/\.csv$/i.test(file)) return parseCsvInventory(text, file);
  const { source, diagnostics } = parseSource(text, file);
  if (!source) throw createSourceError('INVENTORY_INVALID', diagnostics);
  const data = source.data;
  const at: At = (path, key) => () => ({ location: source.locate(path, { key }), path: renderPath(path) });
  if (isObject(data) && Array.isArray(data.devices))
    return data.devices.map((device, i) => targetOf(jsonRecord(device, ['devices', i], at)));
  if (isObject(data) && 'all' in data) return parseAnsible(data.all, ['all'], at);
  if (isNornirHosts(data)) return parseNornir(data, file, at);
  throw invalid(
    at([]),
    'TYPE_INVALID',
    'expected {"devices": […]}, a CSV with a header, an Ansible inventory (all: …) or Nornir hosts (name: {hostname: …})',
  );
}

/** How long a served inventory (a shard's GET /inventory) may take to arrive. */
const FETCH_TIMEOUT_MS = 30_000;

function isUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/**
 * An inventory served over HTTP, e.g. by `up`'s control API (GET /inventory), read as JSON. The
 * control API's token ($LABFLEET_CONTROL_TOKEN) goes along as a bearer token when set.
 */
async function fetchInventory(url: string): Promise<string> {
  const token = process.env.LABFLEET_CONTROL_TOKEN;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (cause) {
    const reason = (cause as Error & { cause?: Error }).cause?.message ?? (cause as Error).message;
    throw new LabfleetError('FILE_UNREADABLE', `cannot read inventory ${url}: ${reason}`, { cause });
  }
  const body = await response.text();
  if (response.ok) return body;
  const hint =
    response.status === 401
      ? token
        ? ' (LABFLEET_CONTROL_TOKEN is not the token up was given)'
        : ' (set LABFLEET_CONTROL_TOKEN to the token up was given)'
      : '';
  throw new LabfleetError(
    'FILE_UNREADABLE',
    `cannot read inventory ${url}: HTTP ${response.status}${hint}: ${body.slice(0, 200)}`,
  );
}

/** A JSON (or YAML) device of `{"devices": […]}`. */
function jsonRecord(raw: unknown, path: PathSegment[], at: At): DeviceRecord {
  if (!isObject(raw))
    throw invalid(at(path), 'TYPE_INVALID', 'a device is a mapping of name, platform, host, port …');
  return {
    field(meaning) {
      const key = fieldKeys(meaning).find((k) => raw[k] !== undefined && raw[k] !== null);
      return key === undefined ? undefined : { key, value: raw[key], where: at([...path, key]) };
    },
    where: at(path),
    platforms: OWN_PLATFORMS,
  };
}
