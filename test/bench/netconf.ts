/**
 * NETCONF benchmarks: what a NETCONF session costs to set up (TCP, SSH, auth, the `netconf`
 * subsystem and both hellos), how many a client gets through, how long one `<get>` takes, and
 * whether the configured latency is what a NETCONF client measures. The fleet (a ring of CSR
 * routers, IOS-XE's NETCONF-YANG) runs in a child process; this process is an ssh2 client that
 * speaks base:1.0 (end-of-message framing) to each device's NETCONF port. Every loop is bounded.
 */
import { performance } from 'node:perf_hooks';
import ssh2 from 'ssh2';
import type { ClientChannel } from 'ssh2';
import {
  cpuSeconds,
  loginAndCommand,
  percentile,
  startFleetProcess,
  type Row,
  type RunningFleet,
} from './fleet.js';

const PORT = 26_600;
const EOM = ']]>]]>';
const HELLO = `<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>${EOM}`;
const CDP_GET = (id: number) =>
  `<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="${id}"><get><filter type="subtree"><cdp-neighbor-details xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper"/></filter></get></rpc>${EOM}`;
const TIMEOUT_MS = 20_000;

const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Target {
  host: string;
  port: number;
}

/** Where a device serves NETCONF: its NETCONF port, or the SSH port's subsystem. */
const targetOf = (d: RunningFleet['devices'][number]): Target => ({
  host: d.host,
  port: (d as { netconf_port?: number }).netconf_port ?? d.port,
});

/** An open NETCONF session: `rpc()` sends one message and resolves with the reply's ms. */
interface Session {
  rpc(message: string): Promise<number>;
  close(): void;
}

/** Reads framed messages off the channel, one waiter at a time. */
function reader(channel: ClientChannel) {
  let buffer = '';
  let waiting: ((message: string) => void) | undefined;
  channel.on('data', (data: Buffer) => {
    buffer += data.toString('utf8');
    const at = buffer.indexOf(EOM);
    if (at >= 0 && waiting) {
      const message = buffer.slice(0, at);
      buffer = buffer.slice(at + EOM.length);
      const done = waiting;
      waiting = undefined;
      done(message);
    }
  });
  return () =>
    new Promise<string>((resolve) => {
      const at = buffer.indexOf(EOM);
      if (at >= 0) {
        const message = buffer.slice(0, at);
        buffer = buffer.slice(at + EOM.length);
        resolve(message);
      } else waiting = resolve;
    });
}

/** Connects, logs in, opens the subsystem and exchanges hellos. */
function openSession(target: Target): Promise<Session> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    const timer = setTimeout(() => {
      client.destroy();
      reject(new Error(`timeout opening NETCONF on ${target.host}:${target.port}`));
    }, TIMEOUT_MS);
    client.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    client.on('ready', () => {
      client.subsys('netconf', (error, channel) => {
        if (error) {
          clearTimeout(timer);
          client.end();
          return reject(error);
        }
        const next = reader(channel);
        void next().then(() => {
          channel.write(HELLO);
          clearTimeout(timer);
          resolve({
            async rpc(message) {
              const started = performance.now();
              channel.write(message);
              const reply = await next();
              if (!reply.includes('<data')) throw new Error(`unexpected reply: ${reply.slice(0, 200)}`);
              return performance.now() - started;
            },
            close: () => client.end(),
          });
        });
      });
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: 'admin',
      password: 'admin',
      readyTimeout: TIMEOUT_MS,
    });
    client.setNoDelay(true);
  });
}

export async function benchNetconf(): Promise<Row[]> {
  const rows: Row[] = [];
  const fleet = await startFleetProcess(1000, PORT, '0ms', ['--no-rest', '--netconf-port', String(PORT + 1)]);
  const targets = fleet.devices.map(targetOf);
  rows.push(...(await setup(fleet, targets)));
  rows.push(...(await rpcs(fleet, targets)));
  await fleet.stop();
  rows.push(...(await latency(200)));
  return rows;
}

/** Session setup one at a time, then sessions/s with 50 in flight. */
async function setup(fleet: RunningFleet, targets: readonly Target[]): Promise<Row[]> {
  const sequential: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const session = await openSession(targets[i % targets.length]!);
    sequential.push(performance.now() - started);
    session.close();
  }
  const pid = fleet.child.pid!;
  const total = 2000;
  let next = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < total) {
        const session = await openSession(targets[next++ % targets.length]!);
        session.close();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = ((cpuSeconds(pid) - cpuBefore) / total) * 1000;
  // The same loop with an SSH exec of `show clock` instead: what the SSH login alone costs here.
  const ssh = fleet.devices.map((d) => ({ host: d.host, port: d.port }));
  let login = 0;
  const sshCpuBefore = cpuSeconds(pid);
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (login < total) await loginAndCommand(ssh[login++ % ssh.length]!);
    }),
  );
  const sshCpu = ((cpuSeconds(pid) - sshCpuBefore) / total) * 1000;
  return [
    {
      what: 'NETCONF session setup (TCP, SSH login, subsystem, hellos) at 0 ms, one at a time: p50 / p99',
      value: `${ms(percentile(sequential, 50))} / ${ms(percentile(sequential, 99))}`,
    },
    {
      what: 'NETCONF sessions/s at concurrency 50 (client and server share the 2 cores)',
      value: `${(total / seconds).toFixed(0)}/s`,
    },
    {
      what: 'server CPU per NETCONF session / per SSH login + exec in the same loop',
      value: `${ms(cpu)} / ${ms(sshCpu)}`,
    },
  ];
}

/** `<get>` of the CDP neighbours over open sessions. */
async function rpcs(fleet: RunningFleet, targets: readonly Target[]): Promise<Row[]> {
  const sessions = await Promise.all(targets.slice(0, 100).map(openSession));
  let id = 0;
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) samples.push(await sessions[i % sessions.length]!.rpc(CDP_GET(++id)));
  const pid = fleet.child.pid!;
  const total = 5000;
  let sent = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    sessions.map(async (s) => {
      while (sent < total) {
        sent++;
        await s.rpc(CDP_GET(++id));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = ((cpuSeconds(pid) - cpuBefore) / total) * 1000;
  for (const s of sessions) s.close();
  return [
    {
      what: '<get> of the CDP neighbours (subtree filter) at 0 ms, one at a time: p50 / p99',
      value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`,
    },
    {
      what: 'NETCONF RPCs/s, 100 open sessions, one RPC in flight each',
      value: `${(total / seconds).toFixed(0)}/s`,
    },
    { what: 'server CPU per NETCONF <get>', value: ms(cpu) },
  ];
}

/** Configured latency over NETCONF: one session alone, then 100 devices at once. */
async function latency(latencyMs: number): Promise<Row[]> {
  const fleet = await startFleetProcess(100, PORT, `${latencyMs}ms`, [
    '--no-rest',
    '--netconf-port',
    String(PORT + 1),
  ]);
  const sessions = await Promise.all(fleet.devices.map(targetOf).map(openSession));
  let id = 0;
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) alone.push(await sessions[0]!.rpc(CDP_GET(++id)));
  const together: number[] = [];
  for (let round = 0; round < 5; round++)
    together.push(...(await Promise.all(sessions.map((s) => s.rpc(CDP_GET(++id))))));
  for (const s of sessions) s.close();
  await fleet.stop();
  return [
    {
      what: `NETCONF <get> at ${latencyMs} ms configured, one session: p50 / p99`,
      value: `${ms(percentile(alone, 50))} / ${ms(percentile(alone, 99))}`,
    },
    {
      what: 'the same, 100 sessions on 100 devices at once: p50 / p99',
      value: `${ms(percentile(together, 50))} / ${ms(percentile(together, 99))}`,
    },
  ];
}
