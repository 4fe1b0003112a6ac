/**
 * The report's tables: the findings (each row highlights its cables in the drawing), the devices
 * that could not be verified, the undocumented devices and the documentation's own problems.
 */
import type { CablingReport, Finding } from '../../verify/verifier.js';
import { describeFinding } from '../../verify/verifier.js';
import { renderPort } from '../../verify/ports.js';
import { findingCables } from '../cables.js';
import { escapeHtml } from './page.js';

/** The two ends a finding is about: its documented cable, else the cable seen instead. */
function findingEnds(finding: Finding): [string, string] {
  const { documented, observed } = findingCables(finding);
  const cable = documented[0] ?? observed[0]!;
  return [renderPort(cable.a), renderPort(cable.b)];
}

export function renderFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p class="lf-muted">No cabling findings.</p>';
  const rows = findings.map((f, i) => {
    const [a, b] = findingEnds(f);
    return `<tr tabindex="0" data-finding="${i}"><td class="lf-kind">${f.kind}</td><td class="lf-port">${escapeHtml(a)}</td><td class="lf-port">${escapeHtml(b)}</td><td>${escapeHtml(describeFinding(f))}</td></tr>`;
  });
  return `<table class="lf-table lf-findings"><thead><tr><th>kind</th><th>end A</th><th>end B</th><th>what was found</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderUnverifiableTable(report: CablingReport): string {
  if (report.unverifiable.length === 0) return '';
  const rows = report.unverifiable.map(
    (u) =>
      `<tr tabindex="0" data-device="${escapeHtml(u.device)}"><td class="lf-port">${escapeHtml(u.device)}</td><td>${escapeHtml(u.message)}</td><td class="lf-code">${escapeHtml(u.code)}</td></tr>`,
  );
  return `<h2>Devices that could not be verified (${report.unverifiable.length})</h2><table class="lf-table lf-unverifiable"><thead><tr><th>device</th><th>reason</th><th>code</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderUndocumentedList(report: CablingReport): string {
  if (report.undocumentedDevices.length === 0) return '';
  const items = report.undocumentedDevices.map((d) => `<li class="lf-port">${escapeHtml(d)}</li>`);
  return `<h2>Devices that answered but are not documented (${items.length})</h2><ul>${items.join('')}</ul>`;
}

export function renderDocumentationProblems(report: CablingReport): string {
  if (report.documentationProblems.length === 0) return '';
  const rows = report.documentationProblems.map(
    (p) => `<tr><td class="lf-port">${escapeHtml(p.where)}</td><td>${escapeHtml(p.message)}</td></tr>`,
  );
  return `<h2>Documentation problems (${rows.length})</h2><table class="lf-table lf-doc-problems"><thead><tr><th>where</th><th>problem</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * Hover, focus or click on a findings row highlights that finding in the drawing (a click keeps it
 * highlighted when the pointer leaves); a device row does the same for its device. A click or the
 * Enter brings the drawing into view; a hover or focus (a mouse press focuses the row too) never
 * scrolls the page under the pointer.
 */
export const TABLES_SCRIPT = `
(function () {
  var drawing = function () { return window.labfleetDrawing; };
  var pinned = null;
  function show(row, stay) {
    var d = drawing(); if (!d) return;
    var x = window.scrollX, y = window.scrollY;
    if (row.dataset.finding !== undefined) d.highlightFinding(Number(row.dataset.finding));
    else if (row.dataset.device !== undefined) d.highlightDevice(row.dataset.device);
    if (stay) window.scrollTo(x, y);
  }
  function restore() {
    var d = drawing(); if (!d) return;
    if (pinned) show(pinned, true); else d.clear();
  }
  document.querySelectorAll('table.lf-table tr[tabindex]').forEach(function (row) {
    row.addEventListener('mouseenter', function () { show(row, true); });
    row.addEventListener('mouseleave', restore);
    row.addEventListener('focus', function () { show(row, true); });
    function pin() {
      if (pinned) pinned.classList.remove('lf-selected');
      pinned = row; row.classList.add('lf-selected'); show(row, false);
    }
    row.addEventListener('click', pin);
    row.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pin(); } });
  });
  // a timeline row names its device: hovering it finds the device in the drawing
  document.querySelectorAll('svg.lf-gantt g.lf-bar[data-device]').forEach(function (bar) {
    bar.addEventListener('mouseenter', function () { show(bar, true); });
    bar.addEventListener('mouseleave', restore);
  });
})();
`;
