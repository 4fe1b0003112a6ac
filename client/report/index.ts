/** A cabling report as text, JSON, JUnit XML or Markdown. */
import type { Documentation } from '../verify/documentation.js';
import { describeFinding, type CablingReport } from '../verify/verifier.js';
import { createPainter, type Painter } from './ansi.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';
import { renderJunit } from './junit.js';
import { describeUnreachable } from './unreachable.js';
import type { Timing } from './timing.js';

export type { Timing } from './timing.js';

export { REPORT_FORMATS, type ReportFormat };

/** What `--format json` writes identifies itself, so a reader can refuse another version's file. */
export const REPORT_JSON_FORMAT = 'labfleet-check-report';
export const REPORT_JSON_VERSION = 1;

export const VERDICT_OK = 'Cabling 100% coincides with the documentation!';

/** `It took 1.02 s for 100 devices (0.010 s per device)`. */
export function timingLine(t: Timing): string {
  const per = t.devices > 0 ? t.seconds / t.devices : 0;
  return `It took ${t.seconds.toFixed(2)} s for ${t.devices} device${t.devices === 1 ? '' : 's'} (${per.toFixed(3)} s per device)`;
}

/**
 * Every problem as one line naming both ends, in a stable order. An interrupted run leads with one
 * line for all its unfinished devices, and a run where no device answered at all leads with one
 * line naming the likely cause instead of one per device (the JSON report lists them one by one).
 */
export function problemLines(report: CablingReport): string[] {
  const { interrupted } = report;
  return [
    ...(interrupted
      ? [
          `INTERRUPTED: Ctrl-C or SIGTERM stopped the check; ${interrupted.unfinished} of ${report.devices.total} devices were not finished, and this report covers only the others [INTERRUPTED]`,
        ]
      : []),
    ...report.documentationProblems.map((p) => `DOCUMENTATION ${p.where}: ${p.message}`),
    ...report.findings.map(describeFinding),
    ...(report.unreachable ? [describeUnreachable(report.unreachable)] : []),
    ...report.unverifiable
      .filter((u) => u.code !== 'INTERRUPTED' && !(report.unreachable && u.code === report.unreachable.code))
      .map((u) => `UNVERIFIABLE ${u.device}: ${u.message} [${u.code}]`),
    ...report.undocumentedDevices.map(
      (d) => `UNDOCUMENTED ${d}: answered, but the documentation does not name it`,
    ),
  ];
}

/** What a report is rendered from: `checkCabling`'s result (its per-device results are not needed). */
export interface CheckForReport {
  report: CablingReport;
  timing: Timing;
  documentation: Documentation;
}

export interface RenderOptions {
  /** Text only: ANSI colours (problems red or yellow, the OK verdict green). Off by default. */
  colors?: boolean;
  /** Text only: end with the "It took …" line (default true; the demo prints its own). */
  timing?: boolean;
}

export function renderReport(
  check: CheckForReport,
  format: ReportFormat,
  options: RenderOptions = {},
): string {
  const { report, timing, documentation } = check;
  switch (format) {
    case 'text':
      return renderText(report, timing, options);
    case 'json':
      return (
        JSON.stringify(
          {
            format: REPORT_JSON_FORMAT,
            version: REPORT_JSON_VERSION,
            ...report,
            timing: { ...timing, perDevice: timing.devices ? timing.seconds / timing.devices : 0 },
          },
          null,
          2,
        ) + '\n'
      );
    case 'junit':
      return renderJunit(report, documentation, problemLines(report), timing);
    case 'markdown':
      return renderMarkdown(report, timing);
  }
}

function counted(report: CablingReport): string {
  const problems = problemLines(report).length;
  return `${report.cables.verified} of ${report.cables.documented} documented cables verified; ${problems} problem${problems === 1 ? '' : 's'}`;
}

function summary(report: CablingReport): string {
  return `Cabling: ${counted(report)}.`;
}

/** The headline: the verdict when everything matches, else the counts of what did not. */
export function verdictLine(report: CablingReport): string {
  return report.ok ? VERDICT_OK : summary(report);
}

/** Wrong cables and an unreachable fleet in red; what could not be checked or documented in yellow. */
function paintProblem(line: string, painter: Painter): string {
  const word = /^[A-Z-]+/.exec(line)?.[0] ?? '';
  const colour = /^(UNVERIFIABLE|UNDOCUMENTED|DOCUMENTATION|INTERRUPTED)$/.test(word) ? 'yellow' : 'red';
  return painter.paint(word, colour) + line.slice(word.length);
}

function renderText(report: CablingReport, timing: Timing, options: RenderOptions): string {
  const painter = createPainter(options.colors === true);
  const lines = report.ok
    ? [painter.paint(VERDICT_OK, 'green')]
    : [...problemLines(report).map((line) => paintProblem(line, painter)), summary(report)];
  return [...lines, ...(options.timing === false ? [] : [timingLine(timing)])].join('\n') + '\n';
}

function renderMarkdown(report: CablingReport, timing: Timing): string {
  const problems = problemLines(report);
  return [
    `# Cabling check: ${counted(report)}`,
    '',
    ...(report.ok ? [VERDICT_OK, ''] : []),
    '| | |',
    '|---|---|',
    `| documentation | ${report.documentation} |`,
    `| devices checked | ${report.devices.checked} of ${report.devices.total} |`,
    `| documented cables verified | ${report.cables.verified} of ${report.cables.documented} |`,
    `| problems | ${problems.length} |`,
    `| time | ${timingLine(timing)} |`,
    ...(problems.length
      ? ['', '## Problems', '', ...problems.map((p) => `- \`${p.replace(/`/g, "'")}\``)]
      : []),
    '',
  ].join('\n');
}
