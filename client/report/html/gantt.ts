/**
 * A Gantt chart of a run's collection, as SVG: one row per device, one `<rect>` per timeline span
 * coloured by phase (shared classes, no per-element styles, so 1,000 rows stay lean), failed spans
 * outlined in red, a time axis with d3-scale's ticks, and a `<title>` on each span for hover.
 * The HTML report and the demo page both draw their timelines with it.
 *
 * Elements: `svg.lf-gantt`; `g.lf-bar[data-device]` per device row; `rect.lf-span.lf-<phase>`
 * (`.lf-failed` when the span failed); `rect.lf-ghost` for an extrapolated bar; `g.lf-axis`.
 */
import { scaleLinear } from 'd3-scale';
import type { DeviceResult } from '../../collect.js';
import { SPAN_PHASES, type SpanPhase, type TimelineSpan } from '../../timeline.js';
import { escapeHtml } from './page.js';

export interface GanttRow {
  device: string;
  spans: readonly TimelineSpan[];
}

/** An outlined bar for time that was not measured but extrapolated (the demo's sequential rest). */
export interface GanttGhost {
  label: string;
  startMs: number;
  endMs: number;
}

export interface GanttOptions {
  /** The axis runs from 0 to this many ms (default: the last span's end), so panels can share it. */
  domainMs?: number;
  /** Total width in px (default 1200). */
  width?: number;
  /** Row height in px (default: 16 for a few rows, down to 2 for 1,000). */
  rowHeight?: number;
  /** Room for device names on the left (default 140, or 0 when rows are too thin to label). */
  labelWidth?: number;
  ghost?: GanttGhost;
  /** `aria-label` of the chart. */
  title?: string;
}

/** Phase names for the legend, in the order a collection goes through them. */
export const PHASE_NAMES: Record<SpanPhase, string> = {
  connect: 'connect',
  auth: 'authenticate',
  shell: 'shell and session set-up',
  command: 'command',
  'retry-wait': 'wait before retrying',
};

/** The devices that were started (a non-empty timeline), earliest start first: concurrency reads at a glance. */
export function ganttRows(results: readonly DeviceResult[]): GanttRow[] {
  return results
    .filter((r) => r.timeline.length > 0)
    .map((r) => ({
      device: r.device,
      spans: r.timeline,
      start: Math.min(...r.timeline.map((s) => s.startMs)),
    }))
    .sort((a, b) => a.start - b.start || a.device.localeCompare(b.device))
    .map(({ device, spans }) => ({ device, spans }));
}

/** The last moment any row (or the ghost) reaches, in ms. */
export function ganttEndMs(rows: readonly GanttRow[], ghost?: GanttGhost): number {
  let end = ghost?.endMs ?? 0;
  for (const row of rows) for (const span of row.spans) end = Math.max(end, span.endMs);
  return end;
}

/** 16 px rows for a few devices, thinning to 2 px so 1,000 rows stay about 2,000 px tall. */
export function defaultRowHeight(rows: number): number {
  return Math.max(2, Math.min(16, Math.floor(1000 / Math.max(rows, 1))));
}

const AXIS_HEIGHT = 24;
const round = (n: number) => Math.round(n * 10) / 10;

/** `250 ms`, `1.5 s`: the tick labels and the hover titles. */
export function formatMs(ms: number, domainMs = ms): string {
  if (domainMs < 2000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(domainMs < 20_000 ? 1 : 0)} s`;
}

export function renderGantt(rows: readonly GanttRow[], options: GanttOptions = {}): string {
  const width = options.width ?? 1200;
  const rowHeight = options.rowHeight ?? defaultRowHeight(rows.length + (options.ghost ? 1 : 0));
  const labelled = rowHeight >= 8;
  // a given width is kept even when rows are too thin to label: panels that share an axis line up
  const labelWidth = options.labelWidth ?? (labelled ? 140 : 0);
  const domain = Math.max(options.domainMs ?? ganttEndMs(rows, options.ghost), 1);
  const x = scaleLinear()
    .domain([0, domain])
    .range([labelWidth + 4, width - 16]);
  const barHeight = Math.max(1, rowHeight > 4 ? rowHeight - 2 : rowHeight - 0.5);
  const rowCount = rows.length + (options.ghost ? 1 : 0);
  const height = AXIS_HEIGHT + rowCount * rowHeight + 4;
  const fontSize = Math.min(12, rowHeight - 2);

  const ticks = x.ticks(Math.max(2, Math.floor(width / 120))).map((t) => {
    const at = round(x(t));
    return `<line x1="${at}" x2="${at}" y1="${AXIS_HEIGHT - 4}" y2="${height}"/><text x="${at}" y="${AXIS_HEIGHT - 8}">${formatMs(t, domain)}</text>`;
  });

  const bars = rows.map((row, i) => {
    const y = AXIS_HEIGHT + i * rowHeight;
    const device = escapeHtml(row.device);
    const label = labelled
      ? `<text class="lf-row-label" x="${labelWidth}" y="${round(y + barHeight - 1)}" font-size="${fontSize}">${device}</text>`
      : '';
    const spans = row.spans.map((s) => {
      const x0 = round(x(s.startMs));
      const w = Math.max(0.5, round(x(s.endMs) - x(s.startMs)));
      const title = `${row.device} · ${s.phase} · ${s.label} · ${formatMs(s.endMs - s.startMs, 0)}${s.failed ? ' · failed' : ''}`;
      return `<rect class="lf-span lf-${s.phase}${s.failed ? ' lf-failed' : ''}" x="${x0}" y="${y}" width="${w}" height="${barHeight}"><title>${escapeHtml(title)}</title></rect>`;
    });
    return `<g class="lf-bar" data-device="${device}">${label}${spans.join('')}</g>`;
  });

  const ghost = options.ghost ? renderGhost(options.ghost, AXIS_HEIGHT + rows.length * rowHeight) : '';
  function renderGhost(g: GanttGhost, y: number): string {
    const x0 = round(x(g.startMs));
    const w = Math.max(0.5, round(x(g.endMs) - x(g.startMs)));
    const label = labelled
      ? `<text class="lf-row-label" x="${labelWidth}" y="${round(y + barHeight - 1)}" font-size="${fontSize}">${escapeHtml(g.label)}</text>`
      : '';
    const text = `${g.label} · ${formatMs(g.endMs - g.startMs, 0)}`;
    return `<g class="lf-ghost-row">${label}<rect class="lf-ghost" x="${x0}" y="${y}" width="${w}" height="${barHeight}"><title>${escapeHtml(text)}</title></rect></g>`;
  }

  const aria = escapeHtml(options.title ?? 'collection timeline');
  return `<svg class="lf-gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${aria}"><g class="lf-axis">${ticks.join('')}</g>${bars.join('')}${ghost}</svg>`;
}

/** The phases' colours as an HTML legend, and how a failed span and an extrapolated bar look. */
export function renderGanttLegend(options: { ghost?: boolean } = {}): string {
  const items = SPAN_PHASES.map(
    (p) =>
      `<li><svg width="14" height="10"><rect class="lf-span lf-${p}" width="14" height="10"/></svg>${PHASE_NAMES[p]}</li>`,
  );
  items.push(
    '<li><svg width="14" height="10"><rect class="lf-span lf-command lf-failed" x="1" y="1" width="12" height="8"/></svg>failed</li>',
  );
  if (options.ghost)
    items.push(
      '<li><svg width="14" height="10"><rect class="lf-ghost" x="1" y="1" width="12" height="8"/></svg>extrapolated</li>',
    );
  return `<ul class="lf-legend">${items.join('')}</ul>`;
}

/** Colours by phase (colour-blind safe: Okabe–Ito), the axis and the legend. */
export const GANTT_CSS = `
svg.lf-gantt { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
svg.lf-gantt .lf-axis line { stroke: #e3e7eb; stroke-width: 1; }
svg.lf-gantt .lf-axis text { fill: #5b6670; text-anchor: middle; }
svg.lf-gantt .lf-row-label { fill: #1d232a; text-anchor: end; font-family: ui-monospace, Menlo, monospace; }
svg.lf-gantt .lf-bar:hover .lf-span { opacity: 0.7; }
.lf-span.lf-connect { fill: #56b4e9; }
.lf-span.lf-auth { fill: #e69f00; }
.lf-span.lf-shell { fill: #009e73; }
.lf-span.lf-command { fill: #0072b2; }
.lf-span.lf-retry-wait { fill: #cccccc; }
.lf-span.lf-failed { stroke: #c62828; stroke-width: 2; fill-opacity: 0.45; }
.lf-ghost { fill: none; stroke: #5b6670; stroke-width: 1.5; stroke-dasharray: 6 4; }
ul.lf-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 6px 0; color: #5b6670; }
ul.lf-legend li { display: flex; align-items: center; gap: 6px; }
.lf-timeline { max-height: 80vh; overflow-y: auto; border: 1px solid #d5dbe1; border-radius: 4px; }
`;
