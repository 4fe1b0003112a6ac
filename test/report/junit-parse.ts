/** Reading a JUnit report back with Python's xml.etree (a second parser), and checking its counts. */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

export interface ParsedCase {
  classname: string;
  name: string;
  failure?: string;
  error?: string;
  errorType?: string;
}
export interface ParsedSuite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  cases: ParsedCase[];
}
export interface Parsed {
  tests: number;
  failures: number;
  errors: number;
  suites: ParsedSuite[];
}

const PARSE = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
def case(c):
    out = {"classname": c.get("classname"), "name": c.get("name")}
    f = c.find("failure"); e = c.find("error")
    if f is not None: out["failure"] = f.get("message")
    if e is not None: out["error"] = e.get("message"); out["errorType"] = e.get("type")
    return out
print(json.dumps({
    "tests": int(root.get("tests")), "failures": int(root.get("failures")), "errors": int(root.get("errors")),
    "suites": [{"name": s.get("name"), "tests": int(s.get("tests")), "failures": int(s.get("failures")),
                "errors": int(s.get("errors")), "cases": [case(c) for c in s.findall("testcase")]}
               for s in root.findall("testsuite")]}))
`;

/** Python's own XML parser reads the report: a second opinion on well-formedness and escaping. */
export function parseWithPython(xml: string): Parsed {
  return JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', PARSE], { input: xml, encoding: 'utf8' }),
  ) as Parsed;
}

export function expectCountsAddUp(parsed: Parsed): void {
  for (const suite of parsed.suites) {
    expect(suite.tests).toBe(suite.cases.length);
    expect(suite.failures).toBe(suite.cases.filter((c) => c.failure !== undefined).length);
    expect(suite.errors).toBe(suite.cases.filter((c) => c.error !== undefined).length);
  }
  const sum = (key: 'tests' | 'failures' | 'errors') => parsed.suites.reduce((n, s) => n + s[key], 0);
  expect([parsed.tests, parsed.failures, parsed.errors]).toEqual([
    sum('tests'),
    sum('failures'),
    sum('errors'),
  ]);
}
