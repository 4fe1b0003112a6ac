/**
 * The cabling report as JUnit XML, for CI dashboards: one passing test case for the verified
 * cables, one failing case per problem. fast-xml-parser's builder writes and escapes it.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { CablingReport } from '../verify/verifier.js';
import type { Timing } from './timing.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

/** `problems` are the report's problem lines, each a failing test case named by itself. */
export function renderJunit(report: CablingReport, problems: readonly string[], timing: Timing): string {
  const time = timing.seconds.toFixed(3);
  const testcase = [
    {
      '@classname': 'cabling',
      '@name': `${report.cables.verified} documented cables verified`,
      '@time': time,
    },
    ...problems.map((p) => ({ '@classname': 'cabling', '@name': p, failure: { '@message': p } })),
  ];
  const counts = { '@tests': testcase.length, '@failures': problems.length, '@time': time };
  const document = {
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    testsuites: {
      '@name': 'labfleet check',
      ...counts,
      testsuite: { '@name': report.documentation, ...counts, testcase },
    },
  };
  return builder.build(document);
}
