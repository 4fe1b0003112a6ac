/**
 * The JUnit report: one test case per documented cable named by its two ends, grouped by device;
 * observed-only cables failing in their device's suite; what concerns no cable in a `cabling`
 * suite. Well-formed whatever the names hold (read back by fast-xml-parser and by Python's
 * xml.etree), counts that add up, a clean run's bytes pinned. (A drifted lab: test/e2e/check-junit.)
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../client/report/index.js';
import type { Documentation } from '../../client/verify/documentation.js';
import type { CablingReport } from '../../client/verify/verifier.js';
import { expectCountsAddUp, parseWithPython } from './junit-parse.js';

const documentation: Documentation = {
  source: 'lab.yaml',
  cables: [
    { a: { device: 'r1', interface: 'Gi1' }, b: { device: 'r2', interface: 'Gi1' } },
    { a: { device: 'r1', interface: 'Gi2' }, b: { device: 'r3', interface: 'Gi1' } },
    { a: { device: 'r2', interface: 'Gi2' }, b: { device: 'r3', interface: 'Gi2' } },
  ],
  devices: ['r1', 'r2', 'r3'],
  problems: [],
};
const base: CablingReport = {
  documentation: 'lab.yaml',
  devices: { total: 3, checked: 3 },
  cables: { documented: 3, verified: 3, unverifiable: 0 },
  unverifiableCables: [],
  findings: [],
  unverifiable: [],
  undocumentedDevices: [],
  documentationProblems: [],
  ok: true,
};
const timing = { seconds: 1.5, devices: 3 };
const junitOf = (report: CablingReport, doc = documentation) =>
  renderReport({ report, timing, documentation: doc }, 'junit');

describe('JUnit report', () => {
  it('a clean run: one passing case per cable, named by its ends, in its first end’s suite', () => {
    expect(junitOf(base)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="labfleet check" tests="3" failures="0" errors="0" time="1.500">',
        '  <testsuite name="r1" tests="2" failures="0" errors="0">',
        '    <testcase classname="r1" name="r1 Gi1 &lt;-&gt; r2 Gi1"/>',
        '    <testcase classname="r1" name="r1 Gi2 &lt;-&gt; r3 Gi1"/>',
        '  </testsuite>',
        '  <testsuite name="r2" tests="1" failures="0" errors="0">',
        '    <testcase classname="r2" name="r2 Gi2 &lt;-&gt; r3 Gi2"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('a wrong cable fails with its finding; a cable to a silent device is an error; the rest goes to `cabling`', () => {
    const hostile = `r3: it's <dead> & "gone" ]]>`;
    const report: CablingReport = {
      ...base,
      documentation: 'a<b>&"c".yaml',
      cables: { documented: 3, verified: 0, unverifiable: 2 },
      findings: [
        {
          kind: 'miswired',
          port: { device: 'r1', interface: 'Gi1' },
          expected: { device: 'r2', interface: 'Gi1' },
          found: { device: 'r9', interface: 'Gi7' },
        },
      ],
      unverifiableCables: [documentation.cables[1]!, documentation.cables[2]!],
      unverifiable: [{ device: 'r3', message: hostile, code: 'TIMEOUT' }],
      undocumentedDevices: ['r9'],
      documentationProblems: [{ where: 'lab.yaml:4', message: 'port used twice <&>' }],
      ok: false,
    };
    const xml = junitOf(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseWithPython(xml);
    expectCountsAddUp(parsed);
    expect(parsed.suites.map((s) => s.name)).toEqual(['r1', 'r2', 'cabling']);
    const [r1, r2, cabling] = parsed.suites;
    expect(r1!.cases).toEqual([
      {
        classname: 'r1',
        name: 'r1 Gi1 <-> r2 Gi1',
        failure: 'MISWIRED    r1 Gi1: documented to r2 Gi1, found r9 Gi7',
      },
      {
        classname: 'r1',
        name: 'r1 Gi2 <-> r3 Gi1',
        error: 'unverifiable: r3 did not answer [TIMEOUT]',
        errorType: 'TIMEOUT',
      },
      {
        classname: 'r1',
        name: 'r1 Gi1 <-> r9 Gi7 (not documented)',
        failure: 'MISWIRED    r1 Gi1: documented to r2 Gi1, found r9 Gi7',
      },
    ]);
    expect(r2!.cases.map((c) => [c.name, c.errorType])).toEqual([['r2 Gi2 <-> r3 Gi2', 'TIMEOUT']]);
    expect(cabling!.cases.map((c) => [c.name, c.failure !== undefined, c.error !== undefined])).toEqual([
      ['DOCUMENTATION lab.yaml:4: port used twice <&>', true, false],
      [`UNVERIFIABLE r3: ${hostile} [TIMEOUT]`, false, true],
      ['UNDOCUMENTED r9: answered, but the documentation does not name it', true, false],
    ]);
    expect([parsed.tests, parsed.failures, parsed.errors]).toEqual([7, 4, 3]);
  });
});
