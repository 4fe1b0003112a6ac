/**
 * `labfleet demo --html` in Chromium: two panels on one time axis, the sequential bars one after
 * another, the concurrent ones at the same time, the speed-up in large type, no errors, no network.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { captureIO, ROOT } from '../helpers.js';
import { evaluate, launchBrowser, openPage, type OpenedPage, type TestBrowser } from './browser.js';

const SAMPLE = 5;
let dir: string;
let browser: TestBrowser;
let opened: OpenedPage;
let out: string;

interface Bar {
  device: string;
  start: number;
  end: number;
}

/** Each device row's extent on the x axis, in page pixels (both panels share the axis). */
const barsOf = (panel: string) =>
  evaluate<Bar[]>(
    opened.page,
    `[...document.querySelectorAll('.lf-panel-${panel} g.lf-bar')].map((g) => {
      const boxes = [...g.querySelectorAll('rect.lf-span')].map((r) => r.getBoundingClientRect());
      return { device: g.dataset.device, start: Math.min(...boxes.map((b) => b.left)), end: Math.max(...boxes.map((b) => b.right)) };
    })`,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'labfleet-demo-html-'));
  const file = join(dir, 'demo.html');
  const captured = captureIO();
  const [started, code] = await Promise.all([
    launchBrowser(),
    runCli(
      ['demo', '--ssh-port', '0', '--latency', '100ms', '--sample', String(SAMPLE), '--html', file],
      captured.io,
    ),
  ]);
  browser = started;
  out = captured.out;
  expect(code).toBe(0);
  opened = await openPage(browser.browser, file);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('labfleet demo --html in Chromium', () => {
  it('says where it wrote the page, which loads with no errors and no network', () => {
    expect(out).toContain(`Timelines of both runs written to ${join(dir, 'demo.html')}`);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it('shows the totals and the speed-up in large type', async () => {
    const figures = await evaluate<Record<string, { value: string; size: number }>>(
      opened.page,
      `Object.fromEntries([...document.querySelectorAll('.lf-figure')].map((f) => {
        const v = f.querySelector('.lf-figure-value');
        return [f.querySelector('.lf-figure-name').textContent, { value: v.textContent, size: parseFloat(getComputedStyle(v).fontSize) }];
      }))`,
    );
    expect(figures['speed-up']?.value).toMatch(/^\d+×$/);
    expect(figures['sequential']?.value).toMatch(/^≈ \d+\.\d+ s$/);
    expect(figures['concurrent']?.value).toMatch(/^\d+\.\d+ s$/);
    expect(figures['speed-up']!.size).toBeGreaterThanOrEqual(40);
  });

  it('marches the sequential bars one after another, the rest an outlined extrapolated bar', async () => {
    const bars = await barsOf('sequential');
    expect(bars).toHaveLength(SAMPLE);
    for (let i = 1; i < bars.length; i++)
      expect(bars[i]!.start).toBeGreaterThanOrEqual(bars[i - 1]!.end - 0.5);
    const ghost = await evaluate<{ left: number; right: number }>(
      opened.page,
      `(() => { const r = document.querySelector('.lf-panel-sequential rect.lf-ghost').getBoundingClientRect(); return { left: r.left, right: r.right }; })()`,
    );
    expect(ghost.left).toBeGreaterThanOrEqual(bars.at(-1)!.end - 0.5);
    expect(ghost.right).toBeGreaterThan(ghost.left);
  });

  it('draws both panels on the same time axis', async () => {
    // each tick's label and the middle of its text, in CSS pixels: glyph placement may round a
    // label's box differently in the two panels, so positions agree to within a pixel
    const ticks = await evaluate<Array<Array<{ label: string; x: number }>>>(
      opened.page,
      `['sequential', 'concurrent'].map((p) => [...document.querySelectorAll('.lf-panel-' + p + ' g.lf-axis text')]
        .map((t) => { const r = t.getBoundingClientRect(); return { label: t.textContent, x: r.x + r.width / 2 }; }))`,
    );
    const [sequential, concurrent] = ticks as [Array<{ label: string; x: number }>, (typeof ticks)[0]];
    expect(sequential.length).toBeGreaterThan(2);
    expect(concurrent.map((t) => t.label)).toEqual(sequential.map((t) => t.label));
    concurrent.forEach((tick, i) =>
      expect(Math.abs(tick.x - sequential[i]!.x), tick.label).toBeLessThanOrEqual(1),
    );
  });

  it('stacks the concurrent bars in one column: most devices run at the same moment', async () => {
    const bars = await barsOf('concurrent');
    expect(bars).toHaveLength(100);
    const events = bars.flatMap((b) => [
      [b.start, 1],
      [b.end, -1],
    ]);
    events.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    let running = 0;
    let most = 0;
    for (const [, step] of events) most = Math.max(most, (running += step!));
    expect(most).toBeGreaterThan(50);
    // the same axis: the whole concurrent run ends before the extrapolated sequential one
    const sequentialEnd = await evaluate<number>(
      opened.page,
      `document.querySelector('.lf-panel-sequential rect.lf-ghost').getBoundingClientRect().right`,
    );
    expect(Math.max(...bars.map((b) => b.end))).toBeLessThan(sequentialEnd);
  });

  it('takes the screenshot the docs show', async () => {
    const out =
      process.env.UPDATE_SCREENSHOTS === '1'
        ? join(ROOT, 'docs', 'images')
        : (process.env.LABFLEET_SHOT_DIR ?? dir);
    mkdirSync(out, { recursive: true });
    const path = join(out, 'demo.png');
    await opened.page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
