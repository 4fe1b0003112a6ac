/** `show system memory`: the FreeBSD view of physical memory, then what each daemon holds. */
import type { RenderContext } from '../../../device/render-context.js';
import { perMember } from './chassis.js';

const KB = 1024;

/** The rows of the usage summary, in the order Junos prints them. */
const ROWS = ['total', 'reserved', 'wired', 'active', 'inactive', 'cache', 'free'] as const;

/** One row of the usage summary: `Wired memory:  123 Kbytes ( 12%)`. */
export interface JunosMemoryRow {
  row: (typeof ROWS)[number];
  kbytes: number;
  /** Whole percent of the total, rounded down. */
  percent: number;
}

/** One process of the `pmap` summary; percents are of total memory, capped at 99.99. */
export interface JunosMemoryProcess {
  pid: number;
  vmKbytes: number;
  vmPercent: number;
  residentKbytes: number;
  residentPercent: number;
  /** The path (or `[kernel]`) Junos names the process by. */
  name: string;
}

/** Everything `show system memory` states, as data: the CLI prints it, the REST RPC returns it. */
export interface JunosMemoryFacts {
  summary: JunosMemoryRow[];
  processes: JunosMemoryProcess[];
}

/** Where used memory sits, as fixed shares of it (reserved is a share of the total). */
function distribution(ctx: RenderContext): Record<JunosMemoryRow['row'], number> {
  const total = Math.round(ctx.memory.totalBytes / KB);
  const used = Math.min(total, Math.round(ctx.memory.usedBytes / KB));
  const reserved = Math.round(total * 0.015);
  const wired = Math.round((used - reserved) * 0.3);
  const active = Math.round((used - reserved) * 0.45);
  const inactive = Math.round((used - reserved) * 0.1);
  const cache = used - reserved - wired - active - inactive;
  return { total, reserved, wired, active, inactive, cache, free: total - used };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : 0);
const share = (part: number, whole: number) => Math.min(99.99, whole > 0 ? (part * 100) / whole : 0);

const DAEMON_PATHS: Readonly<Record<string, string>> = {
  kernel: '[kernel]',
  rpd: '/usr/sbin/rpd -N',
  chassisd: '/usr/sbin/chassisd -N',
  dcd: '/usr/sbin/dcd -N',
  lldpd: '/usr/sbin/lldpd -N',
  mgd: '/usr/sbin/mgd -N',
  snmpd: '/usr/sbin/snmpd -N',
  pfed: '/usr/sbin/pfed -N',
  l2ald: '/usr/sbin/l2ald -N',
};

/** The figures of `show system memory`, computed once for the CLI text and the REST reply. */
export function junosMemoryFacts(ctx: RenderContext): JunosMemoryFacts {
  const kbytes = distribution(ctx);
  const total = kbytes.total;
  const processes = ctx.memory.processes
    .map((p) => (p.name === 'kernel' ? { ...p, pid: 0 } : p))
    .sort((a, b) => a.pid - b.pid)
    .map((p) => {
      const vm = Math.round(p.allocated / KB);
      const resident = Math.round(p.holding / KB);
      return {
        pid: p.pid,
        vmKbytes: vm,
        vmPercent: share(vm, total),
        residentKbytes: resident,
        residentPercent: share(resident, total),
        name: DAEMON_PATHS[p.name] ?? p.name,
      };
    });
  return {
    summary: ROWS.map((row) => ({ row, kbytes: kbytes[row], percent: percent(kbytes[row], total) })),
    processes,
  };
}

/** `wired` → `Wired memory:`, right-aligned in 20 columns. */
const rowLabel = (row: string) => `${row[0]!.toUpperCase()}${row.slice(1)} memory:`.padStart(20);
/** `05.25`: two decimals, zero-padded to five characters. */
const renderShare = (value: number) => value.toFixed(2).padStart(5, '0');

export function renderShowSystemMemory(ctx: RenderContext): string {
  const facts = junosMemoryFacts(ctx);
  const usage = facts.summary.map(
    ({ row, kbytes, percent: pct }) =>
      `${rowLabel(row)} ${String(kbytes).padStart(7)} Kbytes (${String(pct).padStart(3)}%)`,
  );
  const processes = facts.processes.map(
    (p) =>
      `${String(p.pid).padStart(7)}${String(p.vmKbytes).padStart(10)}(${renderShare(p.vmPercent)})${String(p.residentKbytes).padStart(9)}(${renderShare(p.residentPercent)}) ${p.name}`,
  );
  return perMember(ctx, [
    'System memory usage distribution:',
    ...usage,
    'Pid     VM-Kbytes(  %  ) Resident(  %  ) Process-name',
    ...processes,
  ]).join('\n');
}
