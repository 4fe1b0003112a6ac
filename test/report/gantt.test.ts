/** The Gantt chart's SVG from hand-made spans: rows by start, one rect per span, lean markup. */
import { describe, expect, it } from 'vitest';
import {
  defaultRowHeight,
  formatMs,
  ganttRows,
  renderGantt,
  renderGanttLegend,
} from '../../client/report/html/gantt.js';
import { deviceResult, spansFrom } from './synthetic-check.js';

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('Gantt chart', () => {
  it('has one row per started device, earliest start first (ties by name)', () => {
    const rows = ganttRows([
      deviceResult('late', spansFrom(50)),
      deviceResult('never-started', []),
      deviceResult('b-early', spansFrom(0)),
      deviceResult('a-early', spansFrom(0)),
    ]);
    expect(rows.map((r) => r.device)).toEqual(['a-early', 'b-early', 'late']);
  });

  it('draws one g.lf-bar per row and one rect per span, classed by phase, failed spans marked', () => {
    const svg = renderGantt([
      { device: 'r1', spans: spansFrom(0) },
      { device: 'r<2>', spans: spansFrom(40, 10, true) },
    ]);
    expect(count(svg, /<g class="lf-bar" data-device="/g)).toBe(2);
    expect(svg).toContain('data-device="r&#60;2&#62;"');
    expect(count(svg, /<rect class="lf-span /g)).toBe(8);
    expect(count(svg, /class="lf-span lf-command lf-failed"/g)).toBe(1);
    expect(svg).toContain('<title>r1 · command · show cdp neighbors detail · 10 ms</title>');
    expect(svg).not.toContain('style=');
  });

  it('puts spans on a shared axis: same time, same x, whatever the panel', () => {
    const x = (svg: string) => svg.match(/class="lf-span lf-auth" x="([\d.]+)"/)![1];
    const axis = { domainMs: 1000, labelWidth: 170 };
    const a = renderGantt([{ device: 'r1', spans: spansFrom(100) }], { ...axis, rowHeight: 16 });
    const b = renderGantt(
      [
        { device: 'r1', spans: spansFrom(100) },
        { device: 'r2', spans: spansFrom(500) },
      ],
      { ...axis, rowHeight: 3 }, // too thin to label, yet on the same axis
    );
    expect(b).not.toContain('lf-row-label');
    expect(x(a)).toBe(x(b));
  });

  it('labels the axis with d3-scale ticks in ms or s', () => {
    const short = renderGantt([{ device: 'r1', spans: spansFrom(0, 100) }]);
    expect(short).toContain('>0 ms</text>');
    expect(short).toContain('>200 ms</text>');
    const long = renderGantt([{ device: 'r1', spans: spansFrom(0, 2500) }]);
    expect(long).toContain('>2.0 s</text>');
    expect(formatMs(61_000)).toBe('61 s');
  });

  it('draws an extrapolated remainder as an outlined ghost bar, not as a device row', () => {
    const svg = renderGantt([{ device: 'r1', spans: spansFrom(0) }], {
      ghost: { label: '99 more devices (extrapolated)', startMs: 40, endMs: 4000 },
    });
    expect(count(svg, /<g class="lf-bar"/g)).toBe(1);
    expect(count(svg, /<rect class="lf-ghost"/g)).toBe(1);
    expect(renderGanttLegend({ ghost: true })).toContain('extrapolated');
  });

  it('keeps 1,000 rows thin and unlabelled, and the markup small', () => {
    expect(defaultRowHeight(10)).toBe(16);
    expect(defaultRowHeight(1000)).toBe(2);
    const rows = Array.from({ length: 1000 }, (_, i) => ({ device: `sw${i}`, spans: spansFrom(i % 50) }));
    const svg = renderGantt(rows);
    expect(count(svg, /<g class="lf-bar"/g)).toBe(1000);
    expect(svg).not.toContain('lf-row-label');
    expect(svg.length / 1000).toBeLessThan(600); // bytes per device row
  });
});
