/**
 * Scale-out (`--only=scale`): workers 1 vs one per core on the same fleet in one run, 10,000 and
 * 100,000 devices with SSH and REST from one `labfleet up`, and two shards checked as one fleet.
 * Memory is the whole process tree's (up, its workers and listener helpers): RSS summed, and PSS,
 * which splits pages the processes share (Node's own code) instead of counting them once each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  cpuSeconds,
  loginAndCommand,
  percentile,
  startFleetProcess,
  type Row,
  type RunningFleet,
} from './fleet.js';

const BIN = join(import.meta.dirname, '..', '..', 'client', 'cli', 'main.js');

/** A ring of `nodes` CSR routers, written as YAML in a fresh directory (the pool holds 262,142). */
function ringFile(nodes: number): string {
  const lines = [
    `name: "ring-${nodes}"`,
    'seed: 1',
    'mgmt: { pool: 127.64.0.0/14 }',
    'defaults:',
    '  kind: cisco_ios',
    '  protocols: { cdp: true, lldp: true }',
    'nodes:',
  ];
  for (let i = 1; i <= nodes; i++) lines.push(`  R${i}: { model: "CSR1000V" }`);
  lines.push('links:');
  for (let i = 1; i <= nodes; i++)
    lines.push(`  - endpoints: ["R${i}:GigabitEthernet2", "R${(i % nodes) + 1}:GigabitEthernet3"]`);
  const file = join(mkdtempSync(join(tmpdir(), 'labfleet-scale-')), `ring-${nodes}.yaml`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** `pid` and every process below it. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** The tree's memory, MiB: RSS summed and PSS summed (from smaps_rollup). */
function treeMemory(pid: number): { processes: number; rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  const tree = processTree(pid);
  for (const p of tree) {
    try {
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)![1]) / 1024;
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)![1]) / 1024;
    } catch {
      // ended meanwhile
    }
  }
  return { processes: tree.length, rss, pss };
}

const treeCpu = (pid: number) => processTree(pid).reduce((sum, p) => sum + cpuSeconds(p), 0);

/** `total` logins (login, `show clock`, disconnect) over the fleet's devices, `concurrency` at once. */
async function loginLoad(fleet: RunningFleet, total: number, concurrency: number) {
  let next = 0;
  let failed = 0;
  const cpuBefore = treeCpu(fleet.child.pid!);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const device = fleet.devices[next++ % fleet.devices.length]!;
        await loginAndCommand(device).catch(() => failed++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: total / seconds,
    cpuMs: ((treeCpu(fleet.child.pid!) - cpuBefore) / total) * 1000,
    failed,
    seconds,
  };
}

const CDP_PATH = '/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details';
const REST_AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
/** A connection that has not had its answers within this long is stuck, not slow. */
const STUCK_MS = 120_000;

/**
 * `count` GETs of the device's CDP neighbours over one keep-alive connection, each sent when the
 * last answer has ended, as wrk does: a raw socket and a fixed request, so the client's CPU per
 * request is a fraction of the server's and the server's capacity is what is measured. Resolves
 * with the answers that were not 200.
 */
function restRequests(restUrl: string, count: number): Promise<number> {
  const url = new URL(restUrl);
  const request = Buffer.from(
    `GET ${CDP_PATH} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${REST_AUTH}\r\n` +
      'Accept: application/yang-data+json\r\n\r\n',
  );
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    const timer = setTimeout(
      () => socket.destroy(new Error(`${restUrl}: no answer within ${STUCK_MS} ms`)),
      STUCK_MS,
    );
    let answered = 0;
    let failed = 0;
    let pending: Buffer = Buffer.alloc(0);
    /** Where the answer being read ends in `pending`; -1 until its header is complete. */
    let end = -1;
    socket.on('connect', () => socket.write(request));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (end < 0) {
          const headerEnd = pending.indexOf('\r\n\r\n');
          if (headerEnd < 0) return;
          const header = pending.subarray(0, headerEnd).toString('latin1');
          if (!header.startsWith('HTTP/1.1 200 ')) failed++;
          const length = /\r\ncontent-length: *(\d+)/i.exec(header);
          if (!length) return socket.destroy(new Error(`${restUrl}: an answer without content-length`));
          end = headerEnd + 4 + Number(length[1]);
        }
        if (pending.length < end) return;
        pending = pending.subarray(end);
        end = -1;
        if (++answered === count) {
          clearTimeout(timer);
          socket.end();
          return resolve(failed);
        }
        socket.write(request);
      }
    });
  });
}

/** Every device of `devices` asked `perDevice` times at once, one connection each. */
async function restLoad(fleet: RunningFleet, devices: RunningFleet['devices'], perDevice: number) {
  const cpuBefore = treeCpu(fleet.child.pid!);
  const started = performance.now();
  const failed = await Promise.all(devices.map((d) => restRequests(d.rest_url!, perDevice)));
  const seconds = (performance.now() - started) / 1000;
  const total = devices.length * perDevice;
  return {
    perSecond: total / seconds,
    cpuMs: ((treeCpu(fleet.child.pid!) - cpuBefore) / total) * 1000,
    failed: failed.reduce((a, b) => a + b, 0),
  };
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Workers 1 vs 2 on the same 2,000-device fleet (SSH and plain HTTP REST), in one run. REST with a
 * raw keep-alive client (restRequests) shows what a second worker adds when the server is the
 * bottleneck: 50 devices spread over the fleet, so each worker serves half of them, three rounds
 * each, alternating. Logins show the other case: the bench's ssh2 client spends about what the
 * server does per login on the same 2 cores, so a second worker has little spare CPU to use.
 */
async function benchWorkers(): Promise<Row[]> {
  const file = ringFile(2000);
  const rest: Record<string, { perSecond: number[]; cpuMs: number[]; failed: number }> = {};
  const logins: Record<string, string> = {};
  const ROUNDS = 3;
  for (let round = 0; round < ROUNDS; round++)
    for (const workers of ['1', '2']) {
      const fleet = await startFleetProcess(file, 27_000, '0ms', [
        '--no-netconf',
        '--rest-plain',
        '--rest-port',
        '27001',
        '--workers',
        workers,
      ]);
      try {
        const spread = fleet.devices.filter((_, i) => i % 40 === 0);
        await restLoad(fleet, spread, 40); // warm-up
        const load = await restLoad(fleet, spread, 400);
        const entry = (rest[workers] ??= { perSecond: [], cpuMs: [], failed: 0 });
        entry.perSecond.push(load.perSecond);
        entry.cpuMs.push(load.cpuMs);
        entry.failed += load.failed;
        if (round === 0) {
          await loginLoad(fleet, 300, 50); // warm-up
          const login = await loginLoad(fleet, 3000, 50);
          logins[workers] =
            `${login.perSecond.toFixed(0)}/s, ${login.cpuMs.toFixed(2)} ms CPU per login` +
            (login.failed > 0 ? `, ${login.failed} failed` : '');
        }
      } finally {
        await fleet.stop();
      }
    }
  const one = median(rest['1']!.perSecond);
  const two = median(rest['2']!.perSecond);
  const describe = (w: string) =>
    `${median(rest[w]!.perSecond).toFixed(0)}/s (${median(rest[w]!.cpuMs).toFixed(2)} ms server CPU per request` +
    (rest[w]!.failed > 0 ? `, ${rest[w]!.failed} not 200` : '') +
    ')';
  return [
    {
      what: `REST GETs/s, 2,000 devices, 50 keep-alive connections (raw client): --workers 1 / --workers 2, medians of ${ROUNDS} rounds`,
      value: `${describe('1')} / ${describe('2')}: ${(two / one).toFixed(2)}x`,
    },
    {
      what: 'logins/s at concurrency 50, 2,000 devices: --workers 1 / --workers 2 (the bench client shares the 2 cores)',
      value: `${logins['1']} / ${logins['2']}`,
    },
  ];
}

const mib = (v: number) => `${v.toFixed(0)} MiB`;

export async function benchScale(): Promise<Row[]> {
  const rows: Row[] = [];
  // LABFLEET_BENCH_SCALE: "100000" runs that size alone, "workers" the workers comparison alone.
  const only = process.env.LABFLEET_BENCH_SCALE;
  const sizes = only === 'workers' ? [] : only ? [Number(only)] : [10_000, 100_000];

  if (!only || only === 'workers') rows.push(...(await benchWorkers()));

  for (const nodes of sizes) {
    const file = ringFile(nodes);
    const fleet = await startFleetProcess(file, 2222, '0ms', ['--no-netconf', '--rest-plain'], 600_000);
    const memory = treeMemory(fleet.child.pid!);
    const label = `${nodes.toLocaleString('en')} devices with SSH and REST`;
    rows.push({
      what: `${label}: spawn to ready file (default workers)`,
      value: `${fleet.readySeconds.toFixed(1)} s (${memory.processes} processes)`,
    });
    rows.push({
      what: `${label}: memory of the process tree when ready, RSS summed / PSS (per device)`,
      value: `${mib(memory.rss)} / ${mib(memory.pss)} (${((memory.pss * 1024) / nodes).toFixed(1)} KiB)`,
    });
    // Every device answers a login: one login + command each, 64 at a time.
    const load = await loginLoad(fleet, nodes, 64);
    rows.push({
      what: `${label}: one login + \`show clock\` to every device, 64 at a time`,
      value: `${(nodes - load.failed).toLocaleString('en')} of ${nodes.toLocaleString('en')} answered in ${load.seconds.toFixed(0)} s (${load.perSecond.toFixed(0)}/s)`,
    });
    await fleet.stop();
  }

  if (!only) rows.push(...(await benchShards()));
  return rows;
}

/** Two `--shard i/2` processes of one 10,000-device ring, their inventories merged, checked as one. */
async function benchShards(): Promise<Row[]> {
  const nodes = 10_000;
  const file = ringFile(nodes);
  const shards: RunningFleet[] = [];
  for (const index of [0, 1])
    shards.push(
      await startFleetProcess(
        file,
        2222,
        '0ms',
        ['--no-rest', '--no-netconf', '--shard', `${index}/2`, '--name', `scale-shard-${index}`],
        120_000,
      ),
    );
  const merged = join(mkdtempSync(join(tmpdir(), 'labfleet-shards-')), 'inventory.json');
  writeFileSync(merged, JSON.stringify({ devices: shards.flatMap((s) => s.devices) }));
  const started = performance.now();
  const check = spawnSync(process.execPath, [BIN, 'check', file, '--inventory', merged, '--no-progress'], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const seconds = (performance.now() - started) / 1000;
  for (const shard of shards) await shard.stop();
  return [
    {
      what: 'two --shard i/2 processes of a 10,000-device ring: spawn to ready file, each',
      value: shards.map((s) => `${s.readySeconds.toFixed(1)} s`).join(' / '),
    },
    {
      what: 'check of the whole 10,000-device ring across both shards (merged inventory), as a process',
      value: `${seconds.toFixed(1)} s, exit ${check.status}: ${check.stdout.split('\n')[0]}`,
    },
  ];
}
