/**
 * /metrics after real SSH and REST traffic, parsed by the Prometheus project's own text parser
 * (python3-prometheus-client): counters and the latency histogram move for the right platform and
 * protocol, the gauges read the fleet at scrape time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAll, DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { FIXTURES } from '../helpers.js';
import { startControlledFleet, type ControlledFleet } from './harness.js';

let fleet: ControlledFleet;

beforeAll(async () => {
  fleet = await startControlledFleet({
    topology: join(FIXTURES, 'lag', 'lab.yaml'),
    restPlain: true,
    netconf: false,
  });
});
afterAll(() => fleet.stop());

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const PARSE = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = []
for family in text_string_to_metric_families(open(sys.argv[1]).read()):
    for s in family.samples:
        out.append({"family": family.name, "type": family.type, "name": s.name, "labels": s.labels, "value": s.value})
print(json.dumps(out))
`;

/** Scrapes /metrics and parses it as Prometheus does. */
async function scrape(): Promise<Array<Sample & { family: string; type: string }>> {
  const answer = await fleet.call('GET', '/metrics');
  expect(answer.status).toBe(200);
  expect(answer.type).toBe('text/plain; version=0.0.4; charset=utf-8');
  const file = join(mkdtempSync(join(tmpdir(), 'labfleet-metrics-')), 'metrics.txt');
  writeFileSync(file, answer.text);
  const json = execFileSync('/usr/bin/python3', ['-c', PARSE, file], { encoding: 'utf8' });
  return JSON.parse(json) as Array<Sample & { family: string; type: string }>;
}

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

const collect = (transport: 'ssh' | 'rest') =>
  collectAll(
    fleet.lab.targets(transport),
    { items: [], raw: ['show version'] },
    {
      ...DEFAULT_COLLECT_OPTIONS,
      transport,
      timeouts: { connectMs: 5000, commandMs: 5000 },
      retries: 0,
    },
  );

describe('/metrics', () => {
  it('sums what devices count by platform and protocol, as Prometheus parses it', async () => {
    const before = await scrape();
    expect(value(before, 'labfleet_devices', { platform: 'juniper_junos', availability: 'up' })).toBe(2);
    expect(value(before, 'labfleet_devices', {})).toBe(6);
    expect(value(before, 'labfleet_logins_total', {})).toBe(0);
    // What the servers report through each device's counters (simulator/device/stats.ts).
    const ios = fleet.lab.fleet.runtime('ios1')!.stats;
    const junos = fleet.lab.fleet.runtime('jx1')!.stats;
    ios.login('ssh');
    ios.session('ssh', 1);
    ios.command('ssh', 0.003);
    ios.command('ssh', 0.3);
    ios.bytes('ssh', 1500);
    ios.authFailure('ssh');
    junos.login('netconf');
    junos.command('netconf', 2.5);
    const samples = await scrape();
    const types = new Map(samples.map((s) => [s.family, s.type]));
    expect(types.get('labfleet_logins')).toBe('counter');
    expect(types.get('labfleet_command_duration_seconds')).toBe('histogram');
    expect(types.get('labfleet_sessions')).toBe('gauge');
    const iosSsh = { platform: 'cisco_ios', protocol: 'ssh' };
    expect(value(samples, 'labfleet_logins_total', iosSsh)).toBe(1);
    expect(value(samples, 'labfleet_auth_failures_total', iosSsh)).toBe(1);
    expect(value(samples, 'labfleet_commands_total', iosSsh)).toBe(2);
    expect(value(samples, 'labfleet_bytes_sent_total', iosSsh)).toBe(1500);
    expect(value(samples, 'labfleet_sessions', iosSsh)).toBe(1);
    expect(value(samples, 'labfleet_command_duration_seconds_bucket', { ...iosSsh, le: '0.005' })).toBe(1);
    expect(value(samples, 'labfleet_command_duration_seconds_bucket', { ...iosSsh, le: '0.5' })).toBe(2);
    expect(value(samples, 'labfleet_command_duration_seconds_sum', iosSsh)).toBeCloseTo(0.303);
    const junosNetconf = { platform: 'juniper_junos', protocol: 'netconf' };
    expect(value(samples, 'labfleet_logins_total', junosNetconf)).toBe(1);
    expect(value(samples, 'labfleet_command_duration_seconds_bucket', { ...junosNetconf, le: '2' })).toBe(0);
    expect(value(samples, 'labfleet_command_duration_seconds_bucket', { ...junosNetconf, le: '5' })).toBe(1);
    expect(value(samples, 'labfleet_logins_total', { platform: 'arista_eos' })).toBe(0);
    ios.session('ssh', -1);
    expect(value(await scrape(), 'labfleet_sessions', {})).toBe(0);
  });

  it('moves with real SSH and REST traffic, per platform and protocol', async () => {
    const logins = (samples: Sample[], labels: Record<string, string>) =>
      value(samples, 'labfleet_logins_total', labels);
    const before = await scrape();
    const ssh = await collect('ssh');
    expect(ssh.every((r) => r.ok)).toBe(true);
    const afterSsh = await scrape();
    for (const platform of ['cisco_ios', 'cisco_nxos', 'arista_eos', 'juniper_junos']) {
      const labels = { platform, protocol: 'ssh' };
      const grew = (name: string) => value(afterSsh, name, labels) - value(before, name, labels);
      const devices = value(afterSsh, 'labfleet_devices', { platform });
      expect(grew('labfleet_logins_total'), platform).toBe(devices);
      expect(grew('labfleet_commands_total'), platform).toBeGreaterThanOrEqual(devices);
      expect(grew('labfleet_command_duration_seconds_count'), platform).toBe(grew('labfleet_commands_total'));
      expect(grew('labfleet_bytes_sent_total'), platform).toBeGreaterThan(100 * devices);
    }
    const rest = await collect('rest');
    const afterRest = await scrape();
    const restOk = rest.filter((r) => r.ok).length;
    expect(restOk).toBeGreaterThan(0);
    expect(
      value(afterRest, 'labfleet_commands_total', { protocol: 'rest' }) -
        value(afterSsh, 'labfleet_commands_total', { protocol: 'rest' }),
    ).toBeGreaterThanOrEqual(restOk);
    // SSH's counters did not move for REST's traffic.
    expect(logins(afterRest, { protocol: 'ssh' })).toBe(logins(afterSsh, { protocol: 'ssh' }));
  });

  it('faults and drift gauges read the fleet at each scrape', async () => {
    const fault = await fleet.call('POST', '/faults', { kind: 'auth-fail', devices: ['ios1', 'nx1'] });
    expect(fault.status).toBe(201);
    await fleet.call('POST', '/faults', { kind: 'down', devices: ['eos1'] });
    await fleet.call('POST', '/drift', { unplug: 'ios1:Gi1/0/1' });
    const samples = await scrape();
    expect(value(samples, 'labfleet_faults_active', { kind: 'auth-fail' })).toBe(2);
    expect(value(samples, 'labfleet_faults_active', { kind: 'down' })).toBe(1);
    expect(value(samples, 'labfleet_devices', { platform: 'arista_eos', availability: 'down' })).toBe(1);
    expect(value(samples, 'labfleet_drift_items', {})).toBe(1);
    await fleet.call('POST', '/reset');
    const reset = await scrape();
    expect(value(reset, 'labfleet_faults_active', {})).toBe(0);
    expect(value(reset, 'labfleet_drift_items', {})).toBe(0);
    expect(value(reset, 'labfleet_devices', { availability: 'up' })).toBe(6);
  });
});
