/** Reading a `check --format json` report back: what it accepts, and where it says a file goes wrong. */
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../client/report/index.js';
import { findJsonSyntaxError } from '../../client/report/json-syntax.js';
import { readReportJson } from '../../client/report/read.js';
import type { CablingReport } from '../../client/verify/verifier.js';
import { LabfleetError } from '../../simulator/errors.js';

const documentation = { source: 'lab.yaml', cables: [], devices: [], problems: [] };
const report: CablingReport = {
  documentation: 'routers-10.yaml',
  devices: { total: 2, checked: 1 },
  cables: { documented: 2, verified: 0, unverifiable: 1 },
  unverifiableCables: [{ a: { device: 'R1', interface: 'Gi1' }, b: { device: 'R3', interface: 'Gi1' } }],
  findings: [
    {
      kind: 'swapped',
      ports: [
        { device: 'R1', interface: 'Gi2' },
        { device: 'R1', interface: 'Gi3' },
      ],
      peers: [
        { device: 'R2', interface: 'Gi2' },
        { device: 'R4', interface: 'Gi3' },
      ],
    },
  ],
  unverifiable: [{ device: 'R3', code: 'TIMEOUT', message: 'no answer' }],
  undocumentedDevices: [],
  documentationProblems: [],
  ok: false,
};

function problem(text: string): string {
  try {
    readReportJson(text, 'r.json');
  } catch (error) {
    expect(error).toBeInstanceOf(LabfleetError);
    expect((error as LabfleetError).code).toBe('REPORT_INVALID');
    const d = (error as LabfleetError).diagnostics[0]!;
    return `${d.location!.line}:${d.location!.column} ${d.path} ${d.message}`;
  }
  throw new Error('read without an error');
}

describe('readReportJson', () => {
  it('reads back what renderReport wrote', () => {
    const text = renderReport({ report, timing: { seconds: 1.5, devices: 2 }, documentation }, 'json');
    expect(readReportJson(text, 'r.json')).toEqual({ report, timing: { seconds: 1.5, devices: 2 } });
  });

  const text = renderReport({ report, timing: { seconds: 1.5, devices: 2 }, documentation }, 'json');
  it.each<[string, string, RegExp]>([
    [
      'no format',
      '{"findings": [], "cables": {}}',
      /^1:1 {2}.*from a labfleet before reports were versioned/,
    ],
    ['a list', '[1, 2]', /^1:1 {2}.*this file holds a list of 2 items/],
    [
      'another version',
      text.replace('"version": 1', '"version": 3'),
      /^3:14 version written by labfleet report version 3; this labfleet reads version 1$/,
    ],
    ['a missing field', text.replace(/ {2}"ok": false,\n/, ''), /^1:1 ok missing required key "ok"$/],
    [
      'an unknown field',
      text.replace('"ok": false', '"ok": false, "colour": 1'),
      /colour.*unknown key "colour"; valid keys here: format, version, documentation/,
    ],
    [
      'a bad port',
      text.replace('"interface": "Gi2"', '"interface": 2'),
      /^\d+:\d+ findings\[0\]\.ports\[0\]\.interface expected string, got number 2$/,
    ],
    [
      'a bad kind',
      text.replace('"swapped"', '"crossed"'),
      /^\d+:\d+ findings\[0\]\.kind "crossed" is not valid; valid: missing, unexpected/,
    ],
    [
      'a negative count',
      text.replace('"checked": 1', '"checked": -1'),
      /^\d+:\d+ devices\.checked expected at least 0, got number -1$/,
    ],
  ])('%s', (_name, input, expected) => {
    expect(problem(input)).toMatch(expected);
  });
});

describe('findJsonSyntaxError', () => {
  it.each<[string, string | undefined]>([
    ['{"a": [1, 2, {"b": null}], "c": "\\u00e9\\n"}', undefined],
    ['{"a":}', '1:6 expected a value (object, array, string, number, true, false or null), found "}"'],
    ['{"a":1,}', '1:8 expected a property name in double quotes, found "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', '3:3 expected "," or "}" after a property value, found \'"\''],
    ['{"a": [1 2]}', '1:10 expected "," or "]" after an array element, found "2"'],
    ['{"a": "x', '1:9 expected the closing quote of a string, found the end of the file'],
    ['{"a": 01}', '1:8 expected "," or "}" after a property value, found "1"'],
    ['{} {}', '1:4 expected the end of the file after the value, found "{"'],
    ['"\\x"', '1:3 expected an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), found "x"'],
  ])('%s', (input, expected) => {
    const found = findJsonSyntaxError(input);
    expect(found && `${found.line}:${found.column} ${found.message}`).toBe(expected);
    if (expected) expect(() => JSON.parse(input) as unknown).toThrow();
    else expect(() => JSON.parse(input) as unknown).not.toThrow();
  });
});
