/**
 * Scale-out (`--only=scale`): workers 1 vs one per core on the same fleet in one run, 10,000 and
 * 100,000 devices with SSH and REST from one `labfleet up`, and two shards checked as one fleet.
 * Memory is the whole process tree's (up, its workers and listener helpers): RSS summed, and PSS,
 * which splits pages the processes share (Node's own code) instead of counting them once each.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, loginAndCommand, startFleetProcess, type Row, type RunningFleet } from './fleet.js';

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

const mib = (v: number) => `${v.toFixed(0)} MiB`;

export async function benchScale(): Promise<Row[]> {
  const rows: Row[] = [];
  // LABFLEET_BENCH_SCALE: "100000" runs that size alone, "workers" the workers comparison alone.
  const only = process.env.LABFLEET_BENCH_SCALE;
  const sizes = only === 'workers' ? [] : only ? [Number(only)] : [10_000, 100_000];

  // Workers 1 vs one per core: the same 2,000-device fleet, the same load, in one run.
  if (!only || only === 'workers') {
    const file = ringFile(2000);
    const results: string[] = [];
    for (const workers of ['1', 'auto']) {
      const extra = [
        '--no-rest',
        '--no-netconf',
        ...(workers === '1' ? ['--workers', '1'] : ['--workers', '2']),
      ];
      const fleet = await startFleetProcess(file, 27_000, '0ms', extra);
      await loginLoad(fleet, 300, 50); // warm-up
      const load = await loginLoad(fleet, 3000, 50);
      results.push(`${load.perSecond.toFixed(0)}/s, ${load.cpuMs.toFixed(2)} ms CPU per login`);
      await fleet.stop();
    }
    rows.push({
      what: 'logins/s at concurrency 50, 2,000 devices: --workers 1 / --workers 2 (the bench client shares the 2 cores)',
      value: results.join(' / '),
    });
  }

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
