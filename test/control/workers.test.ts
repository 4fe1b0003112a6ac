/**
 * The control API over `labfleet up --workers 2` (the built binary), against a single-process
 * fleet of the same topology: the same devices in the same order, the same findings after the
 * same drift, the same devices chosen by a fault's fraction, reset, merged metrics, `ctl`, and a
 * worker killed under it answering 503 rather than crashing `up`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { captureIO, ROOT, waitUntil } from '../helpers.js';

const TOPOLOGY = 'lab-100';

function up(name: string, workers: number) {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-ctl-workers-'));
  const ready = join(dir, 'ready.json');
  const child = spawn(process.execPath, [
    join(ROOT, 'dist', 'client', 'cli', 'main.js'),
    'up',
    TOPOLOGY,
    '--workers',
    String(workers),
    '--name',
    name,
    '--ssh-port',
    '0',
    '--no-rest',
    '--no-netconf',
    '--latency',
    '0ms',
    '--freeze-time',
    '--ready-file',
    ready,
  ]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    name,
    child,
    async ready() {
      await waitUntil(() => existsSync(ready) || child.exitCode !== null, 'the ready file appears', 90_000);
      expect(existsSync(ready), err).toBe(true);
      return (JSON.parse(readFileSync(ready, 'utf8')) as { control_url: string }).control_url;
    },
    out: () => out,
    err: () => err,
    exited,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

type Fleet = ReturnType<typeof up>;

async function call(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // /metrics is text
  }
  return { status: response.status, json, text };
}

/** `check --lab` as JSON, without what differs between two runs (times). */
async function check(lab: string): Promise<unknown> {
  const captured = captureIO();
  const code = await runCli(['check', '--lab', lab, '--format', 'json', '--no-progress'], captured.io);
  expect(code, captured.err).toBeLessThan(2);
  return withoutTimes(JSON.parse(captured.out));
}

function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !/seconds|duration|elapsed|time|perDevice|_at$|At$|^ms$|Ms$/i.test(key))
      .map(([key, v]) => [key, withoutTimes(v)]),
  );
}

/** The sum of a counter's samples in Prometheus text. */
function total(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('the control API over a fleet of two workers', { timeout: 180_000 }, () => {
  let workers: Fleet;
  let single: Fleet;
  let wUrl: string;
  let sUrl: string;

  beforeAll(async () => {
    workers = up('ctl-workers-2', 2);
    single = up('ctl-workers-1', 1);
    [wUrl, sUrl] = await Promise.all([workers.ready(), single.ready()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([workers?.stop(), single?.stop()]);
  }, 60_000);

  it('lists every device in topology order, and one device from the worker serving it', async () => {
    const topology = await loadTopology(TOPOLOGY);
    const listed = (await call(wUrl, 'GET', '/devices')).json.devices as Array<{ name: string }>;
    expect(listed.map((d) => d.name)).toEqual(topology.nodes.map((n) => n.name));
    expect((await call(wUrl, 'GET', '/devices')).json).toEqual((await call(sUrl, 'GET', '/devices')).json);
    const last = topology.nodes.at(-1)!.name;
    expect((await call(wUrl, 'GET', `/devices/${last}`)).json).toMatchObject({ name: last });
    const unknown = await call(wUrl, 'GET', '/devices/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual((await call(sUrl, 'GET', '/devices/nope')).json);
  });

  it('drift across the two workers: the same answers and the same findings as one process', async () => {
    const topology = await loadTopology(TOPOLOGY);
    const half = Math.ceil(topology.nodes.length / 2);
    const index = new Map(topology.nodes.map((n, i) => [n.name, i]));
    const ends = topology.links.flatMap((l) => [l.a, l.b]);
    const first = ends.find((e) => index.get(e.node)! < half)!;
    const second = ends.find((e) => index.get(e.node)! >= half)!;
    const swap = { swap: [`${first.node}:${first.interface}`, `${second.node}:${second.interface}`] };
    const [w, s] = [await call(wUrl, 'POST', '/drift', swap), await call(sUrl, 'POST', '/drift', swap)];
    expect(w.status).toBe(200);
    expect(w.json).toEqual(s.json);
    expect((w.json.affected as string[]).length).toBeGreaterThanOrEqual(2);
    const invalid = { unplug: 'nope:Gi0/1' };
    const [wi, si] = [
      await call(wUrl, 'POST', '/drift', invalid),
      await call(sUrl, 'POST', '/drift', invalid),
    ];
    expect([wi.status, wi.json]).toEqual([si.status, si.json]);
    const [wFindings, sFindings] = [await check(workers.name), await check(single.name)];
    expect(JSON.stringify(wFindings)).toContain(first.node);
    expect(wFindings).toEqual(sFindings);
  });

  it('a fault by fraction holds the same devices; reset restores both fleets alike', async () => {
    const fault = { kind: 'auth-fail', fraction: 0.1 };
    const [w, s] = [await call(wUrl, 'POST', '/faults', fault), await call(sUrl, 'POST', '/faults', fault)];
    expect(w.status).toBe(201);
    expect((w.json.devices as string[]).length).toBe(10);
    expect(w.json.devices).toEqual(s.json.devices);
    const [wList, sList] = [await call(wUrl, 'GET', '/faults'), await call(sUrl, 'GET', '/faults')];
    const strip = (list: unknown) => (list as Array<Record<string, unknown>>).map(({ since: _, ...f }) => f);
    expect(strip(wList.json.faults)).toEqual(strip(sList.json.faults));
    const device = (w.json.devices as string[]).at(-1)!;
    expect((await call(wUrl, 'GET', `/devices/${device}`)).json.faults).toEqual(['auth-fail']);
    const badFlap = { kind: 'flap', devices: [device], port: 'Nope99' };
    const [wf, sf] = [
      await call(wUrl, 'POST', '/faults', badFlap),
      await call(sUrl, 'POST', '/faults', badFlap),
    ];
    expect([wf.status, wf.json]).toEqual([sf.status, sf.json]);
    const [wr, sr] = [await call(wUrl, 'POST', '/reset'), await call(sUrl, 'POST', '/reset')];
    expect(wr.status).toBe(200);
    expect(wr.json).toEqual(sr.json);
    expect(wr.json).toEqual({ drift: [], faults: [] });
    expect(await check(workers.name)).toEqual(await check(single.name));
    const lifted = await call(wUrl, 'DELETE', '/faults/f1');
    expect([lifted.status, lifted.json]).toEqual([404, (await call(sUrl, 'DELETE', '/faults/f1')).json]);
  });

  it('/metrics counts the logins both workers served', async () => {
    const [w, s] = [await call(wUrl, 'GET', '/metrics'), await call(sUrl, 'GET', '/metrics')];
    expect(w.status).toBe(200);
    const logins = total(w.text, 'labfleet_logins_total');
    expect(logins).toBeGreaterThanOrEqual(100);
    expect(logins).toBe(total(s.text, 'labfleet_logins_total'));
    expect(total(w.text, 'labfleet_devices')).toBe(100);
    expect(total(w.text, 'labfleet_drift_items')).toBe(0);
  });

  it('labfleet ctl steers it', async () => {
    const topology = await loadTopology(TOPOLOGY);
    const last = topology.nodes.at(-1)!.name;
    const down = captureIO();
    expect(
      await runCli(['ctl', 'fault', 'down', '--device', last, '--control', wUrl], down.io),
      down.err,
    ).toBe(0);
    const status = captureIO();
    expect(await runCli(['ctl', 'status', '--json', '--control', wUrl], status.io), status.err).toBe(0);
    const devices = (JSON.parse(status.out) as { devices: Array<{ name: string; availability: string }> })
      .devices;
    expect(devices).toHaveLength(100);
    expect(devices.find((d) => d.name === last)?.availability).toBe('down');
    const reset = captureIO();
    expect(await runCli(['ctl', 'reset', '--control', wUrl], reset.io), reset.err).toBe(0);
    expect((await call(wUrl, 'GET', `/devices/${last}`)).json.availability).toBe('up');
  });

  it('a worker killed under it: 503 for what needs it, the rest answers, up says so', async () => {
    const topology = await loadTopology(TOPOLOGY);
    const pids = execFileSync('pgrep', ['-P', String(workers.child.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    expect(pids).toHaveLength(2);
    process.kill(pids[1]!, 'SIGKILL');
    await waitUntil(() => workers.err().includes('ended (SIGKILL)'), 'up reports the worker', 20_000);
    expect(workers.err()).toMatch(
      /worker 2 of 2 \(pid \d+\) ended \(SIGKILL\); its devices no longer answer/,
    );
    const all = await call(wUrl, 'GET', '/devices');
    expect([all.status, all.json.code]).toEqual([503, 'CONTROL_FAILED']);
    expect((await call(wUrl, 'GET', `/devices/${topology.nodes.at(-1)!.name}`)).status).toBe(503);
    expect((await call(wUrl, 'GET', `/devices/${topology.nodes[0]!.name}`)).status).toBe(200);
    const change = await call(wUrl, 'POST', '/faults', { kind: 'down', fraction: 0.5 });
    expect([change.status, change.json.code]).toEqual([503, 'CONTROL_FAILED']);
    expect((await call(wUrl, 'GET', '/health')).status).toBe(200);
    // A readiness probe takes the fleet out of use, and says why.
    const ready = await call(wUrl, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.json.message).toBe(
      `worker 2 of 2 ended: 50 device(s) no longer answer (${topology.nodes[50]!.name} …); restart the fleet`,
    );
    expect(workers.child.exitCode).toBeNull();
  });
});
