/** `show system resources`: load, processes, CPU states and memory, moving minute by minute. */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../render-context.js';
import { nxosHardware, totalKb } from './hardware.js';
import { nxosMajor } from './version.js';

/** User and kernel share of one CPU for the current minute, seeded so it replays exactly. */
function cpuStates(ctx: RenderContext, cpu: number): [user: number, kernel: number] {
  const minute = Math.floor(ctx.uptimeSeconds / 60);
  const rng = createRng(ctx.state.serial, ctx.state.name, `cpu/${minute}/${cpu}`);
  return [Math.round((1 + rng.next() * 9) * 100) / 100, Math.round((0.5 + rng.next() * 3) * 100) / 100];
}

const statesLine = ([user, kernel]: [number, number]) =>
  `   ${user.toFixed(2)}% user,   ${kernel.toFixed(2)}% kernel,   ${(100 - user - kernel).toFixed(2)}% idle`;

/** Renders `show system resources`. */
export function renderShowSystemResources(ctx: RenderContext): string {
  const hw = nxosHardware(ctx);
  const cpus = Array.from({ length: hw.cpus }, (_, i) => cpuStates(ctx, i));
  const user = cpus.reduce((sum, c) => sum + c[0], 0) / cpus.length;
  const kernel = cpus.reduce((sum, c) => sum + c[1], 0) / cpus.length;
  const load = ((user + kernel) / 100) * hw.cpus;
  const minute = Math.floor(ctx.uptimeSeconds / 60);
  const processes = createRng(ctx.state.serial, ctx.state.name, `processes/${minute}`).int(700, 850);
  const total = totalKb(ctx);
  const used = Math.floor(ctx.memory.usedBytes / 1024);
  const modern = nxosMajor(ctx.state.version) >= 9;
  return [
    `Load average:   1 minute: ${load.toFixed(2)}   5 minutes: ${(load * 1.04).toFixed(2)}   15 minutes: ${(load * 1.1).toFixed(2)}`,
    `Processes   :   ${processes} total, 1 running`,
    `CPU states  :${statesLine([Math.round(user * 100) / 100, Math.round(kernel * 100) / 100])}`,
    ...cpus.map((c, i) => `        CPU${i} states  :${statesLine(c)}`),
    `Memory usage:   ${total}K total,   ${used}K used,   ${total - used}K free`,
    ...(modern
      ? [
          'Kernel vmalloc:   0K total,   0K free',
          `Kernel buffers:   ${Math.floor(total * 0.004)}K Used`,
          `Kernel cached :   ${Math.floor(total * 0.17)}K Used`,
        ]
      : []),
    '',
    'Current memory status: OK',
  ].join('\n');
}
