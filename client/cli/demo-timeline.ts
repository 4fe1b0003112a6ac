/**
 * The demo's text timelines: a staircase line per device as the sequential sample finishes, then
 * both runs on one time axis in a few rows that fit 80 columns: the sample's devices one after
 * another, the concurrent run condensed into how many devices were in flight and its fastest,
 * median and slowest device. Pure functions of the results' timeline spans.
 */
import type { DeviceResult } from '../collect.js';
import { PLAIN, type Painter } from '../report/ansi.js';
import type { SpanPhase, TimelineSpan } from '../timeline.js';

/** Columns of a bar; with the label column, a line stays under 80. */
export const BAR_WIDTH = 56;
const LABEL_WIDTH = 16;

/** Each column's character by what the device was doing there: logging in, setting up, asking. */
const PHASE_CHAR: Record<SpanPhase, string> = {
  connect: '░',
  auth: '░',
  shell: '▒',
  command: '█',
  'retry-wait': '·',
};
const PHASE_RANK: Record<SpanPhase, number> = { 'retry-wait': 0, connect: 1, auth: 1, shell: 2, command: 3 };
const LEVELS = ' ▁▂▃▄▅▆▇█';

export const TIMELINE_LEGEND = `${PHASE_CHAR.connect} connect and log in  ${PHASE_CHAR.shell} shell  ${PHASE_CHAR.command} commands`;

/** When a device's collection started and ended (ms on the run's axis); undefined without spans. */
export function extentOf(result: DeviceResult): { startMs: number; endMs: number } | undefined {
  const spans = result.timeline;
  if (spans.length === 0) return undefined;
  return { startMs: spans[0]!.startMs, endMs: Math.max(...spans.map((s) => s.endMs)) };
}

/**
 * One device's spans on an axis of `axisMs` across `width` columns: each column shows the phase
 * that took most of it (commands over set-up over log-in on a tie); spans past the axis are cut.
 */
export function drawSpans(spans: readonly TimelineSpan[], axisMs: number, width = BAR_WIDTH): string {
  const cells = new Array<SpanPhase | undefined>(width).fill(undefined);
  const scale = axisMs > 0 ? width / axisMs : 0;
  for (const span of spans) {
    const from = Math.max(0, Math.floor(span.startMs * scale));
    const to = Math.min(width, Math.max(from + 1, Math.ceil(span.endMs * scale)));
    for (let c = from; c < to; c++) {
      const held = cells[c];
      if (held === undefined || PHASE_RANK[span.phase] > PHASE_RANK[held]) cells[c] = span.phase;
    }
  }
  return cells.map((phase) => (phase ? PHASE_CHAR[phase] : ' ')).join('');
}

/** How many devices were in flight in each column, as block heights (`▁▃▇█`). */
export function drawDensity(results: readonly DeviceResult[], axisMs: number, width = BAR_WIDTH): string {
  const counts = new Array<number>(width).fill(0);
  const scale = axisMs > 0 ? width / axisMs : 0;
  for (const result of results) {
    const extent = extentOf(result);
    if (!extent) continue;
    const from = Math.max(0, Math.floor(extent.startMs * scale));
    const to = Math.min(width, Math.max(from + 1, Math.ceil(extent.endMs * scale)));
    for (let c = from; c < to; c++) counts[c]!++;
  }
  const most = Math.max(1, ...counts);
  return counts.map((n) => (n === 0 ? ' ' : LEVELS[Math.max(1, Math.round((n / most) * 8))]!)).join('');
}

function label(text: string): string {
  return text.length > LABEL_WIDTH ? `${text.slice(0, LABEL_WIDTH - 1)}…` : text.padEnd(LABEL_WIDTH);
}

/**
 * The line printed as a sequential device finishes: its name, its seconds and its bar at its own
 * offset on an axis of `axisMs` (the estimated sample's length), so the lines march down and right.
 */
export function renderStep(result: DeviceResult, axisMs: number, painter: Painter = PLAIN): string {
  const seconds = `${result.seconds.toFixed(2)} s`.padStart(8);
  const bar = drawSpans(result.timeline, axisMs, BAR_WIDTH - 10).trimEnd();
  const colour = result.ok ? 'cyan' : 'red';
  return `  ${label(result.device)}${seconds}  ${painter.paint(bar, colour)}`;
}

/** The devices that have spans, shortest collection first. */
function byDuration(results: readonly DeviceResult[]): DeviceResult[] {
  const duration = (r: DeviceResult) => {
    const extent = extentOf(r);
    return extent ? extent.endMs - extent.startMs : 0;
  };
  return results.filter((r) => extentOf(r)).sort((a, b) => duration(a) - duration(b));
}

/**
 * Both runs on one axis: the sample's devices (each on its own row, one after another), then the
 * concurrent run in four rows: devices in flight, and its fastest, median and slowest device.
 */
export function renderTimeline(
  sequential: readonly DeviceResult[],
  concurrent: readonly DeviceResult[],
  painter: Painter = PLAIN,
): string[] {
  const ends = [...sequential, ...concurrent].map((r) => extentOf(r)?.endMs ?? 0);
  const axisMs = Math.max(1, ...ends);
  const row = (name: string, bar: string, colour: 'cyan' | 'green' | 'red') =>
    `  ${label(name)}${painter.paint(bar.trimEnd(), colour)}`;
  const lines = [
    painter.paint(`  sequential, ${sequential.length} device${sequential.length === 1 ? '' : 's'}:`, 'bold'),
    ...sequential.map((r) => row(r.device, drawSpans(r.timeline, axisMs), r.ok ? 'cyan' : 'red')),
    painter.paint(`  concurrent, ${concurrent.length} devices:`, 'bold'),
  ];
  const sorted = byDuration(concurrent);
  if (sorted.length > 0) {
    lines.push(row('in flight', drawDensity(concurrent, axisMs), 'green'));
    const picks: Array<[string, DeviceResult]> = [
      ['fastest', sorted[0]!],
      ['median', sorted[Math.floor((sorted.length - 1) / 2)]!],
      ['slowest', sorted.at(-1)!],
    ];
    for (const [what, result] of picks)
      lines.push(
        row(`${what} ${result.device}`, drawSpans(result.timeline, axisMs), result.ok ? 'green' : 'red'),
      );
  }
  const end = `${(axisMs / 1000).toFixed(2)} s`;
  lines.push(`  ${' '.repeat(LABEL_WIDTH)}${painter.paint(`0 s${end.padStart(BAR_WIDTH - 3)}`, 'dim')}`);
  lines.push(`  ${' '.repeat(LABEL_WIDTH)}${painter.paint(TIMELINE_LEGEND, 'dim')}`);
  return lines;
}
