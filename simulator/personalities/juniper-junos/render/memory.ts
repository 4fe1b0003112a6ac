/** `show system memory`: the FreeBSD view of physical memory, then what each daemon holds. */
import type { RenderContext } from '../../render-context.js';
import { perMember } from './chassis.js';

const KB = 1024;

/** Where used memory sits, as fixed shares of it (reserved is a share of the total). */
function distribution(ctx: RenderContext): Array<[label: string, kbytes: number]> {
  const total = Math.round(ctx.memory.totalBytes / KB);
  const used = Math.min(total, Math.round(ctx.memory.usedBytes / KB));
  const reserved = Math.round(total * 0.015);
  const wired = Math.round((used - reserved) * 0.3);
  const active = Math.round((used - reserved) * 0.45);
  const inactive = Math.round((used - reserved) * 0.1);
  const cache = used - reserved - wired - active - inactive;
  return [
    ['Total memory', total],
    ['Reserved memory', reserved],
    ['Wired memory', wired],
    ['Active memory', active],
    ['Inactive memory', inactive],
    ['Cache memory', cache],
    ['Free memory', total - used],
  ];
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : 0);
const share = (part: number, whole: number) =>
  Math.min(99.99, whole > 0 ? (part * 100) / whole : 0)
    .toFixed(2)
    .padStart(5, '0');

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

export function renderShowSystemMemory(ctx: RenderContext): string {
  const rows = distribution(ctx);
  const total = rows[0]![1];
  const usage = rows.map(
    ([label, kbytes]) =>
      `${`${label}:`.padStart(20)} ${String(kbytes).padStart(7)} Kbytes (${String(percent(kbytes, total)).padStart(3)}%)`,
  );
  const processes = ctx.memory.processes
    .map((p) => (p.name === 'kernel' ? { ...p, pid: 0 } : p))
    .sort((a, b) => a.pid - b.pid)
    .map((p) => {
      const vm = Math.round(p.allocated / KB);
      const resident = Math.round(p.holding / KB);
      const name = DAEMON_PATHS[p.name] ?? p.name;
      return `${String(p.pid).padStart(7)}${String(vm).padStart(10)}(${share(vm, total)})${String(resident).padStart(9)}(${share(resident, total)}) ${name}`;
    });
  return perMember(ctx, [
    'System memory usage distribution:',
    ...usage,
    'Pid     VM-Kbytes(  %  ) Resident(  %  ) Process-name',
    ...processes,
  ]).join('\n');
}
