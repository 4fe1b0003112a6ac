/**
 * The HTML report of a drifted lab-100, as a person sees it in Chromium: every device labelled and
 * no label over another, each finding's cables coloured and labelled with both ports, a findings
 * row that highlights its cables, one timeline bar per device, no errors and no network.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../client/check.js';
import { renderHtmlReport } from '../../client/report/html/report.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { ROOT } from '../helpers.js';
import {
  evaluate,
  launchBrowser,
  openPage,
  overlappingPairs,
  type OpenedPage,
  type Rect,
  type TestBrowser,
} from './browser.js';
import { checkDriftedFleet } from './drifted-check.js';

const screenshots = process.env.UPDATE_SCREENSHOTS === '1';
let dir: string;
let browser: TestBrowser;
let topology: Topology;
let check: CheckResult;
let opened: OpenedPage;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'labfleet-html-'));
  topology = await loadTopology('lab-100');
  const [started, checked] = await Promise.all([
    launchBrowser(),
    checkDriftedFleet(topology, { latencyMs: 5 }),
  ]);
  browser = started;
  check = checked.check;
  html = await renderHtmlReport(check, { topology, generatedBy: 'labfleet test' });
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  opened = await openPage(browser.browser, file);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('HTML report of a drifted lab-100 in Chromium', () => {
  it('loads with no console or page errors and asks the network for nothing', () => {
    expect(check.report.findings.map((f) => f.kind).sort()).toEqual(['missing', 'swapped', 'unexpected']);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('says the verdict, the documentation and the timing in its header', async () => {
    const header = await evaluate<string>(opened.page, `document.querySelector('header').innerText`);
    expect(header).toContain('Cabling: ');
    expect(header).toContain(check.report.documentation);
    expect(header).toMatch(/It took \d+\.\d\d s for 100 devices/);
    expect(header).toContain('labfleet test');
  });

  it('labels every device, and no two labels overlap', async () => {
    const labels = await evaluate<Array<Rect & { name: string; device: string }>>(
      opened.page,
      `[...document.querySelectorAll('svg.lf-topology g.lf-device')].map((g) => {
        const t = g.querySelector('text.lf-label'); const r = t.getBoundingClientRect();
        return { device: g.dataset.device, name: t.textContent, x: r.x, y: r.y, width: r.width, height: r.height };
      })`,
    );
    expect(labels.map((l) => l.device).sort()).toEqual(topology.nodes.map((n) => n.name).sort());
    expect(labels.every((l) => l.name === l.device && l.width > 0 && l.height > 0)).toBe(true);
    expect(overlappingPairs(labels)).toEqual([]);
  });

  it('draws each finding: its cables present, coloured unlike a verified cable, labelled with both ports', async () => {
    const drawn = await evaluate<{
      verified: string;
      findings: Array<{ cables: number; strokes: string[]; ports: number[] }>;
    }>(
      opened.page,
      `(() => {
        const stroke = (g) => getComputedStyle(g.querySelector('line, path, polyline')).stroke;
        const verified = stroke(document.querySelector('svg.lf-topology g.lf-cable.lf-verified'));
        const findings = ${check.report.findings.length};
        return { verified, findings: Array.from({ length: findings }, (_, i) => {
          const cables = [...document.querySelectorAll('svg.lf-topology g.lf-cable')]
            .filter((g) => (g.dataset.findings || '').split(' ').includes(String(i)));
          return { cables: cables.length, strokes: cables.map(stroke),
            ports: cables.map((g) => [...g.querySelectorAll('text.lf-port')].filter((t) => t.textContent.trim()).length) };
        }) };
      })()`,
    );
    expect(drawn.findings).toHaveLength(3);
    for (const finding of drawn.findings) {
      expect(finding.cables).toBeGreaterThan(0);
      for (const stroke of finding.strokes) expect(stroke).not.toBe(drawn.verified);
      for (const ports of finding.ports) expect(ports).toBeGreaterThanOrEqual(2);
    }
  });

  it('clicking a findings row highlights that finding’s elements in the drawing', async () => {
    for (let i = 0; i < check.report.findings.length; i++) {
      await opened.page.click(`table.lf-findings tr[data-finding="${i}"]`);
      const marked = await evaluate<{ mine: boolean[]; others: number }>(
        opened.page,
        `(() => {
          const all = [...document.querySelectorAll('svg.lf-topology [data-findings]')];
          const mine = all.filter((e) => e.dataset.findings.split(' ').includes('${i}'));
          return { mine: mine.filter((e) => e.matches('g.lf-cable')).map((e) => e.classList.contains('lf-highlight')),
            others: all.filter((e) => !mine.includes(e) && e.classList.contains('lf-highlight')).length };
        })()`,
      );
      expect(marked.mine.length).toBeGreaterThan(0);
      expect(marked.mine.every(Boolean)).toBe(true);
      expect(marked.others).toBe(0);
    }
  });

  it('draws one timeline bar per device, each with its spans', async () => {
    const bars = await evaluate<Array<{ device: string; spans: number }>>(
      opened.page,
      `[...document.querySelectorAll('svg.lf-gantt g.lf-bar')].map((g) => ({ device: g.dataset.device, spans: g.querySelectorAll('rect.lf-span').length }))`,
    );
    expect(bars.map((b) => b.device).sort()).toEqual(topology.nodes.map((n) => n.name).sort());
    expect(bars.every((b) => b.spans >= 2)).toBe(true);
  });

  it('takes the screenshot the docs show (drawing with the problems, and the findings)', async () => {
    const page = opened.page;
    await evaluate(page, `window.labfleetDrawing && window.labfleetDrawing.clear()`);
    await page.mouse.move(0, 0);
    const bottom = await evaluate<number>(
      page,
      `(() => { const r = document.querySelector('.lf-section-findings').getBoundingClientRect(); return Math.ceil(r.bottom + window.scrollY); })()`,
    );
    const out = screenshots ? join(ROOT, 'docs', 'images') : (process.env.LABFLEET_SHOT_DIR ?? dir);
    mkdirSync(out, { recursive: true });
    const path = join(out, 'report.png');
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 1440, height: Math.min(bottom + 16, 2400) } });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
