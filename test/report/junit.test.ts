/** The JUnit report: well-formed whatever the problem lines hold, and a clean run's bytes pinned. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../client/report/index.js';
import type { CablingReport } from '../../client/verify/verifier.js';

const base: CablingReport = {
  documentation: 'lab.yaml',
  devices: { total: 2, checked: 2 },
  cables: { documented: 3, verified: 3, unverifiable: 0 },
  unverifiableCables: [],
  findings: [],
  unverifiable: [],
  undocumentedDevices: [],
  documentationProblems: [],
  ok: true,
};
const timing = { seconds: 1.5, devices: 2 };

describe('JUnit report', () => {
  it('a clean run is one passing test case', () => {
    expect(renderReport(base, 'junit', timing)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="labfleet check" tests="1" failures="0" time="1.500">',
        '  <testsuite name="lab.yaml" tests="1" failures="0" time="1.500">',
        '    <testcase classname="cabling" name="3 documented cables verified" time="1.500"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('escapes markup in names and messages, and each problem fails one test case', () => {
    const hostile = `r1: it's <dead> & "gone" ]]>`;
    const report: CablingReport = {
      ...base,
      documentation: 'a<b>&"c".yaml',
      unverifiable: [{ device: 'r1', message: hostile, code: 'TIMEOUT' }],
      ok: false,
    };
    const junit = renderReport(report, 'junit', timing);
    expect(XMLValidator.validate(junit)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: { name: string; testcase: Array<{ name: string; failure?: { message: string } }> };
      };
    };
    expect([parsed.testsuites.tests, parsed.testsuites.failures]).toEqual(['2', '1']);
    expect(parsed.testsuites.testsuite.name).toBe('a<b>&"c".yaml');
    const failing = parsed.testsuites.testsuite.testcase[1]!;
    expect(failing.name).toBe(`UNVERIFIABLE r1: ${hostile} [TIMEOUT]`);
    expect(failing.failure?.message).toBe(failing.name);
  });
});
