/**
 * Reliability: what hostile or careless clients cost the built `labfleet up` (a child process, so
 * its RSS is its own), and what the fleet still does meanwhile. Every loop is bounded in count
 * and time; only 127.0.0.0/8 is a target.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import { Client } from 'ssh2';
import { connect, shell, type Shell } from '../e2e/ssh.js';
import {
  loginAndCommand,
  percentile,
  rssMiB,
  sleep,
  startFleetProcess,
  type RunningFleet,
  type Row,
} from './fleet.js';

const SSH_PORT = 26_000;
const REST_PORT = 26_001;

/** R1 takes the hostile clients, R2 the round trips measured meanwhile, R3 the login limits. */
const TOPOLOGY = `
name: reliability
mgmt: { pool: 127.121.0.0/24 }
nodes:
  R1: { kind: cisco_ios, model: C9300-48P, protocols: { rest: false } }
  R2: { kind: cisco_ios, model: C9300-48P, protocols: { rest: false } }
  R3: { kind: cisco_ios, model: C9300-48P, protocols: { rest: false } }
  E1: { kind: arista_eos, model: DCS-7050SX3-48YC8, protocols: { rest: true } }
`;

const mib = (v: number) => `${v.toFixed(0)}`;
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

function topologyFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'labfleet-reliability-')), 'reliability.yaml');
  writeFileSync(file, TOPOLOGY);
  return file;
}

const target = (fleet: RunningFleet, index: number) => {
  const device = fleet.devices[index]!;
  return { host: device.host, port: device.port };
};

/** Samples the child's RSS every `everyMs` until stopped; `peak` is the largest sample. */
function rssSampler(pid: number, everyMs: number) {
  let peak = rssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMiB(pid));
    },
  };
}

export async function benchReliability(): Promise<Row[]> {
  const rows: Row[] = [];
  const fleet = await startFleetProcess(topologyFile(), SSH_PORT, '0ms', [
    '--rest-port',
    String(REST_PORT),
    '--rest-plain',
    '--freeze-time',
    '--no-netconf',
  ]);
  try {
    rows.push(...(await eapiAmplification(fleet)));
    rows.push(...(await neverReadingClient(fleet)));
    rows.push(...(await vtyLimits(fleet)));
  } finally {
    await fleet.stop();
  }
  rows.push(await sigtermWithPendingCommands());
  return rows;
}

/** One eAPI request: `enable` then `show running-config all` × n, text format. */
async function eapiAmplification(fleet: RunningFleet): Promise<Row[]> {
  const pid = fleet.child.pid!;
  const eos = fleet.devices[3]!;
  const url = new URL('/command-api', eos.rest_url);
  const rows: Row[] = [];
  for (const n of [8_000, 25_000, 999]) {
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'runCmds',
      id: 1,
      params: {
        version: 1,
        format: 'text',
        cmds: ['enable', ...Array.from({ length: n }, () => 'show running-config all')],
      },
    });
    await sleep(1000);
    const before = rssMiB(pid);
    const sampler = rssSampler(pid, 5);
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const reply = await response.text();
    const elapsed = performance.now() - started;
    const peak = sampler.stop();
    await sleep(1000);
    const after = rssMiB(pid);
    const parsed = JSON.parse(reply) as { error?: { code: number; message: string }; result?: unknown[] };
    const outcome = parsed.error
      ? `HTTP ${response.status}, JSON-RPC ${parsed.error.code} "${parsed.error.message.slice(0, 60)}"`
      : `HTTP ${response.status}, ${parsed.result?.length} results, ${(reply.length / 1e6).toFixed(1)} MB`;
    rows.push({
      what: `eAPI \`enable\` + \`show running-config all\` × ${n.toLocaleString('en')} (text, ${(body.length / 1024).toFixed(0)} KiB body): fleet RSS before / peak / after`,
      value: `${mib(before)} / ${mib(peak)} / ${mib(after)} MiB`,
    });
    rows.push({ what: `the same: reply, time`, value: `${outcome}, ${ms(elapsed)}` });
  }
  return rows;
}

// About 3 KiB each: 10,000 ask for ~30 MiB, far past the 2 MiB window ssh2 grants, and 200 KB of
// keystrokes, past INPUT_BACKLOG.
const NEVER_READ_COMMANDS = 10_000;
const NEVER_READ_SECONDS = 10;

/** A shell that asks for the running configuration again and again and never reads a byte. */
async function neverReadingClient(fleet: RunningFleet): Promise<Row[]> {
  const pid = fleet.child.pid!;
  // How much one `show running-config` prints, read by a well-behaved client.
  const probe = await connect(target(fleet, 0));
  const probeShell = await enabledShell(probe);
  probeShell.send('show running-config\r');
  const oneOutput = (await probeShell.expect(/\nend\r\n(?:\r\n)?R1#$/, 10_000)).length;
  probe.end();
  await sleep(1000);

  const before = rssMiB(pid);
  const client = await connect(target(fleet, 0));
  client.on('error', () => undefined);
  const sh = await enabledShell(client);
  (client as unknown as { _sock: Socket })._sock.pause();
  for (let i = 0; i < NEVER_READ_COMMANDS; i++) sh.send('show running-config\r');
  const sampler = rssSampler(pid, 50);
  const roundTrips: number[] = [];
  const until = Date.now() + NEVER_READ_SECONDS * 1000;
  while (Date.now() < until) {
    roundTrips.push(await loginAndCommand(target(fleet, 1)));
    await sleep(1000);
  }
  const during = sampler.stop();
  client.destroy();
  await sleep(2000);
  const after = rssMiB(pid);
  const asked = (NEVER_READ_COMMANDS * oneOutput) / 2 ** 20;
  return [
    {
      what: `SSH client that never reads, ${NEVER_READ_COMMANDS.toLocaleString('en')} × \`show running-config\` (${asked.toFixed(1)} MiB asked for), ${NEVER_READ_SECONDS} s: fleet RSS before / peak during / 2 s after it leaves`,
      value: `${mib(before)} / ${mib(during)} / ${mib(after)} MiB`,
    },
    {
      what: `meanwhile, login + \`show clock\` + logout on another device (${roundTrips.length} runs): median / slowest`,
      value: `${ms(percentile(roundTrips, 50))} / ${ms(Math.max(...roundTrips))}`,
    },
  ];
}

async function enabledShell(client: Client): Promise<Shell> {
  const sh = await shell(client);
  await sh.expect(/R1>$/, 10_000);
  sh.send('terminal length 0\r');
  await sh.expect(/R1>$/, 10_000);
  sh.send('enable\r');
  await sh.expect(/Password: $/, 10_000);
  sh.send('admin\r');
  await sh.expect(/R1#$/, 10_000);
  return sh;
}

/** Logins to one IOS device over separate connections, vty count + 5; failed passwords on one connection. */
async function vtyLimits(fleet: RunningFleet): Promise<Row[]> {
  const VTY = 5; // `--max-sessions` default
  const clients: Array<{ client?: Client; closed: boolean }> = [];
  for (let i = 0; i < VTY + 5; i++) {
    const entry: { client?: Client; closed: boolean } = { closed: false };
    clients.push(entry);
    try {
      entry.client = await connect(target(fleet, 2));
      entry.client.on('error', () => undefined);
      entry.client.once('close', () => (entry.closed = true));
      const sh = await shell(entry.client);
      await sh.expect(/R3>$/, 5_000);
    } catch {
      entry.closed = true;
    }
  }
  await sleep(500);
  const accepted = clients.filter((c) => !c.closed).length;
  for (const c of clients) c.client?.end();
  await sleep(500);
  const attempts = await guessPasswords(target(fleet, 2), 50);
  return [
    {
      what: `IOS, ${VTY + 5} logins over separate connections (${VTY} vty lines): accepted / refused`,
      value: `${accepted} / ${clients.length - accepted}`,
    },
    {
      what: 'IOS, failed password attempts allowed on one connection (of 50 tried)',
      value: String(attempts),
    },
  ];
}

/** Tries wrong passwords until the server hangs up (at most `max`); counts the attempts sent. */
function guessPasswords(at: { host: string; port: number }, max: number): Promise<number> {
  return new Promise((resolve) => {
    const client = new Client();
    let attempts = 0;
    const timer = setTimeout(() => client.destroy(), 30_000);
    client.on('error', () => undefined);
    client.on('close', () => {
      clearTimeout(timer);
      resolve(attempts);
    });
    client.connect({
      ...at,
      username: 'admin',
      readyTimeout: 20_000,
      authHandler: (_methods, _partial, next) => {
        if (attempts >= max) return next(false as never);
        attempts++;
        next({ type: 'password', username: 'admin', password: `wrong${attempts}` });
      },
    });
  });
}

const SIGTERM_RUNS = 3;
const WAITING_SESSIONS = 20;

/** `up lab-100 --latency 30m`, 20 sessions on 20 devices each waiting out a command, SIGTERM. */
async function sigtermWithPendingCommands(): Promise<Row> {
  const times: number[] = [];
  for (let run = 0; run < SIGTERM_RUNS; run++) {
    const fleet = await startFleetProcess('lab-100', SSH_PORT, '30m');
    const clients: Client[] = [];
    try {
      for (let i = 0; i < WAITING_SESSIONS; i++) {
        const client = await connect(target(fleet, i * 5));
        client.on('error', () => undefined);
        clients.push(client);
        const sh = await shell(client);
        await sh.expect(/[>#] ?$/, 10_000);
        sh.send('show version\r'); // answers in 30 minutes
        await sh.expect(/show version ?\r\n$/, 10_000);
      }
      const exited = new Promise<number | null>((resolve) => fleet.child.once('close', resolve));
      const sent = performance.now();
      fleet.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        exited,
        new Promise((resolve) => (timer = setTimeout(resolve, 30_000, 'timeout'))),
      ]);
      clearTimeout(timer);
      if (code !== 0) throw new Error(`up exited ${String(code)} after SIGTERM`);
      times.push(performance.now() - sent);
    } finally {
      if (fleet.child.exitCode === null && fleet.child.signalCode === null) fleet.child.kill('SIGKILL');
      for (const client of clients) client.destroy();
    }
  }
  return {
    what: `\`up lab-100 --latency 30m\`, ${WAITING_SESSIONS} SSH sessions each waiting on a command: SIGTERM to exit 0 (${SIGTERM_RUNS} runs)`,
    value: times.map((t) => `${t.toFixed(0)}`).join(' / ') + ' ms',
  };
}
