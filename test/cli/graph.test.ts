/**
 * `labfleet graph` as a user runs it: the built binary (`npm run build` first) as a process, each
 * format to stdout or a file, --drift, --report with a report written by a real `check --format json`
 * against a drifted fleet, and the bad input that must end in a located or usage error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { FIXTURES, ROOT } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');
const DRIFT = join(FIXTURES, 'check', 'routers-10-drift.yaml');
const dir = mkdtempSync(join(tmpdir(), 'labfleet-graph-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function labfleet(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? -1) : 0, out, err }),
    );
  });
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('labfleet graph', () => {
  it.each(['svg', 'dot', 'mermaid', 'drawio'])(
    'routers-10 as %s to stdout, the same bytes every time',
    async (format) => {
      const first = await labfleet('graph', 'routers-10', '--format', format);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      for (let i = 1; i <= 10; i++) expect(first.out).toContain(format === 'mermaid' ? `"R${i}"` : `R${i}`);
      expect((await labfleet('graph', 'routers-10', '--format', format)).out).toBe(first.out);
    },
  );

  it('svg is the default format', async () => {
    const { out, code } = await labfleet('graph', 'routers-10');
    expect(code).toBe(0);
    expect(out).toMatch(/^<svg class="lf-topology"/);
    expect(out.match(/class="lf-device /g)?.length).toBe(10);
  });

  it.each(['svg', 'dot', 'mermaid', 'drawio'])('lab-100 as %s to --output', async (format) => {
    const output = join(dir, `lab-100.${format}`);
    const { code, err } = await labfleet('graph', 'lab-100', '--format', format, '--output', output);
    expect(code).toBe(0);
    const text = readFileSync(output, 'utf8');
    const topology = await loadTopology('lab-100');
    for (const node of topology.nodes) expect(text).toContain(node.name);
    // 648 device pairs: more links than Mermaid draws by default, and it says so
    if (format === 'mermaid') expect(err).toMatch(/648 links .*at most 500 links/);
    else expect(err).toBe('');
  });

  it("--drift marks the drifted cables, in their finding kinds' colours", async () => {
    const { out, code } = await labfleet('graph', 'routers-10', '--drift', DRIFT, '--format', 'dot');
    expect(code).toBe(0);
    const red = out.split('\n').filter((l) => l.includes(' -- ') && l.includes('penwidth='));
    // swap (2 documented + 2 found), unplug (1), move (1 + 1), add (1)
    expect(red.length).toBe(8);
    expect(red.filter((l) => l.includes('style=dashed')).length).toBe(4);
    expect(red.filter((l) => l.includes('color="#009E73"')).length).toBe(4); // swapped
    expect(red.filter((l) => l.includes('color="#D55E00"')).length).toBe(1); // missing (unplugged)
  });
});

describe('labfleet graph --report, from a real check of a drifted fleet', () => {
  let fleet: Fleet;
  let report: string;
  beforeAll(async () => {
    const topology = await loadTopology('routers-10');
    const world = parseDrift(readFileSync(DRIFT, 'utf8'), topology);
    fleet = await startFleet({ topology, world, rest: false, sshPort: 0, commandLatencyMs: 0 });
    report = join(dir, 'report.json');
    const check = await labfleet(
      'check',
      'routers-10',
      '--ssh-port',
      String(fleet.sshPort),
      '--format',
      'json',
      '--output',
      report,
      '--no-progress',
    );
    expect(check.code).toBe(1);
  }, 120_000);
  afterAll(() => fleet?.stop());

  it('draws what the check found: the same drawing as --drift predicts', async () => {
    const found = await labfleet('graph', 'routers-10', '--report', report, '--format', 'dot');
    expect(found.err).toBe('');
    expect(found.code).toBe(0);
    const predicted = await labfleet('graph', 'routers-10', '--drift', DRIFT, '--format', 'dot');
    expect(found.out).toBe(predicted.out);
  });

  it('devices the topology does not name are drawn as undocumented, and said so on stderr', async () => {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { undocumentedDevices: string[] };
    json.undocumentedDevices = ['R99'];
    const file = write('foreign.json', JSON.stringify(json, null, 2));
    const { out, err, code } = await labfleet('graph', 'routers-10', '--report', file, '--format', 'mermaid');
    expect(code).toBe(0);
    expect(err).toMatch(/names 1 device\(s\) that .* does not: R99; drawn as undocumented/);
    expect(out).toMatch(/n10\["R99"\]/);
    expect(out).toMatch(/class n10 undocumented/);
  });

  describe('bad input ends in a located error, exit 2', () => {
    const cases: Array<[string, (text: string) => string, RegExp]> = [
      [
        'broken JSON',
        (t) => t.replace('"ok": false', '"ok": fals'),
        /report\.json:\d+:9: not valid JSON: .*found "fals"/,
      ],
      [
        'another version',
        (t) => t.replace('"version": 1', '"version": 2'),
        /:3:14: version: written by labfleet report version 2; this labfleet reads version 1 \[VALUE_INVALID\]/,
      ],
      [
        'another format',
        (t) => t.replace('"labfleet-check-report"', '"labfleet-inventory"'),
        /:2:13: format: .*starts with "format": "labfleet-check-report"; this file says "format": "labfleet-inventory"/,
      ],
      [
        'a bad field',
        (t) => t.replace('"checked": 10', '"checked": "ten"'),
        /:\d+:\d+: devices\.checked: expected number, got "ten" \[TYPE_INVALID\]/,
      ],
      [
        'an unknown finding kind',
        (t) => t.replace('"kind": "swapped"', '"kind": "crossed"'),
        /:\d+:\d+: findings\[0\]\.kind: "crossed" is not valid; valid: missing, unexpected, miswired, moved, swapped, one-sided \[VALUE_INVALID\]/,
      ],
    ];
    it.each(cases)('%s', async (_name, spoil, expected) => {
      const text = readFileSync(report, 'utf8');
      const spoiled = spoil(text);
      expect(spoiled).not.toBe(text);
      const file = write('report.json'.replace('report', `bad-${_name.replace(/\W/g, '-')}-report`), spoiled);
      const { code, err, out } = await labfleet('graph', 'routers-10', '--report', file);
      expect(out).toBe('');
      expect(err).toMatch(/^labfleet: .* \[REPORT_INVALID\]\n/);
      expect(err).toContain(file);
      expect(err).toMatch(expected);
      expect(code).toBe(2);
    });
  });
});

describe('usage errors, exit 2', () => {
  it('--drift and --report together', async () => {
    const { code, err } = await labfleet('graph', 'routers-10', '--drift', DRIFT, '--report', 'r.json');
    expect(err).toMatch(/--drift and --report cannot be combined.*\[USAGE\]/);
    expect(code).toBe(2);
  });

  it('an unknown --format', async () => {
    const { code, err } = await labfleet('graph', 'routers-10', '--format', 'png');
    expect(err).toBe(
      'labfleet: --format "png" is not supported; valid: svg, dot, mermaid, drawio, netbox-csv, containerlab, batfish, anta [USAGE]\n',
    );
    expect(code).toBe(2);
  });

  it('a file that is not a check report says what it looks like', async () => {
    const file = write('topology.json', JSON.stringify({ name: 'x', nodes: {}, links: [] }));
    const { code, err } = await labfleet('graph', 'routers-10', '--report', file);
    expect(err).toContain('it looks like a topology, not a check report');
    expect(code).toBe(2);
  });
});
