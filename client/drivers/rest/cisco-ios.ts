/**
 * Cisco IOS-XE over RESTCONF: GETs of the IOS-XE oper models in `application/yang-data+json`, and
 * parsers from those trees to the same shapes the SSH driver reads from the CLI
 * (client/drivers/cisco-ios.ts): CDP and LLDP neighbours, ARP rows, version and memory facts.
 */
import { ClientError } from '../../errors.js';
import type { HttpAnswer, RestCall } from '../../transport/rest-session.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';
import type { RestCollector, RestDriver } from './types.js';
import { cdpNeighborsOf, lldpNeighborsOf, type ModelReader } from '../ios-xe-oper.js';
import { renderUptime } from '../../../simulator/format/uptime.js';
import { isObject, objectsIn, stringOf, type JsonObject } from '../../../simulator/format/guards.js';

const JSON_ACCEPT = { accept: 'application/yang-data+json' };

/** A GET of a data path (`Cisco-IOS-XE-cdp-oper:cdp-neighbor-details`), in JSON. */
export function restconfGet(dataPath: string): RestCall {
  const path = dataPath.startsWith('/restconf/')
    ? dataPath
    : `/restconf/data/${dataPath.replace(/^\/+/, '')}`;
  return { method: 'GET', path, headers: JSON_ACCEPT };
}

/** The message of an `ietf-restconf:errors` document, or the start of whatever came instead. */
function errorMessage(answer: HttpAnswer): string {
  try {
    const doc = JSON.parse(answer.body) as JsonObject;
    const errors = isObject(doc['ietf-restconf:errors']) ? doc['ietf-restconf:errors'] : {};
    const [first] = objectsIn(errors.error);
    if (first) return stringOf(first['error-message']) ?? stringOf(first['error-tag']) ?? 'error';
  } catch {
    // not JSON: quote it below
  }
  return answer.body.trim().slice(0, 200);
}

/**
 * The document a data GET answered with: `{}` for 204 No Content (nothing there, such as CDP
 * when it is off), a COMMAND_FAILED quoting the device's error otherwise.
 */
export function restconfDocument(answer: HttpAnswer, what: string): JsonObject {
  if (answer.status === 204) return {};
  if (answer.status !== 200) {
    throw new ClientError(
      'COMMAND_FAILED',
      `RESTCONF GET ${what}: HTTP ${answer.status} ${errorMessage(answer)}`,
    );
  }
  try {
    const doc: unknown = JSON.parse(answer.body);
    if (isObject(doc)) return doc;
  } catch {
    // fall through
  }
  throw new ClientError('COMMAND_FAILED', `RESTCONF GET ${what}: not a JSON document`);
}

const member = (doc: JsonObject, name: string): JsonObject => (isObject(doc[name]) ? doc[name] : {});

const JSON_MODEL: ModelReader<JsonObject> = {
  text: (node, name) => stringOf(node?.[name]),
  list: (node, name) => objectsIn(node?.[name]),
};

/** `Cisco-IOS-XE-cdp-oper:cdp-neighbor-details`. */
export const parseRestconfCdp = (doc: JsonObject): ObservedNeighbor[] =>
  cdpNeighborsOf(JSON_MODEL, [member(doc, 'Cisco-IOS-XE-cdp-oper:cdp-neighbor-details')]);

/** `Cisco-IOS-XE-lldp-oper:lldp-entries`: the entries, with management addresses from the details. */
export const parseRestconfLldp = (doc: JsonObject): ObservedNeighbor[] =>
  lldpNeighborsOf(JSON_MODEL, [member(doc, 'Cisco-IOS-XE-lldp-oper:lldp-entries')]);

/** `aa:bb:cc:dd:ee:ff` → `aabb.ccdd.eeff`, as `show ip arp` prints it. */
const dottedMac = (mac: string) => mac.replace(/:/g, '').replace(/^(.{4})(.{4})(.{4})$/, '$1.$2.$3');

/**
 * `Cisco-IOS-XE-arp-oper:arp-data`, the global table (`show ip arp` leaves the management VRF
 * out). Ages are minutes between the entry's `time` and the device's clock, the reply's `Date`.
 */
export function parseRestconfArp(doc: JsonObject, deviceNow: number | undefined): ArpRow[] {
  const vrfs = objectsIn(member(doc, 'Cisco-IOS-XE-arp-oper:arp-data')['arp-vrf']);
  const global = vrfs.find((v) => v.vrf === 'Default') ?? {};
  return objectsIn(global['arp-oper']).flatMap((e): ArpRow[] => {
    const address = stringOf(e.address);
    if (!address) return [];
    const hardware = stringOf(e.hardware);
    const iface = stringOf(e.interface);
    const learnt = Date.parse(stringOf(e.time) ?? '');
    const age =
      e.mode === 'ios-arp-mode-interface'
        ? '-'
        : deviceNow !== undefined && Number.isFinite(learnt)
          ? String(Math.max(0, Math.floor((deviceNow - learnt) / 60_000)))
          : undefined;
    return [
      {
        address,
        ...(age !== undefined ? { age } : {}),
        ...(hardware ? { mac: dottedMac(hardware) } : {}),
        ...(iface ? { interface: iface } : {}),
      },
    ];
  });
}

/** The datastore with the hostname and the hardware data only (`fields`, RFC 8040 §4.8.3). */
export const VERSION_PATH =
  '/restconf/data?fields=Cisco-IOS-XE-native:native/hostname;Cisco-IOS-XE-device-hardware-oper:device-hardware-data/device-hardware';

/** Hostname, software version, chassis model and serial, and uptime from boot and current time. */
export function parseRestconfVersion(doc: JsonObject): VersionFacts {
  const data = member(doc, 'ietf-restconf:data');
  const hostname = stringOf(member(data, 'Cisco-IOS-XE-native:native').hostname);
  const hardware = member(
    member(data, 'Cisco-IOS-XE-device-hardware-oper:device-hardware-data'),
    'device-hardware',
  );
  const system = member(hardware, 'device-system-data');
  const chassis = objectsIn(hardware['device-inventory']).find((i) => i['hw-type'] === 'hw-type-chassis');
  const version = /Cisco IOS.*?,\s+Version\s+([^\s,]+)/.exec(stringOf(system['software-version']) ?? '')?.[1];
  const boot = Date.parse(stringOf(system['boot-time']) ?? '');
  const now = Date.parse(stringOf(system['current-time']) ?? '');
  const model = stringOf(chassis?.['part-number']);
  const serial = stringOf(chassis?.['serial-number']);
  return {
    ...(hostname ? { hostname } : {}),
    ...(Number.isFinite(boot) && Number.isFinite(now) ? { uptime: renderUptime((now - boot) / 1000) } : {}),
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
  };
}

/** `Cisco-IOS-XE-memory-oper:memory-statistics`: the Processor pool, as `show memory statistics`. */
export function parseRestconfMemory(doc: JsonObject): MemoryFacts {
  const pools = objectsIn(member(doc, 'Cisco-IOS-XE-memory-oper:memory-statistics')['memory-statistic']);
  const processor = pools.find((p) => p.name === 'Processor');
  if (!processor) return {};
  const bytes = (name: string) => Number(processor[name]);
  return {
    totalBytes: bytes('total-memory'),
    usedBytes: bytes('used-memory'),
    freeBytes: bytes('free-memory'),
  };
}

function collector<T>(dataPath: string, parse: (doc: JsonObject, answer: HttpAnswer) => T): RestCollector<T> {
  const request = restconfGet(dataPath);
  return { request, parse: (answer) => parse(restconfDocument(answer, dataPath), answer) };
}

/** The device's clock as its reply states it (`Date`), ms since the epoch. */
function replyDate(answer: HttpAnswer): number | undefined {
  const ms = Date.parse(String(answer.headers.date ?? ''));
  return Number.isFinite(ms) ? ms : undefined;
}

export const ciscoIosRestDriver: RestDriver = {
  platform: 'cisco_ios',
  neighbors: [
    { protocol: 'cdp', ...collector('Cisco-IOS-XE-cdp-oper:cdp-neighbor-details', parseRestconfCdp) },
    { protocol: 'lldp', ...collector('Cisco-IOS-XE-lldp-oper:lldp-entries', parseRestconfLldp) },
  ],
  arp: collector('Cisco-IOS-XE-arp-oper:arp-data', (doc, answer) => parseRestconfArp(doc, replyDate(answer))),
  version: collector(VERSION_PATH, parseRestconfVersion),
  memory: collector('Cisco-IOS-XE-memory-oper:memory-statistics', parseRestconfMemory),
  raw: (dataPath) => ({
    request: restconfGet(dataPath),
    parse: (answer) => {
      restconfDocument(answer, dataPath);
      return answer.body;
    },
  }),
};
