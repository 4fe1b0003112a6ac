/**
 * Arista eAPI: `runCmds` in JSON with `enable` first, as pyeapi sends it, and parsers from EOS's
 * JSON to the same shapes the SSH driver reads from the CLI (client/drivers/arista-eos.ts).
 */
import { ClientError } from '../../errors.js';
import type { HttpAnswer, RestCall } from '../../transport/rest-session.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';
import type { RestCollector, RestDriver } from './types.js';
import { isObject, stringOf, type JsonObject } from '../../../simulator/format/guards.js';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** A `runCmds` request: `enable` (its result is dropped), then `command`. */
export function eapiCall(command: string, format: 'json' | 'text'): RestCall {
  return {
    method: 'POST',
    path: '/command-api',
    label: `POST /command-api (${command})`,
    headers: { 'content-type': 'application/json-rpc' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'runCmds',
      params: { version: 1, format, cmds: ['enable', command] },
      id: 'labfleet',
    }),
  };
}

/** The call with `enable` carrying the secret, when there is one. */
export function withEnableSecret(call: RestCall, target: { secret?: string }): RestCall {
  if (!target.secret || call.body === undefined) return call;
  const request = JSON.parse(call.body) as { params: { cmds: unknown[] } };
  request.params.cmds = request.params.cmds.map((cmd) =>
    cmd === 'enable' ? { cmd: 'enable', input: target.secret } : cmd,
  );
  return { ...call, body: JSON.stringify(request) };
}

/** The result of the command after `enable`, or a COMMAND_FAILED that quotes EOS's own error. */
export function eapiResult(answer: HttpAnswer, command: string): JsonObject {
  const failed = (detail: string) =>
    new ClientError('COMMAND_FAILED', `eAPI refused '${command}': ${detail}`);
  if (answer.status !== 200) throw failed(`HTTP ${answer.status} ${answer.body.trim().slice(0, 200)}`);
  let message: unknown;
  try {
    message = JSON.parse(answer.body);
  } catch {
    throw failed(`not JSON: ${answer.body.slice(0, 200)}`);
  }
  if (!isObject(message)) throw failed('not a JSON-RPC answer');
  if (isObject(message.error)) {
    const { code, message: text, data } = message.error;
    const last: unknown = Array.isArray(data) ? data[data.length - 1] : undefined;
    const errors = isObject(last) && Array.isArray(last.errors) ? ` [${last.errors.join(' ')}]` : '';
    throw failed(`Error [${String(code)}]: ${String(text)}${errors}`);
  }
  const result: unknown = Array.isArray(message.result) ? message.result[1] : undefined;
  if (!isObject(result)) throw failed('no result for the command');
  return result;
}

/** A value EOS keeps in double quotes (`"Ethernet1"`), unquoted. */
const unquote = (text: string) => text.replace(/^"(.*)"$/s, '$1');

/** `show lldp neighbors detail`: `lldpNeighbors` keyed by local port, each with its neighbours. */
export function parseEapiLldpDetail(result: JsonObject): ObservedNeighbor[] {
  const ports = isObject(result.lldpNeighbors) ? result.lldpNeighbors : {};
  return Object.entries(ports).flatMap(([localInterface, port]) => {
    const infos = isObject(port) && Array.isArray(port.lldpNeighborInfo) ? port.lldpNeighborInfo : [];
    return infos.flatMap((info): ObservedNeighbor[] => {
      if (!isObject(info) || !isObject(info.neighborInterfaceInfo)) return [];
      const name = stringOf(info.systemName);
      const portId = stringOf(info.neighborInterfaceInfo.interfaceId);
      if (name === undefined || portId === undefined) return [];
      const addresses = Array.isArray(info.managementAddresses) ? info.managementAddresses : [];
      const mgmt = addresses
        .map((a) => (isObject(a) ? stringOf(a.address) : undefined))
        .find((a) => a !== undefined);
      return [
        {
          protocol: 'lldp',
          localInterface,
          remoteDevice: name,
          remoteInterface: unquote(portId),
          ...(mgmt && IPV4.test(mgmt) ? { mgmtAddress: mgmt } : {}),
        },
      ];
    });
  });
}

/** `show ip arp`: `ipV4Neighbors`; EOS gives ages in seconds where its CLI prints minutes. */
export function parseEapiArp(result: JsonObject): ArpRow[] {
  const rows = Array.isArray(result.ipV4Neighbors) ? result.ipV4Neighbors : [];
  return rows.flatMap((row): ArpRow[] => {
    if (!isObject(row) || typeof row.address !== 'string') return [];
    const mac = stringOf(row.hwAddress);
    const iface = stringOf(row.interface)?.split(',')[0]?.trim();
    const age = typeof row.age === 'number' ? String(Math.floor(row.age / 60)) : 'N/A';
    return [{ address: row.address, age, ...(mac ? { mac } : {}), ...(iface ? { interface: iface } : {}) }];
  });
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `3 weeks, 0 days, 20 hours and 45 minutes`: the CLI's words for `uptime` seconds. */
export function formatEosUptime(totalSeconds: number): string {
  const minutes = Math.floor(Math.max(0, totalSeconds) / 60);
  const weeks = Math.floor(minutes / (7 * 1440));
  const days = Math.floor((minutes % (7 * 1440)) / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `${plural(weeks, 'week')}, ${plural(days, 'day')}, ${plural(hours, 'hour')} and ${plural(minutes % 60, 'minute')}`;
}

/** `show version`: model, software and serial; EOS names no hostname there (nor does its CLI). */
export function parseEapiVersion(result: JsonObject): VersionFacts {
  const version = stringOf(result.version)?.split(/\s/)[0];
  const model = stringOf(result.modelName);
  const serial = stringOf(result.serialNumber);
  const uptime = typeof result.uptime === 'number' ? formatEosUptime(result.uptime) : undefined;
  return {
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
    ...(uptime ? { uptime } : {}),
  };
}

/** `show version`'s `memTotal` and `memFree`, in kB. */
export function parseEapiMemory(result: JsonObject): MemoryFacts {
  const { memTotal, memFree } = result;
  if (typeof memTotal !== 'number' || typeof memFree !== 'number') return {};
  const totalBytes = memTotal * 1024;
  const freeBytes = memFree * 1024;
  return { totalBytes, usedBytes: totalBytes - freeBytes, freeBytes };
}

function collector<T>(command: string, parse: (result: JsonObject) => T): RestCollector<T> {
  return { request: eapiCall(command, 'json'), parse: (answer) => parse(eapiResult(answer, command)) };
}

export const aristaEosRestDriver: RestDriver = {
  platform: 'arista_eos',
  prepare: withEnableSecret,
  neighbors: [{ protocol: 'lldp', ...collector('show lldp neighbors detail', parseEapiLldpDetail) }],
  arp: collector('show ip arp', parseEapiArp),
  version: collector('show version', parseEapiVersion),
  memory: collector('show version', parseEapiMemory),
  raw: (command) => ({
    request: eapiCall(command, 'text'),
    parse: (answer) => {
      const output = eapiResult(answer, command).output;
      return typeof output === 'string' ? output : '';
    },
  }),
};
