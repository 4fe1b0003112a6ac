/**
 * Headless Chromium for the HTML report tests: Debian's /usr/bin/chromium driven by puppeteer-core,
 * a fresh profile per browser, background networking off. `openPage` loads a file:// page and
 * records what a person would not see but a test must: console errors, page errors and every
 * request other than the page itself (each is aborted: the page must work offline).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'labfleet-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', `--user-data-dir=${profile}`],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type error, and uncaught exceptions. */
  errors: string[];
  /** Requests for anything but the page's own file (all aborted). */
  requests: string[];
}

export async function openPage(
  browser: Browser,
  file: string,
  viewport = { width: 1440, height: 1000 },
): Promise<OpenedPage> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const url = pathToFileURL(file).href;
  const opened: OpenedPage = { page, errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) return void request.continue();
    opened.requests.push(request.url());
    void request.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** Runs browser-side code given as an expression (the project's TypeScript has no DOM types). */
export function evaluate<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pairs of boxes that overlap by more than `slack` px in both directions (labels that collide). */
export function overlappingPairs(boxes: ReadonlyArray<Rect & { name: string }>, slack = 0.5): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.x >= a.x + a.width - slack) break;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > slack && overlapY > slack) found.push(`${a.name} / ${b.name}`);
    }
  }
  return found;
}
