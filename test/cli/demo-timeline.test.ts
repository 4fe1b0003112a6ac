/** The demo's text timelines: spans to columns, devices in flight, and both runs in a few short rows. */
import { describe, expect, it } from 'vitest';
import type { DeviceResult } from '../../client/collect.js';
import {
  BAR_WIDTH,
  drawDensity,
  drawSpans,
  renderStep,
  renderTimeline,
} from '../../client/cli/demo-timeline.js';
import { createPainter } from '../../client/report/ansi.js';
import type { TimelineSpan } from '../../client/timeline.js';

/** A device that logged in, set up and ran one command between `start` and `end` ms. */
function device(name: string, start: number, end: number, ok = true): DeviceResult {
  const third = (end - start) / 3;
  const timeline: TimelineSpan[] = [
    { phase: 'connect', label: 'connect', startMs: start, endMs: start + third },
    { phase: 'shell', label: 'shell', startMs: start + third, endMs: start + 2 * third },
    { phase: 'command', label: 'show cdp neighbors detail', startMs: start + 2 * third, endMs: end },
  ];
  return {
    device: name,
    platform: 'cisco_ios',
    host: '127.0.0.1',
    port: 22,
    status: ok ? 'ok' : 'error',
    ok,
    seconds: (end - start) / 1000,
    attempts: 1,
    timeline,
  };
}

describe('demo timelines', () => {
  it.each([
    ['a span over the whole axis fills it', [[0, 100]], 100, 10, '██████████'],
    ['half the axis, from its middle', [[50, 100]], 100, 10, '     █████'],
    ['a span shorter than a column still shows', [[0, 1]], 100, 10, '█         '],
    ['a span past the axis is cut', [[80, 300]], 100, 10, '        ██'],
  ] as const)('drawSpans: %s', (_name, spans, axis, width, drawn) => {
    const timeline = spans.map(([startMs, endMs]) => ({
      phase: 'command' as const,
      label: 'x',
      startMs,
      endMs,
    }));
    expect(drawSpans(timeline, axis, width)).toBe(drawn);
  });

  it('drawSpans: each phase its own character, commands winning a shared column', () => {
    expect(drawSpans(device('R1', 0, 90).timeline, 90, 9)).toBe('░░░▒▒▒███');
    expect(drawSpans(device('R1', 0, 90).timeline, 90, 3)).toBe('░▒█');
  });

  it('drawDensity: the height follows how many devices are in flight', () => {
    const results = [device('a', 0, 100), device('b', 0, 50), device('c', 0, 50), device('d', 0, 50)];
    expect(drawDensity(results, 100, 4)).toBe('██▂▂');
  });

  it('renderTimeline: the sample row by row, a hundred devices in four rows, within 80 columns', () => {
    const sequential = [device('R1', 0, 300), device('R2', 300, 600), device('R3', 600, 900)];
    const concurrent = Array.from({ length: 100 }, (_, i) => device(`D${i + 1}`, 0, 200 + i));
    const lines = renderTimeline(sequential, concurrent);
    expect(lines[0]).toBe('  sequential, 3 devices:');
    expect(lines[4]).toBe('  concurrent, 100 devices:');
    expect(lines.slice(5, 9).map((l) => l.slice(0, 18).trimEnd())).toEqual([
      '  in flight',
      '  fastest D1',
      '  median D50',
      '  slowest D100',
    ]);
    expect(lines).toHaveLength(11);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    const starts = lines.slice(1, 4).map((l) => l.search(/[░▒█]/));
    expect(starts[0]).toBeLessThan(starts[1]!);
    expect(starts[1]).toBeLessThan(starts[2]!);
    expect(lines.at(-2)).toMatch(/0 s +0\.90 s$/);
    expect(lines.join('\n')).not.toContain('\x1b');
  });

  it('renderStep: name, seconds, and its bar; red when the device failed, with colours on', () => {
    expect(renderStep(device('R2', 100, 200), 200)).toMatch(/^ {2}R2 {16}0\.10 s {2} {23}░+▒+█+$/);
    expect(renderStep(device('R2', 0, 200, false), 200, createPainter(true))).toContain('\x1b[31m');
    expect(BAR_WIDTH + 18).toBeLessThanOrEqual(80);
  });
});
