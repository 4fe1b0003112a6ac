/**
 * Fleet benchmarks: the built `labfleet up` runs in a child process (so its RSS and CPU are its
 * own); this process is the ssh2 client. Every loop is bounded in count and time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'ssh2';
import { generateRing, renderTopologyYaml } from '../../simulator/generate/index.js';

const BIN = join(import.meta.dirname, '..', '..', 'client', 'cli', 'main.js');
const CLK_TCK = 100;

export interface Row {
  what: string;
  value: string;
}

export interface RunningFleet {
  child: ChildProcess;
  startupSeconds: number;
  readySeconds: number;
  devices: Array<{ host: string; port: number; rest_url?: string }>;
  stop(): Promise<void>;
}

/** Starts `labfleet up` on a ring of `nodes` routers, or on a topology file, and waits until it is ready. */
export async function startFleetProcess(
  nodes: number | string,
  port: number,
  latency: string,
  /**
   * Further `up` options; `--no-rest` unless REST is what is measured, and `--no-netconf` always:
   * a NETCONF port is one more listener (one more descriptor) per device.
   */
  extra: readonly string[] = ['--no-rest', '--no-netconf'],
  readyWithinMs = 60_000,
): Promise<RunningFleet> {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-bench-'));
  const topology = typeof nodes === 'string' ? nodes : join(dir, `ring-${nodes}.yaml`);
  if (typeof nodes === 'number')
    writeFileSync(topology, renderTopologyYaml(generateRing({ nodes, mgmtPool: '127.120.0.0/16' })));
  // 10,000 listeners need 10,000 file descriptors: the bench expects `ulimit -n` of at least 20000.
  const ready = join(dir, 'ready.json');
  const inventory = join(dir, 'inventory.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      BIN,
      'up',
      topology,
      '--ssh-port',
      String(port),
      '--latency',
      latency,
      '--ready-file',
      ready,
      '--inventory',
      inventory,
      // Its figures are the fleet's own; the control API's start-up is measured apart (README).
      '--no-control',
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + readyWithinMs;
  while (!existsSync(ready)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('fleet did not become ready');
    await sleep(5);
  }
  const readySeconds = (performance.now() - started) / 1000;
  const { startupSeconds } = JSON.parse(readFileSync(ready, 'utf8')) as { startupSeconds: number };
  const { devices } = JSON.parse(readFileSync(inventory, 'utf8')) as { devices: RunningFleet['devices'] };
  return {
    child,
    startupSeconds,
    readySeconds,
    devices,
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** One login, one command over an exec channel, disconnect; resolves with the elapsed ms. */
export function loginAndCommand(
  target: { host: string; port: number },
  command = 'show clock',
  auth: { username: string; password?: string; privateKey?: string } = {
    username: 'admin',
    password: 'admin',
  },
  timeoutMs = 15_000,
): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const client = new Client();
    const timer = setTimeout(() => {
      client.destroy();
      reject(new Error('timeout'));
    }, timeoutMs);
    client.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    client.on('ready', () =>
      client.exec(command, (error, channel) => {
        if (error) return reject(error);
        channel.resume();
        channel.on('close', () => {
          const elapsed = performance.now() - started;
          client.end();
          clearTimeout(timer);
          resolve(elapsed);
        });
      }),
    );
    client.connect({ ...target, ...auth, readyTimeout: timeoutMs });
    client.setNoDelay(true);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export async function benchFleet(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const nodes of [100, 1000, 10_000]) {
    const fleet = await startFleetProcess(nodes, 26_000, '0ms');
    const pid = fleet.child.pid!;
    rows.push({
      what: `${nodes.toLocaleString('en')} devices: start (in process / spawn to ready file)`,
      value: `${fleet.startupSeconds.toFixed(2)} s / ${fleet.readySeconds.toFixed(2)} s`,
    });
    rows.push({
      what: `${nodes.toLocaleString('en')} devices: RSS when ready`,
      value: `${rssMiB(pid).toFixed(0)} MiB`,
    });
    if (nodes === 1000) {
      for (let i = 0; i < fleet.devices.length; i += 50)
        await Promise.all(fleet.devices.slice(i, i + 50).map((device) => loginAndCommand(device)));
      rows.push({
        what: '1,000 devices: RSS after one login to every device',
        value: `${rssMiB(pid).toFixed(0)} MiB`,
      });
      rows.push(...(await latencyAndThroughput(fleet, pid)));
    }
    await fleet.stop();
  }
  rows.push(...(await commandLatency(200)));
  return rows;
}

async function latencyAndThroughput(fleet: RunningFleet, pid: number): Promise<Row[]> {
  const samples: number[] = [];
  for (let i = 0; i < 300; i++)
    samples.push(await loginAndCommand(fleet.devices[(i * 37) % fleet.devices.length]!));
  const total = 3000;
  const concurrency = 50;
  let next = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await loginAndCommand(fleet.devices[next++ % fleet.devices.length]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuPerLogin = ((cpuSeconds(pid) - cpuBefore) / total) * 1000;
  return [
    {
      what: 'login + `show clock` + disconnect at 0 ms configured, sequential: p50 / p99',
      value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`,
    },
    {
      what: `logins/s at concurrency ${concurrency} (client and server share the 2 cores)`,
      value: `${(total / seconds).toFixed(0)}/s`,
    },
    { what: 'server CPU per login (+ command)', value: ms(cpuPerLogin) },
  ];
}

/**
 * Shell command round trips when `latencyMs` is configured: one session alone, then 100 sessions
 * (one per device) firing together. What the client measures must be the configured latency.
 */
async function commandLatency(latencyMs: number): Promise<Row[]> {
  const fleet = await startFleetProcess(100, 26_000, `${latencyMs}ms`);
  const shells = await Promise.all(fleet.devices.map(openShell));
  const alone: number[] = [];
  for (let i = 0; i < 50; i++) alone.push(await shells[0]!.roundTrip('show clock'));
  const together: number[] = [];
  for (let round = 0; round < 5; round++)
    together.push(...(await Promise.all(shells.map((sh) => sh.roundTrip('show clock')))));
  for (const sh of shells) sh.close();
  await fleet.stop();
  return [
    {
      what: `shell command round trip at ${latencyMs} ms configured, one session: p50 / p99`,
      value: `${ms(percentile(alone, 50))} / ${ms(percentile(alone, 99))}`,
    },
    {
      what: `the same, 100 sessions on 100 devices at once: p50 / p99`,
      value: `${ms(percentile(together, 50))} / ${ms(percentile(together, 99))}`,
    },
  ];
}

interface TimedShell {
  roundTrip(command: string): Promise<number>;
  close(): void;
}

async function openShell(target: { host: string; port: number }): Promise<TimedShell> {
  const client = new Client();
  await new Promise<void>((resolve, reject) => {
    client.once('ready', resolve).on('error', reject);
    client.connect({ ...target, username: 'admin', password: 'admin' });
    client.setNoDelay(true);
  });
  const channel = await new Promise<import('ssh2').ClientChannel>((resolve, reject) =>
    client.shell((error, ch) => (error ? reject(error) : resolve(ch))),
  );
  let buffer = '';
  let onPrompt: (() => void) | undefined;
  channel.on('data', (d: Buffer) => {
    buffer += d.toString();
    if (buffer.endsWith('>')) {
      buffer = '';
      onPrompt?.();
    }
  });
  await new Promise<void>((resolve) => (onPrompt = resolve));
  return {
    roundTrip(command) {
      const sent = performance.now();
      return new Promise((resolve) => {
        onPrompt = () => resolve(performance.now() - sent);
        channel.write(`${command}\r`);
      });
    },
    close: () => client.end(),
  };
}
