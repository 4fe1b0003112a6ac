/**
 * Nothing vanishes or shrinks silently: durations longer than a timer holds, negative or not
 * finite are located errors (topology, CLI flags, library options); node names are hostnames and
 * never a name every JavaScript object already has; `__proto__` is refused as any key.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { collectAll, DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { LabfleetError } from '../../simulator/errors.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { createLatencySampler } from '../../simulator/latency/sampler.js';
import { checkDuration, MAX_TIMER_MS } from '../../simulator/topology/duration.js';
import { parseTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { validateDriftText } from '../../simulator/topology/drift.js';
import { captureIO } from '../helpers.js';

const diagnostics = (text: string) =>
  validateTopologyText(text, 't.yaml').diagnostics.map((d) => ({
    code: d.code,
    path: d.path,
    at: `${d.location?.line}:${d.location?.column}`,
    message: d.message,
  }));

describe('durations', () => {
  it.each([
    ['1e308', /1e\+308 is longer than the maximum duration, 2147483647 ms \(about 24\.8 days\)/],
    ['"3000000000"', /"3000000000" is longer than the maximum duration, 2147483647 ms/],
    ['"25000000s"', /longer than the maximum duration/],
    ['"36000m"', /longer than the maximum duration/],
    ['-5', /-5 is negative; a duration is 0 or more/],
    ['.inf', /Infinity/],
    ['.nan', /NaN/],
  ])('latency %s is a located DURATION_INVALID', (value, message) => {
    const found = diagnostics(`name: t\nnodes:\n  r1: { latency: { command: ${value} } }\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'DURATION_INVALID',
      path: 'nodes.r1.latency.command',
      at: '3:29',
    });
    expect(found[0]!.message).toMatch(message);
  });

  it('checks every distribution field and per-command latency', () => {
    const found = diagnostics(
      [
        'name: t',
        'defaults:',
        '  latency: { connect: { uniform: [0, 3000000000] }, commands: { "show version": { lognormal: { median: 1s, p99: 2147483648 } } } }',
        'nodes:',
        '  r1: {}',
        '',
      ].join('\n'),
    );
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ['DURATION_INVALID', 'defaults.latency.connect.uniform[1]'],
      ['DURATION_INVALID', 'defaults.latency.commands.show version.lognormal.p99'],
    ]);
  });

  it('accepts the maximum itself', () => {
    const topology = parseTopology(`name: t\nnodes:\n  r1: { latency: { command: ${MAX_TIMER_MS} } }\n`);
    expect(topology.nodes[0]!.latency.command).toEqual({ type: 'fixed', ms: MAX_TIMER_MS });
    expect(checkDuration('35791m')).toEqual({ ms: 35791 * 60_000 });
    expect(checkDuration('35792m')).toHaveProperty('error');
  });

  it.each([
    [
      ['up', 'routers-10', '--latency', '3000000000'],
      /--latency "3000000000" is longer than the maximum duration, 2147483647 ms/,
    ],
    [['up', 'routers-10', '--latency', '-1ms'], /--latency "-1ms" is negative/],
    [['demo', '--latency', '40000m'], /--latency "40000m" is longer than the maximum duration/],
    [
      ['check', 'routers-10', '--timeout', '3000000000'],
      /--timeout "3000000000" is longer than the maximum duration, 2147483647 ms/,
    ],
    [['check', 'routers-10', '--timeout', '0'], /--timeout must be at least 1 ms/],
    [['collect', 'arp', 'routers-10', '--timeout', 'NaN'], /--timeout "NaN" is not a duration/],
    [['collect', 'arp', 'routers-10', '--timeout', 'Infinity'], /--timeout "Infinity" is not a duration/],
    [
      ['generate', 'ring', '--nodes', '3', '--latency', '9999999999'],
      /--latency "9999999999" is longer than the maximum/,
    ],
  ])('%j exits 2 naming the flag and the limit', async (argv, message) => {
    const captured = captureIO();
    expect(await runCli(argv, captured.io)).toBe(2);
    expect(captured.err).toMatch(message);
  });

  it.each([NaN, Infinity, -1, MAX_TIMER_MS + 1])('startFleet refuses commandLatencyMs %s', async (ms) => {
    const topology = parseTopology('name: t\nnodes:\n  r1: {}\n');
    const error = await startFleet({ topology, commandLatencyMs: ms, sshPort: 0, restPort: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabfleetError);
    expect((error as LabfleetError).code).toBe('USAGE');
    expect((error as LabfleetError).message).toMatch(/^commandLatencyMs /);
  });
  it.each([
    [{ timeouts: { connectMs: 3_000_000_000, commandMs: 1000 } }, /^timeouts\.connectMs .*maximum duration/],
    [{ timeouts: { connectMs: 1000, commandMs: NaN } }, /^timeouts\.commandMs NaN is not a finite duration/],
    [{ timeouts: { connectMs: 0, commandMs: 1000 } }, /^timeouts\.connectMs 0 is too short/],
    [{ concurrency: 0 }, /^concurrency 0 is not a whole number of 1 or more/],
    [{ retries: -1 }, /^retries -1 /],
  ])('collectAll refuses %j before connecting anywhere', async (override, message) => {
    const error = await collectAll(
      [],
      { items: ['version'] },
      { ...DEFAULT_COLLECT_OPTIONS, ...override },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LabfleetError);
    expect((error as LabfleetError).code).toBe('USAGE');
    expect((error as LabfleetError).message).toMatch(message);
  });
});

describe('node names and reserved keys', () => {
  it('__proto__ among three declared nodes is an error, not "valid: 2 devices"', () => {
    const result = validateTopologyText('name: t\nnodes:\n  a: {}\n  __proto__: {}\n  b: {}\n', 't.yaml');
    expect(result.topology).toBeUndefined();
    expect(diagnostics('name: t\nnodes:\n  a: {}\n  __proto__: {}\n  b: {}\n')).toEqual([
      expect.objectContaining({ code: 'KEY_RESERVED', path: 'nodes.__proto__', at: '4:3' }),
    ]);
  });

  it('__proto__ is refused in labels, commands and drift files too', () => {
    expect(
      diagnostics('name: t\nnodes:\n  a: { labels: { __proto__: x }, commands: { __proto__: "y" } }\n').map(
        (d) => [d.code, d.path],
      ),
    ).toEqual([
      ['KEY_RESERVED', 'nodes.a.labels.__proto__'],
      ['KEY_RESERVED', 'nodes.a.commands.__proto__'],
    ]);
    const topology = parseTopology('name: t\nnodes:\n  a: {}\n');
    const drift = validateDriftText('drift:\n  - { __proto__: x }\n', topology, 'd.yaml');
    expect(drift.diagnostics.map((d) => d.code)).toEqual(['KEY_RESERVED']);
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'node name %s is NAME_INVALID',
    (name) => {
      expect(diagnostics(`name: t\nnodes:\n  ${name}: {}\n`)).toEqual([
        expect.objectContaining({ code: 'NAME_INVALID', path: `nodes.${name}`, at: '3:3' }),
      ]);
    },
  );

  it.each(['r_1', '1r', 'r-', '-r', 'r.lab', 'r'.repeat(64)])('node name %s is not a hostname', (name) => {
    expect(diagnostics(`name: t\nnodes:\n  ${name}: {}\n`).map((d) => d.code)).toEqual(['NAME_INVALID']);
  });

  it.each(['r', 'R1', 'leaf-01', 'Constructor', 'a'.repeat(63)])('node name %s is a hostname', (name) => {
    expect(diagnostics(`name: t\nnodes:\n  ${name}: {}\n`)).toEqual([]);
  });

  it('labels and per-command latency answer only what the file wrote', () => {
    const topology = parseTopology(
      'name: t\nnodes:\n  a: { labels: { constructor: x }, latency: { command: 5ms, commands: { "show version": 7ms } } }\n',
    );
    const node = topology.nodes[0]!;
    expect(node.labels.constructor).toBe('x');
    expect('toString' in node.labels).toBe(false);
    const sampler = createLatencySampler(node.latency, 1, 'a');
    expect(sampler.command('show version')).toBe(7);
    expect(sampler.command('constructor')).toBe(5);
    expect(sampler.command('toString')).toBe(5);
  });
});
