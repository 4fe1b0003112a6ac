/** A cabling report as text, JSON, JUnit XML or Markdown. */
import { describeFinding, type CablingReport } from '../verify/verifier.js';
import { renderJunit } from './junit.js';
import { describeUnreachable } from './unreachable.js';
import type { Timing } from './timing.js';

export type { Timing } from './timing.js';

export type ReportFormat = 'text' | 'json' | 'junit' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'markdown'];

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

export function renderReport(report: CablingReport, format: ReportFormat, timing: Timing): string {
  switch (format) {
    case 'text':
      return renderText(report, timing);
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
      return renderJunit(report, problemLines(report), timing);
    case 'markdown':
      return renderMarkdown(report, timing);
  }
}

function summary(report: CablingReport): string {
  const problems = problemLines(report).length;
  return `Cabling: ${report.cables.verified} of ${report.cables.documented} documented cables verified; ${problems} problem${problems === 1 ? '' : 's'}.`;
}

function renderText(report: CablingReport, timing: Timing): string {
  const lines = report.ok ? [VERDICT_OK] : [...problemLines(report), summary(report)];
  return [...lines, timingLine(timing)].join('\n') + '\n';
}

function renderMarkdown(report: CablingReport, timing: Timing): string {
  const problems = problemLines(report);
  return [
    `# Cabling check: ${report.ok ? VERDICT_OK : summary(report)}`,
    '',
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
