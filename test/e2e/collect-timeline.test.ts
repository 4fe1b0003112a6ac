/**
 * Collection timelines against a real fleet with a per-command latency, over SSH, REST and
 * NETCONF: each device's spans in order and apart, its commands labelled as sent and no shorter
 * than the latency, a refused login ending in a failed auth span, a retry's back-off shown, and
 * concurrent devices' spans overlapping.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectAll, collectDevice, type CollectOptions, type DeviceResult } from '../../client/collect.js';
import { driverFor } from '../../client/drivers/index.js';
import { restDriverFor } from '../../client/drivers/rest/index.js';
import type { Transport } from '../../client/readers/types.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { SPAN_PHASES, type TimelineSpan } from '../../client/timeline.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { closedPort } from '../helpers.js';

const LATENCY_MS = 50;
const TOPOLOGY = `
name: timeline
seed: 13
defaults: { protocols: { cdp: true, lldp: true } }
mgmt: { pool: 127.113.13.0/24 }
nodes:
  C1: { kind: cisco_ios, model: CSR1000V }
  C2: { kind: cisco_ios, model: CSR1000V }
  N1: { kind: cisco_nxos }
  E1: { kind: arista_eos }
  J1: { kind: juniper_junos }
links:
  - endpoints: ["C1:GigabitEthernet2", "C2:GigabitEthernet2"]
  - endpoints: ["C1:GigabitEthernet3", "N1:Ethernet1/1"]
  - endpoints: ["C2:GigabitEthernet3", "E1:Ethernet1"]
  - endpoints: ["N1:Ethernet1/2", "J1:ge-0/0/0"]
`;

let lab: TestFleet;
beforeAll(async () => {
  lab = await startTestFleet({ topology: parseTopology(TOPOLOGY), commandLatencyMs: LATENCY_MS });
});
afterEach(async () => {
  await lab.fleet.control.clearFaults();
});
afterAll(() => lab?.stop());

const options = (transport: Transport, retries = 0): CollectOptions => ({
  timeouts: { connectMs: 10_000, commandMs: 10_000 },
  retries,
  concurrency: 10,
  transport,
});

/** Spans in order, none starting before the previous ended, every phase known. */
function expectOrdered(spans: readonly TimelineSpan[]): void {
  expect(spans.length).toBeGreaterThan(0);
  for (const [i, span] of spans.entries()) {
    expect(SPAN_PHASES).toContain(span.phase);
    expect(span.endMs).toBeGreaterThanOrEqual(span.startMs);
    if (i > 0) expect(span.startMs).toBeGreaterThanOrEqual(spans[i - 1]!.endMs);
  }
}

const commands = (result: DeviceResult) => result.timeline.filter((s) => s.phase === 'command');
const phases = (result: DeviceResult) => [...new Set(result.timeline.map((s) => s.phase))];

describe('collection timelines', () => {
  it('SSH: connect, auth, shell with paging off, then each command the driver sent, no shorter than the latency', async () => {
    const results = await collectAll(lab.targets('ssh'), { items: ['neighbors'] }, options('ssh'));
    for (const result of results) {
      expect(result.status).toBe('ok');
      expectOrdered(result.timeline);
      expect(phases(result)).toEqual(['connect', 'auth', 'shell', 'command']);
      const driver = driverFor(result.platform)!;
      expect(result.timeline.filter((s) => s.phase === 'shell').map((s) => s.label)).toEqual([
        'shell',
        ...driver.onOpen,
      ]);
      expect(commands(result).map((s) => s.label)).toEqual(driver.neighbors.map((c) => c.command));
      for (const span of commands(result))
        expect(span.endMs - span.startMs).toBeGreaterThanOrEqual(LATENCY_MS);
      expect(result.timeline.some((s) => s.failed)).toBe(false);
    }
  });

  it('REST: a connect span for the new connection, then each request (METHOD path, and the command an API wraps)', async () => {
    const results = await collectAll(lab.targets('rest'), { items: ['neighbors'] }, options('rest'));
    for (const result of results) {
      expect(result.status).toBe('ok');
      expectOrdered(result.timeline);
      expect(phases(result)).toEqual(['connect', 'command']);
      expect(result.timeline.filter((s) => s.phase === 'connect')).toHaveLength(1);
      const driver = restDriverFor(result.platform);
      expect(commands(result).map((s) => s.label)).toEqual(
        driver.neighbors.map((c) => c.request.label ?? `${c.request.method} ${c.request.path}`),
      );
      for (const span of commands(result))
        if (span.label.startsWith('POST'))
          expect(span.label).toMatch(/^POST \/\S+ \(show (cdp|lldp) neighbors detail\)$/);
      for (const span of commands(result))
        expect(span.endMs - span.startMs).toBeGreaterThanOrEqual(LATENCY_MS);
    }
  });

  it('NETCONF: login, the hello exchange, then each RPC by its operation name and protocol', async () => {
    const results = await collectAll(lab.targets('netconf'), { items: ['neighbors'] }, options('netconf'));
    for (const result of results.filter((r) => r.status === 'ok')) {
      expectOrdered(result.timeline);
      expect(phases(result)).toEqual(['connect', 'auth', 'shell', 'command']);
      expect(result.timeline.find((s) => s.phase === 'shell')!.label).toBe('hello');
      for (const span of commands(result)) expect(span.label).toMatch(/^[\w-]+ \((CDP|LLDP)\)$/);
    }
    expect(results.find((r) => r.device === 'J1')!.timeline.map((s) => s.label)).toContain(
      'get-lldp-neighbors-information (LLDP)',
    );
  });

  it('a refused login ends with a failed auth span', async () => {
    await lab.fleet.control.addFault({ kind: 'auth-fail', devices: ['C2'] });
    const [result] = await collectAll(
      lab.targets('ssh').filter((t) => t.name === 'C2'),
      { items: ['neighbors'] },
      options('ssh', 2),
    );
    expect(result!.error?.code).toBe('AUTH_FAILED');
    expectOrdered(result!.timeline);
    expect(result!.timeline.map((s) => [s.phase, s.failed ?? false])).toEqual([
      ['connect', false],
      ['auth', true],
    ]);
  });

  it('a connection failure is retried: failed connect spans with a retry-wait between them', async () => {
    const [target] = lab.targets('ssh');
    const result = await collectDevice(
      { ...target!, port: await closedPort() },
      { items: ['neighbors'] },
      options('ssh', 1),
    );
    expect(result.error?.code).toBe('CONNECT_REFUSED');
    expectOrdered(result.timeline);
    expect(result.timeline.map((s) => [s.phase, s.failed ?? false])).toEqual([
      ['connect', true],
      ['retry-wait', false],
      ['connect', true],
    ]);
  });

  it('devices collected concurrently overlap in time on one axis', async () => {
    const results = await collectAll(lab.targets('ssh'), { items: ['neighbors'] }, options('ssh'));
    const ends = results.map((r) => [r.timeline[0]!.startMs, r.timeline.at(-1)!.endMs] as const);
    const latestStart = Math.max(...ends.map(([start]) => start));
    const earliestEnd = Math.min(...ends.map(([, end]) => end));
    expect(latestStart).toBeLessThan(earliestEnd);
  });
});
