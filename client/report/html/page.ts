/**
 * The shell every HTML page of ours shares: one self-contained file whose Content-Security-Policy
 * forbids every fetch, so a report opened from a CI artifact or offline looks the same and cannot
 * call out. Styles and scripts are inline; images may only be `data:` URLs.
 */

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** Text for HTML content and attribute values (double-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageParts {
  title: string;
  css: readonly string[];
  body: string;
  /** Classic scripts, run in order at the end of the body. */
  scripts: readonly string[];
}

/** `</script` inside a script would end it early; `<\/script` means the same to JavaScript. */
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');
const inlineStyle = (css: string) => css.replace(/<\/(style)/gi, '<\\/$1');

export function renderPage(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    ...parts.css.map((css) => `<style>\n${inlineStyle(css)}\n</style>`),
    '</head>',
    '<body>',
    parts.body,
    ...parts.scripts.map((code) => `<script>\n${inlineScript(code)}\n</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page's own look: system fonts, a readable measure, tables that scan. */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6670; --line: #d5dbe1; --bad: #c62828; --good: #2e7d32; --warn: #b26a00; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.lf-verdict { font-size: 20px; font-weight: 600; margin: 0 0 10px; }
.lf-verdict.lf-pass { color: var(--good); }
.lf-verdict.lf-fail { color: var(--bad); }
dl.lf-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.lf-facts dt { color: var(--muted); }
dl.lf-facts dd { margin: 0; }
table.lf-table { border-collapse: collapse; width: 100%; }
table.lf-table th, table.lf-table td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.lf-table th { font-weight: 600; color: var(--muted); }
table.lf-table tr[tabindex] { cursor: pointer; }
table.lf-table tr[tabindex]:hover, table.lf-table tr[tabindex]:focus, table.lf-table tr.lf-selected { background: #fff3cd; outline: none; }
td.lf-kind { font-weight: 600; color: var(--bad); white-space: nowrap; }
td.lf-port, td.lf-code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
.lf-muted { color: var(--muted); }
.lf-drawing .lf-pan { height: min(75vh, 900px); overflow: hidden; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
.lf-drawing .lf-pan > svg.lf-topology { width: 100%; height: 100%; display: block; }
`;
