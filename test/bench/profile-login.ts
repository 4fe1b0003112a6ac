/**
 * Profiles the SSH login path of the server on its own: this process is the ssh2 client, a child
 * process serves a fleet (`startFleet`, SSH only: no REST, no NETCONF, no control API) and records
 * a V8 CPU profile of the measured window only (the inspector's Profiler: what `node --cpu-prof`
 * records, without the fleet's start-up and the warm-up). Prints the server's CPU per login and
 * its top self-time functions.
 *
 *   node dist/test/bench/profile-login.js [--logins N] [--nodes N] [--out file.cpuprofile]
 *
 * `serveFleetChild` is also what `bench --only=login` drives (without the profile).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { generateRing, renderTopologyYaml } from '../../simulator/generate/index.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { topSelfTime } from './cpuprofile.js';
import { cpuSeconds, loginAndCommand } from './fleet.js';

export interface FleetChild {
  child: ChildProcess;
  devices: Array<{ host: string; port: number }>;
  /** Starts the CPU profile (resolves once it runs). */
  profileStart(): Promise<void>;
  /** Stops it and writes it to `path`. */
  profileStop(path: string): Promise<void>;
  stop(): Promise<void>;
}

/** Spawns this file as a fleet server of a ring of `nodes` devices at 0 ms; resolves once it listens. */
export async function serveFleetChild(nodes: number): Promise<FleetChild> {
  const child = spawn(process.execPath, [import.meta.filename, '--serve', String(nodes)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fleet child did not answer')), 60_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const ask = async (line: string) => {
    const answer = next();
    child.stdin.write(`${line}\n`);
    await answer;
  };
  const { devices } = JSON.parse(await next()) as { devices: FleetChild['devices'] };
  return {
    child,
    devices,
    profileStart: () => ask('profile-start'),
    profileStop: (path) => ask(`profile-stop ${path}`),
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve());
        child.stdin.end();
      }),
  };
}

/** `total` logins (+ `show clock` + disconnect) spread over the devices, `concurrency` at a time. */
export async function loginLoad(
  devices: ReadonlyArray<{ host: string; port: number }>,
  total: number,
  concurrency: number,
  login: (target: { host: string; port: number }) => Promise<unknown> = loginAndCommand,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await login(devices[next++ % devices.length]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

/** The child: serves the fleet until its stdin ends; answers profile requests line by line. */
async function serve(nodes: number): Promise<void> {
  const text = renderTopologyYaml(generateRing({ nodes, mgmtPool: '127.122.0.0/16' }));
  const fleet = await startFleet({
    topology: parseTopology(text, 'ring.yaml'),
    sshPort: 0,
    rest: false,
    netconf: false,
    commandLatencyMs: 0,
  });
  const inspector = new Session();
  inspector.connect();
  const devices = fleet.devices.map((d) => ({ host: d.host, port: d.port! }));
  process.stdout.write(`${JSON.stringify({ devices })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'profile-start') {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
    } else if (line.startsWith('profile-stop ')) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(line.slice('profile-stop '.length), JSON.stringify(profile));
    }
    process.stdout.write('ok\n');
  }
  inspector.disconnect();
  await fleet.stop();
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const total = Number(arg('--logins', '3000'));
  const out = arg('--out', join(tmpdir(), `labfleet-login-${Date.now()}.cpuprofile`));
  const fleet = await serveFleetChild(Number(arg('--nodes', '100')));
  try {
    await loginLoad(fleet.devices, 300, 50); // warm-up: JIT, the devices' first logins
    const pid = fleet.child.pid!;
    await fleet.profileStart();
    const cpuBefore = cpuSeconds(pid);
    const seconds = await loginLoad(fleet.devices, total, 50);
    const cpu = cpuSeconds(pid) - cpuBefore;
    await fleet.profileStop(out);
    console.log(
      `${total} logins at concurrency 50: ${(total / seconds).toFixed(0)}/s, ` +
        `server CPU ${((cpu / total) * 1000).toFixed(3)} ms per login (profiler on)`,
    );
    const { busyMs, top } = topSelfTime(out, Number(arg('--top', '15')));
    console.log(`profile ${out}: busy ${busyMs.toFixed(0)} ms, top self time:`);
    for (const row of top) console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.fn}`);
  } finally {
    await fleet.stop();
  }
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv[2] === '--serve') await serve(Number(process.argv[3]));
  else await main();
}
