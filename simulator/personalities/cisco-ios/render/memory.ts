/** Memory and CPU: `show memory statistics`, `show processes memory sorted`, control-processor status. */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { left, right } from './text.js';

/** Renders `show memory statistics`: pool name right-aligned in 9, head address in hex. */
export function renderShowMemoryStatistics(ctx: RenderContext): string {
  const header = '                Head    Total(b)     Used(b)     Free(b)   Lowest(b)  Largest(b)';
  const rows = ctx.memory.pools.map(
    (p) =>
      `${right(p.name, 9)}  ${right(p.head.toString(16).toUpperCase(), 10)}` +
      [p.total, p.used, p.free, p.lowest, p.largest].map((n) => right(n, 12)).join(''),
  );
  return [header, ...rows].join('\n');
}

/** Renders `show processes memory sorted`: pool totals, processes by holding, then the sum held. */
export function renderShowProcessesMemorySorted(ctx: RenderContext): string {
  const pools = ctx.memory.pools.map(
    (p) =>
      `${right(p.name, 9)} Pool Total: ${right(p.total, 10)} Used: ${right(p.used, 10)} Free: ${right(p.free, 10)}`,
  );
  const processes = [...ctx.memory.processes].sort((a, b) => b.holding - a.holding);
  const rows = processes.map(
    (p) =>
      `${right(p.pid, 4)}${right(0, 4)}` +
      [p.allocated, p.freed, p.holding, 0, 0].map((n) => ` ${right(n, 10)}`).join('') +
      ` ${left(p.name, 16)}`,
  );
  const total = processes.reduce((sum, p) => sum + p.holding, 0);
  return [
    ...pools,
    '',
    ' PID TTY  Allocated      Freed    Holding    Getbufs    Retbufs Process',
    ...rows,
    '',
    `${total} Total`,
  ].join('\n');
}

/** CPU figures for the current minute: seeded by the box's serial, so they move but replay exactly. */
function cpuSample(ctx: RenderContext, cpu: number): number[] {
  const minute = Math.floor(ctx.uptimeSeconds / 60);
  const rng = createRng(ctx.state.serial, ctx.state.name, `cpu/${minute}/${cpu}`);
  const user = 1 + rng.next() * 12;
  const system = 0.5 + rng.next() * 6;
  const sirq = rng.next() * 0.3;
  return [user, system, 0, 100 - user - system - sirq, 0, sirq, 0];
}

const fixed2 = (n: number) => n.toFixed(2);

function loadLines(ctx: RenderContext, slot: string): string[] {
  const busy = cpuSample(ctx, 0);
  const load = (busy[0]! + busy[1]!) / 20;
  const loads = [load, load * 1.05, load * 1.15].map((n) => right(fixed2(n), 6)).join(' ');
  return ['Load Average', ' Slot  Status  1-Min  5-Min 15-Min', `${right(slot, 5)} Healthy ${loads}`];
}

function memoryLines(ctx: RenderContext, slot: string): string[] {
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const total = kb(ctx.memory.totalBytes);
  const used = kb(ctx.memory.usedBytes);
  const committed = kb(ctx.memory.committedBytes);
  const pct = (n: number) => `(${Math.round((n / total) * 100)}%)`;
  return [
    'Memory (kB)',
    ' Slot  Status    Total     Used (Pct)     Free (Pct) Committed (Pct)',
    `${right(slot, 5)} Healthy ${right(total, 8)} ${right(used, 8)} ${pct(used)} ${right(total - used, 8)} ${pct(total - used)} ${right(committed, 9)} ${pct(committed)}`,
  ];
}

function cpuLines(ctx: RenderContext, slot: string): string[] {
  const rows = Array.from({ length: iosHardware(ctx).cpus }, (_, cpu) => {
    const values = cpuSample(ctx, cpu).map((n) => right(fixed2(n), 6));
    return `${right(slot, 5)} ${right(cpu, 4)} ${values.join(' ')}`;
  });
  return ['CPU Utilization', ' Slot  CPU   User System   Nice   Idle    IRQ   SIRQ IOwait', ...rows];
}

/** Renders `show platform software status control-processor brief` (Catalyst slots are `1-RP0`). */
export function renderShowPlatformSoftwareStatusControlProcessorBrief(ctx: RenderContext): string {
  const slot = iosHardware(ctx).catalyst ? '1-RP0' : 'RP0';
  return [...loadLines(ctx, slot), '', ...memoryLines(ctx, slot), '', ...cpuLines(ctx, slot)].join('\n');
}
