/**
 * The cabling report as JUnit XML, for CI test viewers: one test case per documented cable, named
 * by its two ends and grouped by device (one `<testsuite>` per device, a cable under its first end
 * in documentation order, so each is counted once), and one failing case per cable seen but not
 * documented. What concerns no single cable (documentation problems, undocumented devices, the
 * unreachable and interrupted summaries) goes into a `cabling` suite. fast-xml-parser's builder
 * writes and escapes it.
 */
import type { XMLBuilder } from 'fast-xml-parser';
import { fastXml } from '../fast-xml.js';
import type { Documentation } from '../verify/documentation.js';
import { renderPort } from '../verify/ports.js';
import { describeFinding, type CablingReport } from '../verify/verifier.js';
import { reportCables, type ReportCable } from './cables.js';
import type { Timing } from './timing.js';

let builder: XMLBuilder | undefined;

const createBuilder = (): XMLBuilder =>
  new (fastXml().XMLBuilder)({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });

/** The suite of what concerns no single cable. */
export const CABLING_SUITE = 'cabling';

interface TestCase {
  '@classname': string;
  '@name': string;
  failure?: { '@message': string; '@type': string };
  /**
   * A cable that could not be checked (an end did not answer) is an `<error>`, not `<skipped>`:
   * GitLab's test report lists errors beside failures while it counts skipped cases apart, Jenkins'
   * junit plugin counts errors as failed (skipped leaves the build stable), and the GitHub
   * test-reporter actions mark errors failed. An unchecked cable is not a pass, so it must not
   * read like one.
   */
  error?: { '@message': string; '@type': string };
}

/** `problems` are the report's problem lines (the text report's); those of findings are told per cable. */
export function renderJunit(
  report: CablingReport,
  documentation: Documentation,
  problems: readonly string[],
  timing: Timing,
): string {
  const suites = new Map<string, TestCase[]>();
  for (const device of documentation.devices) suites.set(device, []);
  const names = new Set<string>();
  for (const cable of reportCables(documentation, report)) {
    const device = cable.a.device;
    const cases = suites.get(device) ?? suites.set(device, []).get(device)!;
    cases.push(testCase(cable, report, uniqueName(names, cableName(cable))));
  }
  const findingLines = new Set(report.findings.map(describeFinding));
  const cabling = problems
    .filter((line) => !findingLines.has(line))
    .map((line): TestCase => {
      const code = /\[([A-Z_]+)\]$/.exec(line)?.[1];
      const unchecked = /^(UNVERIFIABLE|UNREACHABLE|INTERRUPTED)\b/.test(line);
      const detail = { '@message': line, '@type': code ?? line.split(/[ :]/)[0]! };
      return {
        '@classname': CABLING_SUITE,
        '@name': uniqueName(names, line),
        ...(unchecked ? { error: detail } : { failure: detail }),
      };
    });
  if (cabling.length) suites.set(CABLING_SUITE, [...(suites.get(CABLING_SUITE) ?? []), ...cabling]);

  const testsuite = [...suites]
    .filter(([, cases]) => cases.length)
    .map(([name, cases]) => ({
      '@name': name,
      ...counts(cases),
      testcase: cases,
    }));
  const all = [...suites.values()].flat();
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    testsuites: {
      '@name': 'labfleet check',
      ...counts(all),
      '@time': timing.seconds.toFixed(3),
      testsuite,
    },
  };
  return (builder ??= createBuilder()).build(document);
}

function counts(cases: readonly TestCase[]) {
  return {
    '@tests': cases.length,
    '@failures': cases.filter((c) => c.failure).length,
    '@errors': cases.filter((c) => c.error).length,
  };
}

/** `R1 GigabitEthernet2 <-> R2 GigabitEthernet2`; a cable seen but not documented says so. */
export function cableName(cable: Pick<ReportCable, 'a' | 'b' | 'documented'>): string {
  const ends = `${renderPort(cable.a)} <-> ${renderPort(cable.b)}`;
  return cable.documented ? ends : `${ends} (not documented)`;
}

function testCase(cable: ReportCable, report: CablingReport, name: string): TestCase {
  const base = { '@classname': cable.a.device, '@name': name };
  if (cable.state === 'problem') {
    const finding = report.findings[cable.finding!]!;
    return { ...base, failure: { '@message': describeFinding(finding), '@type': finding.kind } };
  }
  if (cable.state === 'unverifiable') {
    const reason = cable.reason ?? 'no end could confirm it';
    const code = /\[([A-Z_]+)\]$/.exec(reason)?.[1] ?? 'UNVERIFIABLE';
    return { ...base, error: { '@message': `unverifiable: ${reason}`, '@type': code } };
  }
  return base;
}

/**
 * Viewers key a case by its name (GitLab keeps only the first of equal names): a name met again
 * (one cable in two findings) gets a counter.
 */
function uniqueName(names: Set<string>, name: string): string {
  let unique = name;
  for (let n = 2; names.has(unique); n++) unique = `${name} (${n})`;
  names.add(unique);
  return unique;
}
