/**
 * `show version`, `show system resources` and `show clock` as NX-API structures. They are read
 * back from the text the CLI renderer printed, so REST and SSH report the very same figures.
 * Keys and value types: `show version` from 9.2(2) and 10.2(3) `| json-pretty` captures
 * (allenrobel/nxapi-netbox nxapi_version.py) and napalm's 7.3 mock (numbers on 7.x);
 * `show system resources` and `show clock` from greenpau/go-cisco-nx-api captures.
 */
import type { RenderContext } from '../../../personalities/render-context.js';
import { nxosMajor } from '../../../personalities/cisco-nxos/render/version.js';
import type { JsonObject } from '../json.js';
import { counter, isLegacy } from './values.js';

const field = (text: string, re: RegExp): string => re.exec(text)?.[1] ?? '';

/** `show version`. */
export function versionBody(ctx: RenderContext, text: string): JsonObject {
  const legacy = isLegacy(ctx);
  const major = nxosMajor(ctx.state.version);
  const version = field(text, /^\s*NXOS: version (\S+)/m);
  const release = field(text, /^\s*NXOS: version \S+ \[(.+)\]/m);
  const image = field(text, /^\s*NXOS image file is: (\S+)/m);
  const compiled = /^\s*NXOS compile time:\s+(.+?) \[(.+)\]$/m.exec(text);
  const [cmplTime, tmstmp] = [compiled?.[1] ?? '', compiled?.[2] ?? ''];
  const memory = /^\s*(.+?) with (\d+) kB of memory\.$/m.exec(text);
  const uptime =
    /^Kernel uptime is (\d+) day\(s\), (\d+) hour\(s\), (\d+) minute\(s\), (\d+) second\(s\)/m.exec(text);
  const reset = /^Last reset at (\d+) usecs after (.+)$/m.exec(text);
  const num = (value: string | undefined) => counter(ctx, Number(value ?? 0));
  const header = text.slice(0, text.indexOf('\nSoftware\n')).replace(/\n+$/, '');
  return {
    header_str: header,
    bios_ver_str: field(text, /^\s*BIOS: version (\S+)/m),
    kickstart_ver_str: version,
    ...(major >= 10 ? { release_type: release } : {}),
    ...(legacy ? {} : { nxos_ver_str: version }),
    bios_cmpl_time: field(text, /^\s*BIOS compile time:\s+(\S+)/m),
    kick_file_name: image,
    ...(legacy ? {} : { nxos_file_name: image }),
    kick_cmpl_time: cmplTime,
    ...(legacy ? {} : { nxos_cmpl_time: cmplTime }),
    kick_tmstmp: tmstmp,
    ...(legacy ? {} : { nxos_tmstmp: tmstmp }),
    chassis_id: field(text, /^Hardware\n\s+(.+?)\s*$/m),
    cpu_name: memory?.[1] ?? '',
    memory: num(memory?.[2]),
    mem_type: 'kB',
    proc_board_id: field(text, /^\s*Processor Board ID (\S+)/m),
    host_name: field(text, /^\s*Device name: (\S+)/m),
    bootflash_size: num(field(text, /^\s*bootflash:\s+(\d+) kB/m)),
    kern_uptm_days: num(uptime?.[1]),
    kern_uptm_hrs: num(uptime?.[2]),
    kern_uptm_mins: num(uptime?.[3]),
    kern_uptm_secs: num(uptime?.[4]),
    rr_usecs: num(reset?.[1]),
    rr_ctime: reset?.[2] ?? '',
    rr_reason: field(text, /^\s*Reason: (.+)$/m),
    rr_sys_ver: field(text, /^\s*System version: (\S+)/m),
    rr_service: null,
    ...(legacy ? {} : { plugins: field(text, /^plugin\n\s+(.+)$/m) }),
    manufacturer: 'Cisco Systems, Inc.',
    TABLE_package_list: { ROW_package_list: { package_id: null } },
  };
}

const PERCENT = /(\S+)% user,\s+(\S+)% kernel,\s+(\S+)% idle/;

/** `show system resources`: loads and percentages as strings, counts and kB as numbers. */
export function resourcesBody(_ctx: RenderContext, text: string): JsonObject {
  const load = /1 minute: (\S+)\s+5 minutes: (\S+)\s+15 minutes: (\S+)/.exec(text);
  const processes = /Processes\s+:\s+(\d+) total, (\d+) running/.exec(text);
  const total = PERCENT.exec(/^CPU states.*$/m.exec(text)?.[0] ?? '');
  const cpus: JsonObject[] = [...text.matchAll(/^\s+CPU(\d+) states\s+:(.*)$/gm)].map((m) => {
    const states = PERCENT.exec(m[2]!);
    return {
      cpuid: Number(m[1]),
      user: states?.[1] ?? '',
      kernel: states?.[2] ?? '',
      idle: states?.[3] ?? '',
    };
  });
  const memory = /Memory usage:\s+(\d+)K total,\s+(\d+)K used,\s+(\d+)K free/.exec(text);
  return {
    load_avg_1min: load?.[1] ?? '',
    load_avg_5min: load?.[2] ?? '',
    load_avg_15min: load?.[3] ?? '',
    processes_total: Number(processes?.[1] ?? 0),
    processes_running: Number(processes?.[2] ?? 0),
    cpu_state_user: total?.[1] ?? '',
    cpu_state_kernel: total?.[2] ?? '',
    cpu_state_idle: total?.[3] ?? '',
    TABLE_cpu_usage: { ROW_cpu_usage: cpus.length === 1 ? cpus[0]! : cpus },
    memory_usage_total: Number(memory?.[1] ?? 0),
    memory_usage_used: Number(memory?.[2] ?? 0),
    memory_usage_free: Number(memory?.[3] ?? 0),
    current_memory_status: field(text, /^Current memory status: (\S+)/m),
  };
}

/** `show clock`: the time line (newline kept, as the box sends it), then its source on 9.x+. */
export function clockBody(_ctx: RenderContext, text: string): JsonObject {
  const [time = '', ...rest] = text.split('\n');
  const source = /^Time source is (.+)$/.exec(rest.join('\n'))?.[1];
  return { simple_time: `${time}\n`, ...(source ? { time_source: source } : {}) };
}
