/** The HTML report's markup from a hand-made check: self-contained, escaped, every section present. */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, renderPage } from '../../client/report/html/page.js';
import { renderHtmlReport } from '../../client/report/html/report.js';
import { VERDICT_OK, verdictLine } from '../../client/report/index.js';
import { syntheticCheck } from './synthetic-check.js';

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('HTML report page', () => {
  it('is one self-contained file: a CSP that forbids fetches, nothing loaded from elsewhere', async () => {
    const html = await renderHtmlReport(syntheticCheck(), { generatedBy: 'labfleet 9.9.9' });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    );
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|img|link|iframe)[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\((?!#|data:)/);
    expect(html).toContain('labfleet 9.9.9');
  });

  it('escapes what it quotes and lists findings, unverifiable devices and documentation problems', async () => {
    const html = await renderHtmlReport(syntheticCheck());
    expect(html).toContain('lab &#60;&#38;&#62; &#34;x&#34;.yaml');
    expect(html).not.toContain('lab <&> "x".yaml');
    expect(count(html, /<tr tabindex="0" data-finding="\d+">/g)).toBe(2);
    expect(html).toContain('<td class="lf-kind">missing</td>');
    expect(html).toMatch(/MISSING +r1 GigabitEthernet0\/1 &#60;-&#62; r2 GigabitEthernet0\/1/);
    expect(html).toMatch(
      /data-device="r4"><td class="lf-port">r4<\/td><td>no answer in 10 s<\/td><td class="lf-code">TIMEOUT/,
    );
    expect(html).toContain('<td class="lf-port">lab.yaml:9:3</td><td>port used twice</td>');
  });

  it('draws the timeline with one bar per started device, earliest first', async () => {
    const html = await renderHtmlReport(syntheticCheck());
    const bars = [...html.matchAll(/<g class="lf-bar" data-device="([^"]+)"/g)].map((m) => m[1]);
    expect(bars).toEqual(['r1', 'r4', 'r3', 'r2']);
    expect(count(html, /lf-failed/g)).toBeGreaterThanOrEqual(1);
  });

  it('leads with the verdict: the documented sentence when all matches, else the counts', () => {
    const check = syntheticCheck();
    expect(verdictLine(check.report)).toMatch(/^Cabling: 1 of 3 documented cables verified; \d+ problems\.$/);
    expect(verdictLine({ ...check.report, ok: true })).toBe(VERDICT_OK);
  });

  it('keeps a script from ending its own <script> element early', () => {
    const html = renderPage({ title: 't', css: [], body: '', scripts: ['var s = "</script><b>";'] });
    expect(count(html, /<\/script>/g)).toBe(1);
  });
});
