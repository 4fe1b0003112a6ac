/**
 * Junos REST (`system services rest`): one RPC per `GET /rpc/<name>`, answers in Junos JSON
 * (`Accept: application/json`), parsed to the same shapes the SSH driver reads from the CLI
 * (client/drivers/juniper-junos.ts). Neighbours come from the brief `get-lldp-neighbors-information`
 * (what `show lldp neighbors` prints), so they carry no platform or management address.
 */
import { ClientError } from '../../errors.js';
import type { HttpAnswer, RestCall } from '../../transport/rest-session.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';
import type { RestCollector, RestDriver } from './types.js';
import { isObject, objectsIn, type JsonObject } from '../../../simulator/format/guards.js';

/** Junos JSON holds every element as an array of objects: the objects named `key` under `node`. */
function children(node: unknown, key: string): JsonObject[] {
  const list = isObject(node) ? node[key] : undefined;
  return objectsIn(list);
}

/** The text of the first `key` element under `node` (`"key" : [{"data" : "…"}]`). */
function data(node: unknown, key: string): string | undefined {
  const value = children(node, key)[0]?.data;
  return typeof value === 'string' ? value : undefined;
}

/** Every `key` element at any depth (a virtual chassis nests replies per member). */
function findAll(node: unknown, key: string): JsonObject[] {
  if (Array.isArray(node)) return node.flatMap((item) => findAll(item, key));
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([name, value]) =>
    name === key ? children(node, key) : name === 'attributes' ? [] : findAll(value, key),
  );
}

/** `GET /rpc/<rpc>[?args]` in the given format. */
export function junosRpcCall(rpc: string, format: 'json' | 'text' = 'json'): RestCall {
  return {
    method: 'GET',
    path: `/rpc/${rpc}`,
    headers: { accept: format === 'json' ? 'application/json' : 'text/plain' },
  };
}

/** mgd's own words from an `<rpc-error>` (XML or JSON), or the HTTP status and body. */
function refusal(answer: HttpAnswer): string {
  const xml = /<error-message>([^<]*)<\/error-message>/.exec(answer.body)?.[1];
  const bad = /<bad-element>([^<]*)<\/bad-element>/.exec(answer.body)?.[1];
  let message = xml;
  let element = bad;
  if (message === undefined) {
    try {
      const error = findAll(JSON.parse(answer.body), 'rpc-error')[0];
      message = data(error, 'error-message');
      element = data(children(error, 'error-info')[0], 'bad-element');
    } catch {
      // not JSON either: quote the status
    }
  }
  if (message === undefined) return `HTTP ${answer.status} ${answer.body.trim().slice(0, 200)}`;
  return `${message}${element === undefined ? '' : ` (${element})`}`;
}

/** The Junos JSON of a successful answer, or a COMMAND_FAILED quoting the device. */
export function junosJson(answer: HttpAnswer, rpc: string): JsonObject {
  const failed = (detail: string) =>
    new ClientError('COMMAND_FAILED', `Junos REST refused ${rpc}: ${detail}`);
  if (answer.status !== 200) throw failed(refusal(answer));
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    throw failed(`not JSON: ${answer.body.slice(0, 200)}`);
  }
  if (!isObject(parsed)) throw failed('not a Junos JSON document');
  if (findAll(parsed, 'rpc-error').length > 0) throw failed(refusal({ ...answer, status: 500 }));
  return parsed;
}

/** `get-lldp-neighbors-information`: the port description when sent (the CLI's Port info), else the port ID. */
export function parseJunosRestLldp(reply: JsonObject): ObservedNeighbor[] {
  return findAll(reply, 'lldp-neighbor-information').flatMap((n): ObservedNeighbor[] => {
    const localInterface = data(n, 'lldp-local-port-id') ?? data(n, 'lldp-local-interface');
    const remoteDevice = data(n, 'lldp-remote-system-name');
    const remoteInterface = data(n, 'lldp-remote-port-description') ?? data(n, 'lldp-remote-port-id');
    if (!localInterface || !remoteDevice || !remoteInterface) return [];
    return [{ protocol: 'lldp', localInterface, remoteDevice, remoteInterface }];
  });
}

/** `get-arp-table-information` with `no-resolve`: MAC, address and unit (`ge-0/0/1.0`). */
export function parseJunosRestArp(reply: JsonObject): ArpRow[] {
  return findAll(reply, 'arp-table-entry').flatMap((e): ArpRow[] => {
    const address = data(e, 'ip-address');
    const mac = data(e, 'mac-address');
    const iface = data(e, 'interface-name');
    if (!address) return [];
    return [{ ...(mac ? { mac } : {}), address, ...(iface ? { interface: iface } : {}) }];
  });
}

/** `get-software-information`: host-name, product-model, junos-version (first member of a chassis). */
export function parseJunosRestVersion(reply: JsonObject): VersionFacts {
  const info = findAll(reply, 'software-information')[0];
  const hostname = data(info, 'host-name');
  const model = data(info, 'product-model');
  const version =
    data(info, 'junos-version') ??
    children(info, 'package-information')
      .map((p) => /\[([^\]]+)\]/.exec(data(p, 'comment') ?? '')?.[1])
      .find((v) => v !== undefined);
  return {
    ...(hostname ? { hostname } : {}),
    ...(model ? { model } : {}),
    ...(version ? { version } : {}),
  };
}

/** `get-system-memory-information`: total and free, in Kbytes. */
export function parseJunosRestMemory(reply: JsonObject): MemoryFacts {
  const summary = findAll(reply, 'system-memory-summary-information')[0];
  const kbytes = (key: string) => {
    const text = data(summary, key);
    return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) * 1024 : undefined;
  };
  const total = kbytes('system-memory-total');
  const free = kbytes('system-memory-free');
  if (total === undefined) return {};
  return { totalBytes: total, ...(free === undefined ? {} : { freeBytes: free, usedBytes: total - free }) };
}

function collector<T>(rpc: string, parse: (reply: JsonObject) => T): RestCollector<T> {
  return { request: junosRpcCall(rpc), parse: (answer) => parse(junosJson(answer, rpc)) };
}

/** CLI commands `raw` accepts, by the RPC they are. */
const RPC_OF_COMMAND: Readonly<Record<string, string>> = {
  'show lldp neighbors': 'get-lldp-neighbors-information',
  'show arp no-resolve': 'get-arp-table-information?no-resolve',
  'show arp': 'get-arp-table-information',
  'show version': 'get-software-information',
  'show system memory': 'get-system-memory-information',
};

/**
 * `raw('get-arp-table-information?no-resolve')` or `raw('show arp no-resolve')`: an RPC name (with
 * its arguments as a query) or one of the CLI commands above, answered as the device's text. Other
 * CLI text goes to the device as it is, which refuses it as an unknown RPC.
 */
function raw(command: string): RestCollector<string> {
  const text = command.trim().replace(/\s+/g, ' ');
  const rpc =
    (Object.hasOwn(RPC_OF_COMMAND, text) ? RPC_OF_COMMAND[text] : undefined) ??
    (/^[a-z][\w-]*(?:\?\S*)?$/.test(text) ? text : encodeURIComponent(text));
  return {
    request: junosRpcCall(rpc, 'text'),
    parse: (answer) => {
      if (answer.status !== 200)
        throw new ClientError('COMMAND_FAILED', `Junos REST refused '${text}': ${refusal(answer)}`);
      return answer.body;
    },
  };
}

export const juniperJunosRestDriver: RestDriver = {
  platform: 'juniper_junos',
  neighbors: [{ protocol: 'lldp', ...collector('get-lldp-neighbors-information', parseJunosRestLldp) }],
  arp: collector('get-arp-table-information?no-resolve', parseJunosRestArp),
  version: collector('get-software-information', parseJunosRestVersion),
  memory: collector('get-system-memory-information', parseJunosRestMemory),
  raw,
};
