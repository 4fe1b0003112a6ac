/**
 * A seeded fuzz of topology and drift files: thousands of mutations of valid documents (values of
 * the wrong type or range, keys removed, renamed or added, text truncated or spliced). Whatever
 * the input, validation never throws, and a rejected file carries at least one diagnostic, each
 * with a catalogued code and a file:line:column inside the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../simulator/error-codes.js';
import type { Diagnostic } from '../../simulator/errors.js';
import { createRng, type Rng } from '../../simulator/state/random.js';
import { validateDriftText } from '../../simulator/topology/drift.js';
import { parseTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { FIXTURES } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TOPOLOGY: Json = {
  name: 'fuzz-lab',
  seed: 7,
  defaults: {
    kind: 'cisco_ios',
    domain: 'lab.example.com',
    credentials: { username: 'admin', password: 'admin', secret: 'admin' },
    protocols: { ssh: true, rest: true, cdp: true, lldp: true },
    latency: {
      command: '200ms',
      connect: { uniform: ['2ms', '8ms'] },
      auth: { normal: { mean: '30ms', stddev: '5ms' } },
      output_rate: '1MiB/s',
      commands: { 'show cdp neighbors detail': { lognormal: { median: '300ms', p99: '1.2s' } } },
    },
  },
  kinds: { cisco_nxos: { model: 'N9K-C9336C-FX2' } },
  mgmt: { pool: '127.120.0.0/24' },
  p2p: { pool: '10.0.0.0/8' },
  nodes: {
    leaf1: { model: 'C9300-48P', labels: { rack: '1' } },
    spine1: { kind: 'arista_eos', model: 'DCS-7280SR-48C6', mgmt: '127.120.0.50' },
    nx1: { kind: 'cisco_nxos' },
    j1: { kind: 'juniper_junos', model: 'MX204' },
    r1: {},
  },
  links: [
    { endpoints: ['leaf1:GigabitEthernet1/0/1', 'spine1:Ethernet1'] },
    { endpoints: ['leaf1:Te1/1/1', 'r1:TenGigabitEthernet1/1/1'], labels: { cable: 'c1' } },
    { endpoints: ['nx1:Ethernet1/1', 'spine1:Ethernet2'] },
  ],
};

/** Values of every shape a hand-edited or generated file might hold where another belongs. */
const ODD_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  3_000_000_000,
  0.5,
  '',
  ' ',
  'x'.repeat(300),
  '__proto__',
  'constructor',
  '1e308ms',
  '-5ms',
  '25d',
  'NaN',
  '127.0.0.1',
  '10.0.0.0/33',
  'leaf1:',
  ':Ethernet1',
  'leaf1:NoSuchPort9',
  'cisco_ios',
  '\u0000\u202e',
  [],
  [null],
  {},
  JSON.parse('{"__proto__": 1}') as Json,
  { constructor: {} },
];
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'unknown_key',
  'Leaf1',
  'a'.repeat(64),
];

/** An own, ordinary data property, even for keys like `__proto__`. */
const OWN = { enumerable: true, writable: true, configurable: true };

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Every container (object or array) inside the document, with the document itself. */
function containers(value: Json, out: Array<Json[] | { [key: string]: Json }> = []) {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

/** One random structural change somewhere in the document. */
function mutate(doc: Json, rng: Rng): void {
  const target = rng.pick(containers(doc));
  const keys = Object.keys(target);
  const odd = () => clone(rng.pick(ODD_VALUES));
  const choice = rng.int(0, 4);
  if (Array.isArray(target)) {
    if (choice === 0 && target.length > 0) target.splice(rng.int(0, target.length - 1), 1);
    else if (choice === 1) target.push(odd());
    else if (target.length > 0) target[rng.int(0, target.length - 1)] = odd();
    return;
  }
  if (choice === 0 && keys.length > 0) delete target[rng.pick(keys)];
  else if (choice === 1) Object.defineProperty(target, rng.pick(ODD_KEYS), { value: odd(), ...OWN });
  else if (choice === 2 && keys.length > 0) {
    const key = rng.pick(keys);
    const value = target[key]!;
    delete target[key];
    Object.defineProperty(target, rng.pick(ODD_KEYS), { value, ...OWN });
  } else if (keys.length > 0) target[rng.pick(keys)] = odd();
}

/** Text-level damage: truncation, a spliced duplicate, a stray character. */
function damageText(text: string, rng: Rng): string {
  const at = rng.int(0, text.length);
  switch (rng.int(0, 2)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(rng.int(0, text.length)) + text.slice(at);
    default:
      return (
        text.slice(0, at) +
        rng.pick(['\t', ':', '- ', '{', '"', '&a', '*a', '!!js/function x', '\u0000']) +
        text.slice(at)
      );
  }
}

function render(doc: Json, rng: Rng): string {
  return rng.chance(0.3) ? JSON.stringify(doc) : dump(doc, { lineWidth: -1 });
}

/** A rejected document: each diagnostic is catalogued and points at a line of the file. */
function expectLocated(diagnostics: readonly Diagnostic[], text: string, file: string): void {
  expect(diagnostics.length).toBeGreaterThan(0);
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.location, `${d.code} ${d.path}: ${d.message}`).toBeDefined();
    expect(d.location!.file).toBe(file);
    expect(d.location!.line).toBeGreaterThanOrEqual(1);
    expect(d.location!.line).toBeLessThanOrEqual(lines + 1);
    expect(d.location!.column).toBeGreaterThanOrEqual(1);
  }
}

const CASES = 1500;

describe('seeded fuzz of topology files', () => {
  it('the base document is valid', () => {
    expect(validateTopologyText(dump(TOPOLOGY), 'base.yaml').diagnostics).toEqual([]);
  });

  it(`${CASES} mutated documents: never a throw, every rejection located and catalogued`, () => {
    const rng = createRng(2026, 'fuzz', 'topology');
    let rejected = 0;
    for (let i = 0; i < CASES; i++) {
      const doc = clone(TOPOLOGY);
      for (let n = rng.int(1, 4); n > 0; n--) mutate(doc, rng);
      let text = render(doc, rng);
      if (rng.chance(0.2)) text = damageText(text, rng);
      const file = `case-${i}.yaml`;
      const result = validateTopologyText(text, file);
      if (result.topology) {
        // Accepted: every declared node survived (nothing vanished silently).
        const declared = (doc as { nodes?: unknown }).nodes;
        if (
          declared &&
          typeof declared === 'object' &&
          !Array.isArray(declared) &&
          !text.includes('__proto__')
        )
          expect(result.topology.nodes.length).toBe(Object.keys(declared).length);
        continue;
      }
      rejected++;
      expectLocated(result.diagnostics, text, file);
    }
    // The mutations are meant to break things; most of them must.
    expect(rejected).toBeGreaterThan(CASES / 2);
  });
});

describe('seeded fuzz of drift files', () => {
  const lab = parseTopology(readFileSync(join(FIXTURES, 'drift', 'lab.yaml'), 'utf8'), 'lab.yaml');
  const DRIFT: Json = {
    drift: [
      { swap: ['R1:Gi3', 'R1:Gi4'], note: 'two patch cables exchanged at R1' },
      { unplug: 'R2:GigabitEthernet3' },
      { move: { from: 'R4:Gi3', to: 'R5:Gi5' } },
      { add: ['R5:Gi6', 'sw1:Et2'] },
    ],
  };

  it('the base drift is valid', () => {
    expect(validateDriftText(dump(DRIFT), lab, 'drift.yaml').diagnostics).toEqual([]);
  });

  it(`${CASES} mutated drift files: never a throw, every rejection located and catalogued`, () => {
    const rng = createRng(2026, 'fuzz', 'drift');
    let rejected = 0;
    for (let i = 0; i < CASES; i++) {
      const doc = clone(DRIFT);
      for (let n = rng.int(1, 3); n > 0; n--) mutate(doc, rng);
      let text = render(doc, rng);
      if (rng.chance(0.2)) text = damageText(text, rng);
      const file = `drift-${i}.yaml`;
      const result = validateDriftText(text, lab, file);
      if (result.world) continue;
      rejected++;
      expectLocated(result.diagnostics, text, file);
    }
    expect(rejected).toBeGreaterThan(CASES / 2);
  });
});
