/**
 * `show version`, `show system resources` and `show clock` as NX-API structures. They are built
 * from the facts the CLI renderers print, so REST and SSH report the very same figures.
 * Keys and value types: `show version` from 9.2(2) and 10.2(3) `| json-pretty` captures
 * (allenrobel/nxapi-netbox nxapi_version.py) and napalm's 7.3 mock (numbers on 7.x);
 * `show system resources` and `show clock` from greenpau/go-cisco-nx-api captures.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { nxosResourceFacts, type NxosCpuStates } from '../render/resources.js';
import { nxosTimeSource } from '../render/clock.js';
import { renderNxosClock } from '../render/time.js';
import { nxosVersionFacts } from '../render/version.js';
import type { JsonObject } from './json.js';
import { counter, isLegacy } from './values.js';

/** `show version`: 7.x has only the kickstart fields, 9.x adds the `nxos_*` twins, 10.x the release type. */
export function versionBody(ctx: RenderContext): JsonObject {
  const legacy = isLegacy(ctx);
  const facts = nxosVersionFacts(ctx);
  const num = (value: number) => counter(ctx, value);
  const { kernelUptime: uptime, reset } = facts;
  return {
    header_str: facts.header.join('\n'),
    bios_ver_str: facts.bios,
    kickstart_ver_str: facts.version,
    ...(facts.releaseType ? { release_type: facts.releaseType } : {}),
    ...(legacy ? {} : { nxos_ver_str: facts.version }),
    bios_cmpl_time: facts.biosCompiled,
    kick_file_name: facts.imageFile,
    ...(legacy ? {} : { nxos_file_name: facts.imageFile }),
    kick_cmpl_time: facts.compileTime,
    ...(legacy ? {} : { nxos_cmpl_time: facts.compileTime }),
    kick_tmstmp: facts.compileStamp,
    ...(legacy ? {} : { nxos_tmstmp: facts.compileStamp }),
    chassis_id: facts.chassis,
    cpu_name: facts.cpuName,
    memory: num(facts.memoryKb),
    mem_type: 'kB',
    proc_board_id: facts.boardId,
    host_name: facts.hostName,
    bootflash_size: num(facts.bootflashKb),
    kern_uptm_days: num(uptime.days),
    kern_uptm_hrs: num(uptime.hours),
    kern_uptm_mins: num(uptime.minutes),
    kern_uptm_secs: num(uptime.seconds),
    rr_usecs: num(reset.usecs),
    rr_ctime: reset.ctime,
    rr_reason: reset.reason,
    rr_sys_ver: reset.systemVersion,
    rr_service: null,
    ...(legacy ? {} : { plugins: facts.plugins }),
    manufacturer: 'Cisco Systems, Inc.',
    TABLE_package_list: { ROW_package_list: { package_id: null } },
  };
}

/** Percentages as the CLI prints them: two decimals, as strings. */
const percents = ({ user, kernel, idle }: NxosCpuStates) => ({
  user: user.toFixed(2),
  kernel: kernel.toFixed(2),
  idle: idle.toFixed(2),
});

/** `show system resources`: loads and percentages as strings, counts and kB as numbers. */
export function resourcesBody(ctx: RenderContext): JsonObject {
  const facts = nxosResourceFacts(ctx);
  const [load1, load5, load15] = facts.load.map((load) => load.toFixed(2));
  const total = percents(facts.cpu);
  const cpus: JsonObject[] = facts.perCpu.map((c, cpuid) => ({ cpuid, ...percents(c) }));
  return {
    load_avg_1min: load1!,
    load_avg_5min: load5!,
    load_avg_15min: load15!,
    processes_total: facts.processes.total,
    processes_running: facts.processes.running,
    cpu_state_user: total.user,
    cpu_state_kernel: total.kernel,
    cpu_state_idle: total.idle,
    TABLE_cpu_usage: { ROW_cpu_usage: cpus.length === 1 ? cpus[0]! : cpus },
    memory_usage_total: facts.memory.totalKb,
    memory_usage_used: facts.memory.usedKb,
    memory_usage_free: facts.memory.freeKb,
    current_memory_status: facts.memoryStatus,
  };
}

/** `show clock`: the time line (newline kept, as the box sends it), then its source on 9.x+. */
export function clockBody(ctx: RenderContext): JsonObject {
  const source = nxosTimeSource(ctx);
  return { simple_time: `${renderNxosClock(ctx.now)}\n`, ...(source ? { time_source: source } : {}) };
}
