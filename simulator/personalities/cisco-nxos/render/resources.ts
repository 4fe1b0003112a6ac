/** `show system resources`: load, processes, CPU states and memory, moving minute by minute. */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { nxosHardware, totalKb } from './hardware.js';
import { nxosMajor } from './version.js';

/** One CPU's (or the average's) share of time, percent. */
export interface NxosCpuStates {
  user: number;
  kernel: number;
  idle: number;
}

/** Everything `show system resources` states, as data: the CLI prints it, NX-API returns it as fields. */
export interface NxosResourceFacts {
  /** 1, 5 and 15 minute load averages. */
  load: [number, number, number];
  processes: { total: number; running: number };
  /** The average over all CPUs, each share rounded to hundredths as the CLI prints it. */
  cpu: NxosCpuStates;
  perCpu: NxosCpuStates[];
  memory: { totalKb: number; usedKb: number; freeKb: number };
  /** Kernel buffers and cache, kB: printed from 9.x on, absent before. */
  kernel?: { buffersKb: number; cachedKb: number };
  memoryStatus: string;
}

/** User and kernel share of one CPU for the current minute, seeded so it replays exactly. */
function cpuStates(ctx: RenderContext, cpu: number): NxosCpuStates {
  const minute = Math.floor(ctx.uptimeSeconds / 60);
  const rng = createRng(ctx.state.serial, ctx.state.name, `cpu/${minute}/${cpu}`);
  const user = Math.round((1 + rng.next() * 9) * 100) / 100;
  const kernel = Math.round((0.5 + rng.next() * 3) * 100) / 100;
  return { user, kernel, idle: 100 - user - kernel };
}

/** The figures of `show system resources`, computed once for the CLI text and the NX-API body. */
export function nxosResourceFacts(ctx: RenderContext): NxosResourceFacts {
  const hw = nxosHardware(ctx);
  const perCpu = Array.from({ length: hw.cpus }, (_, i) => cpuStates(ctx, i));
  const user = perCpu.reduce((sum, c) => sum + c.user, 0) / perCpu.length;
  const kernel = perCpu.reduce((sum, c) => sum + c.kernel, 0) / perCpu.length;
  const load = ((user + kernel) / 100) * hw.cpus;
  const minute = Math.floor(ctx.uptimeSeconds / 60);
  const total = totalKb(ctx);
  const used = Math.floor(ctx.memory.usedBytes / 1024);
  const [avgUser, avgKernel] = [Math.round(user * 100) / 100, Math.round(kernel * 100) / 100];
  return {
    load: [load, load * 1.04, load * 1.1],
    processes: {
      total: createRng(ctx.state.serial, ctx.state.name, `processes/${minute}`).int(700, 850),
      running: 1,
    },
    cpu: { user: avgUser, kernel: avgKernel, idle: 100 - avgUser - avgKernel },
    perCpu,
    memory: { totalKb: total, usedKb: used, freeKb: total - used },
    ...(nxosMajor(ctx.state.version) >= 9
      ? { kernel: { buffersKb: Math.floor(total * 0.004), cachedKb: Math.floor(total * 0.17) } }
      : {}),
    memoryStatus: 'OK',
  };
}

const statesLine = ({ user, kernel, idle }: NxosCpuStates) =>
  `   ${user.toFixed(2)}% user,   ${kernel.toFixed(2)}% kernel,   ${idle.toFixed(2)}% idle`;

/** Renders `show system resources`. */
export function renderShowSystemResources(ctx: RenderContext): string {
  const facts = nxosResourceFacts(ctx);
  const [load1, load5, load15] = facts.load;
  const { totalKb: total, usedKb: used, freeKb: free } = facts.memory;
  return [
    `Load average:   1 minute: ${load1.toFixed(2)}   5 minutes: ${load5.toFixed(2)}   15 minutes: ${load15.toFixed(2)}`,
    `Processes   :   ${facts.processes.total} total, ${facts.processes.running} running`,
    `CPU states  :${statesLine(facts.cpu)}`,
    ...facts.perCpu.map((c, i) => `        CPU${i} states  :${statesLine(c)}`),
    `Memory usage:   ${total}K total,   ${used}K used,   ${free}K free`,
    ...(facts.kernel
      ? [
          'Kernel vmalloc:   0K total,   0K free',
          `Kernel buffers:   ${facts.kernel.buffersKb}K Used`,
          `Kernel cached :   ${facts.kernel.cachedKb}K Used`,
        ]
      : []),
    '',
    `Current memory status: ${facts.memoryStatus}`,
  ].join('\n');
}
