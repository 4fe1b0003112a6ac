/**
 * Cisco NX-API: ins_api `cli_show` requests, as cisco/cisco-nxapi and most NX-API scripts send
 * them, and parsers from NX-OS's structured output to the same shapes the SSH driver reads from
 * the CLI (client/drivers/cisco-nxos.ts). Tables of one row arrive as the row itself.
 */
import { ClientError } from '../../errors.js';
import type { HttpAnswer, RestCall } from '../../transport/rest-session.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';
import type { RestCollector, RestDriver } from './types.js';
import { isObject, objectsIn, type JsonObject } from '../../../simulator/format/guards.js';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** An ins_api request of one command. */
export function insApiCall(command: string, type: 'cli_show' | 'cli_show_ascii'): RestCall {
  return {
    method: 'POST',
    path: '/ins',
    label: `POST /ins (${command})`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ins_api: { version: '1.0', type, chunk: '0', sid: '1', input: command, output_format: 'json' },
    }),
  };
}

/** NX-API's answer to one command: its code, message, CLI error and body. */
interface InsApiOutput {
  code: string;
  msg: string;
  clierror?: string;
  body?: unknown;
}

/** The (first) output of an ins_api answer, or a COMMAND_FAILED that says what came instead. */
export function insApiOutput(answer: HttpAnswer, command: string): InsApiOutput {
  const failed = (detail: string) =>
    new ClientError('COMMAND_FAILED', `NX-API refused '${command}': ${detail}`);
  if (answer.status !== 200) throw failed(`HTTP ${answer.status} ${answer.body.trim().slice(0, 200)}`);
  let message: unknown;
  try {
    message = JSON.parse(answer.body);
  } catch {
    throw failed(`not JSON: ${answer.body.slice(0, 200)}`);
  }
  const outputs = isObject(message) && isObject(message.ins_api) ? message.ins_api.outputs : undefined;
  const all: unknown = isObject(outputs) ? outputs.output : undefined;
  const output: unknown = Array.isArray(all) ? (all as unknown[])[0] : all;
  if (!isObject(output)) throw failed('no output in the answer');
  return {
    code: text(output.code) ?? '',
    msg: text(output.msg) ?? '',
    ...(text(output.clierror) === undefined ? {} : { clierror: text(output.clierror)! }),
    ...('body' in output ? { body: output.body } : {}),
  };
}

/** The body of a successful output; COMMAND_FAILED quoting the box's code, message and CLI error. */
function successBody(output: InsApiOutput, command: string): unknown {
  if (output.code === '200') return output.body;
  const detail = `${output.code} ${output.msg}${output.clierror ? `: ${output.clierror.trim()}` : ''}`;
  throw new ClientError('COMMAND_FAILED', `NX-API refused '${command}': ${detail}`);
}

/** `TABLE_x.ROW_x` as a list, whether NX-OS sent a list, a single row or no table at all. */
export function nxapiRows(body: unknown, name: string): JsonObject[] {
  const tableValue = isObject(body) ? body[`TABLE_${name}`] : undefined;
  const rows = isObject(tableValue) ? tableValue[`ROW_${name}`] : undefined;
  if (Array.isArray(rows)) return objectsIn(rows);
  return isObject(rows) ? [rows] : [];
}

/** `show cdp neighbors detail`. */
export function parseNxapiCdpDetail(body: unknown): ObservedNeighbor[] {
  return nxapiRows(body, 'cdp_neighbor_detail_info').flatMap((row): ObservedNeighbor[] => {
    const [device, local, remote] = [text(row.device_id), text(row.intf_id), text(row.port_id)];
    if (!device || !local || !remote) return [];
    const platform = text(row.platform_id);
    const mgmt = text(row.v4mgmtaddr);
    return [
      {
        protocol: 'cdp',
        localInterface: local,
        remoteDevice: device,
        remoteInterface: remote,
        ...(platform ? { platform } : {}),
        ...(mgmt ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}

/** `show lldp neighbors detail`. */
export function parseNxapiLldpDetail(body: unknown): ObservedNeighbor[] {
  return nxapiRows(body, 'nbor_detail').flatMap((row): ObservedNeighbor[] => {
    const [name, local, remote] = [text(row.sys_name), text(row.l_port_id), text(row.port_id)];
    if (!name || !local || !remote) return [];
    const mgmt = text(row.mgmt_addr);
    return [
      {
        protocol: 'lldp',
        localInterface: local,
        remoteDevice: name,
        remoteInterface: remote,
        ...(mgmt && /^\d[\d.]*$/.test(mgmt) ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}

/** `show ip arp`: every VRF's adjacencies; unresolved ones have no `mac`. */
export function parseNxapiArp(body: unknown): ArpRow[] {
  return nxapiRows(body, 'vrf').flatMap((vrf) =>
    nxapiRows(vrf, 'adj').flatMap((row): ArpRow[] => {
      const address = text(row['ip-addr-out']);
      if (!address) return [];
      const [age, mac, iface] = [text(row['time-stamp']), text(row.mac), text(row['intf-out'])];
      return [
        { address, ...(age ? { age } : {}), ...(mac ? { mac } : {}), ...(iface ? { interface: iface } : {}) },
      ];
    }),
  );
}

/** `cisco Nexus9000 C93180YC-EX chassis` → `N9K-C93180YC-EX`, as the SSH driver derives it. */
function chassisModel(chassis: string | undefined): string | undefined {
  const m = chassis ? /Nexus\s?(\d)000 (C\S+)/.exec(chassis) : null;
  return m ? `N${m[1]}K-${m[2]}` : undefined;
}

/** `show version`: 9.x+ name the release `nxos_ver_str`, 7.x only `kickstart_ver_str`. */
export function parseNxapiVersion(body: unknown): VersionFacts {
  const facts = isObject(body) ? body : {};
  const hostname = text(facts.host_name);
  const version = (
    text(facts.nxos_ver_str) ??
    text(facts.sys_ver_str) ??
    text(facts.kickstart_ver_str)
  )?.split(' ')[0];
  const model = chassisModel(text(facts.chassis_id));
  const serial = text(facts.proc_board_id);
  const parts = ['kern_uptm_days', 'kern_uptm_hrs', 'kern_uptm_mins', 'kern_uptm_secs'].map((k) =>
    text(facts[k]),
  );
  const uptime = parts.every((p) => p !== undefined)
    ? `${parts[0]} day(s), ${parts[1]} hour(s), ${parts[2]} minute(s), ${parts[3]} second(s)`
    : undefined;
  return {
    ...(hostname ? { hostname } : {}),
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
    ...(uptime ? { uptime } : {}),
  };
}

/** `show system resources`: kB counts, as numbers or strings. */
export function parseNxapiMemory(body: unknown): MemoryFacts {
  const facts = isObject(body) ? body : {};
  const [total, used, free] = ['memory_usage_total', 'memory_usage_used', 'memory_usage_free'].map((k) =>
    Number(text(facts[k]) ?? Number.NaN),
  );
  if (![total, used, free].every((n) => Number.isFinite(n))) return {};
  return { totalBytes: total! * 1024, usedBytes: used! * 1024, freeBytes: free! * 1024 };
}

function structured<T>(command: string, parse: (body: unknown) => T): RestCollector<T> {
  return {
    request: insApiCall(command, 'cli_show'),
    parse: (answer) => parse(successBody(insApiOutput(answer, command), command)),
  };
}

/**
 * A neighbour collector: a protocol that is off is no neighbours (`% CDP is not enabled`; without
 * `feature lldp` the `show lldp` commands are invalid input).
 */
function neighbors(
  protocol: 'cdp' | 'lldp',
  command: string,
  parse: (body: unknown) => ObservedNeighbor[],
  disabled: RegExp,
): RestCollector<ObservedNeighbor[]> & { protocol: 'cdp' | 'lldp' } {
  return {
    protocol,
    request: insApiCall(command, 'cli_show'),
    parse: (answer) => {
      const output = insApiOutput(answer, command);
      if (output.code === '400' && disabled.test(output.clierror ?? '')) return [];
      return parse(successBody(output, command));
    },
  };
}

export const ciscoNxosRestDriver: RestDriver = {
  platform: 'cisco_nxos',
  neighbors: [
    neighbors('cdp', 'show cdp neighbors detail', parseNxapiCdpDetail, /^% CDP is not enabled/m),
    neighbors(
      'lldp',
      'show lldp neighbors detail',
      parseNxapiLldpDetail,
      /^% Invalid command at '\^' marker/m,
    ),
  ],
  arp: structured('show ip arp', parseNxapiArp),
  version: structured('show version', parseNxapiVersion),
  memory: structured('show system resources', parseNxapiMemory),
  raw: (command) => ({
    request: insApiCall(command, 'cli_show_ascii'),
    parse: (answer) => {
      const body = successBody(insApiOutput(answer, command), command);
      return typeof body === 'string' ? body : '';
    },
  }),
};
