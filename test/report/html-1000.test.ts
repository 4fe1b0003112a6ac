/**
 * A 1,008-device report (`generate racks --racks 21 --per-rack 48`, a real fleet on loopback):
 * every label drawn without overlapping another, one timeline bar per device, and a file size that
 * stays reasonable (docs/reports.md quotes it).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../client/check.js';
import { renderHtmlReport } from '../../client/report/html/report.js';
import { generateRacks, renderTopologyYaml } from '../../simulator/generate/index.js';
import { parseTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
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

let dir: string;
let browser: TestBrowser;
let topology: Topology;
let check: CheckResult;
let opened: OpenedPage;
let bytes: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'labfleet-html-1000-'));
  topology = parseTopology(renderTopologyYaml(generateRacks({ racks: 21, perRack: 48 })), 'racks-1008.yaml');
  const [started, checked] = await Promise.all([
    launchBrowser(),
    checkDriftedFleet(topology, { latencyMs: 0, concurrency: 200 }),
  ]);
  browser = started;
  check = checked.check;
  const file = join(dir, 'report.html');
  writeFileSync(file, await renderHtmlReport(check, { topology }));
  bytes = statSync(file).size;
  opened = await openPage(browser.browser, file);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('HTML report of 1,008 devices in Chromium', () => {
  it('stays under 5 MB, loads with no errors and no network', () => {
    expect(topology.nodes).toHaveLength(1008);
    expect(check.report.findings.length).toBeGreaterThan(0);
    console.info(`1,008-device HTML report: ${(bytes / 2 ** 20).toFixed(2)} MiB`);
    expect(bytes).toBeLessThan(5 * 2 ** 20);
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
  });

  it('labels every device, and no two labels overlap', async () => {
    const labels = await evaluate<Array<Rect & { name: string }>>(
      opened.page,
      `[...document.querySelectorAll('svg.lf-topology g.lf-device text.lf-label')].map((t) => {
        const r = t.getBoundingClientRect();
        return { name: t.textContent, x: r.x, y: r.y, width: r.width, height: r.height };
      })`,
    );
    expect(labels.map((l) => l.name).sort()).toEqual(topology.nodes.map((n) => n.name).sort());
    expect(overlappingPairs(labels, 0.01)).toEqual([]);
  });

  it('draws one timeline bar per device', async () => {
    const bars = await evaluate<number>(
      opened.page,
      `document.querySelectorAll('svg.lf-gantt g.lf-bar').length`,
    );
    expect(bars).toBe(1008);
  });
});
