/**
 * REST benchmarks: what a REST device costs the fleet, how many requests a keep-alive client gets
 * through 1,000 devices, and whether configured latency is what a REST client measures. The fleet
 * runs in a child process; this process is the HTTPS client. Every loop is bounded.
 */
import { Agent, request } from 'node:https';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, percentile, rssMiB, startFleetProcess, type Row, type RunningFleet } from './fleet.js';

const PORT = 26_400;
const CDP_PATH = '/restconf/data/Cisco-IOS-XE-cdp-oper:cdp-neighbor-details';
const AUTH = `Basic ${Buffer.from('admin:admin').toString('base64')}`;

interface Device {
  url: URL;
  agent: Agent;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export async function benchRest(): Promise<Row[]> {
  const rows: Row[] = [];
  // REST's cost is what a fleet with it weighs more than one without (fastify, TLS, the APIs'
  // code, one listener per device). Two listeners per device: 10,000 devices with REST would
  // need more than this machine's hard limit of 20,000 descriptors, so the sizes stop at 5,000.
  const extra: Record<number, number> = {};
  for (const n of [1000, 5000]) {
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const sshOnly = await startFleetProcess(n, PORT, '0ms', ['--no-rest', '--no-netconf']);
      const without = rssMiB(sshOnly.child.pid!);
      await sshOnly.stop();
      const both = await startFleetProcess(n, PORT, '0ms', ['--rest-port', String(PORT + 1), '--no-netconf']);
      samples.push(rssMiB(both.child.pid!) - without);
      if (n === 5000 && run === 0)
        rows.push({
          what: '5,000 devices with SSH and HTTPS: start (in process / spawn to ready file)',
          value: `${both.startupSeconds.toFixed(2)} s / ${both.readySeconds.toFixed(2)} s`,
        });
      await both.stop();
    }
    extra[n] = percentile(samples, 50);
  }
  // Most of it is fixed; the per-device part is below what RSS resolves, so no split is claimed.
  rows.push({
    what: 'RSS REST adds when ready, 1,000 / 5,000 devices (medians of 3, with minus without)',
    value: `${extra[1000]!.toFixed(0)} MiB / ${extra[5000]!.toFixed(0)} MiB (${((extra[5000]! * 1024) / 5000).toFixed(1)} KiB per device all-in at 5,000)`,
  });

  const fleet = await startFleetProcess(1000, PORT, '0ms', ['--rest-port', String(PORT + 1), '--no-netconf']);
  rows.push(...(await keepAliveThroughput(fleet)));
  await fleet.stop();
  rows.push(...(await restLatency(200)));
  return rows;
}

function devicesOf(fleet: RunningFleet): Device[] {
  return fleet.devices.map((d) => ({
    url: new URL(d.rest_url!),
    agent: new Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false }),
  }));
}

/** One GET of the CDP neighbours; resolves with the elapsed ms. */
function get(device: Device): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: device.url.hostname,
        port: device.url.port,
        path: CDP_PATH,
        agent: device.agent,
        headers: { authorization: AUTH, accept: 'application/yang-data+json' },
        timeout: 15_000,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`HTTP ${res.statusCode} from ${device.url.host}`)),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout from ${device.url.host}`)));
    req.on('error', reject);
    req.end();
  });
}

async function keepAliveThroughput(fleet: RunningFleet): Promise<Row[]> {
  const pid = fleet.child.pid!;
  const devices = devicesOf(fleet);
  const before = rssMiB(pid);
  for (let i = 0; i < devices.length; i += 100) await Promise.all(devices.slice(i, i + 100).map(get));
  const open = rssMiB(pid);
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) samples.push(await get(devices[(i * 37) % devices.length]!));
  const total = 20_000;
  let next = 0;
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    devices.map(async () => {
      while (next < total) await get(devices[next++ % devices.length]!);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuPerRequest = ((cpuSeconds(pid) - cpuBefore) / total) * 1000;
  for (const d of devices) d.agent.destroy();
  return [
    {
      what: '1,000 HTTPS devices: RSS with one open keep-alive connection each (after TLS handshakes)',
      value: `${open.toFixed(0)} MiB (${(((open - before) * 1024) / devices.length).toFixed(1)} KiB per connection)`,
    },
    {
      what: 'RESTCONF GET of CDP neighbours over keep-alive at 0 ms configured, one at a time: p50 / p99',
      value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`,
    },
    {
      what: `requests/s over keep-alive, 1,000 devices, one request in flight per device (client and server share the 2 cores)`,
      value: `${(total / seconds).toFixed(0)}/s`,
    },
    { what: 'server CPU per REST request', value: ms(cpuPerRequest) },
  ];
}

/** Configured latency over REST: one request alone, then 100 devices at once, keep-alive. */
async function restLatency(latencyMs: number): Promise<Row[]> {
  const fleet = await startFleetProcess(100, PORT, `${latencyMs}ms`, [
    '--rest-port',
    String(PORT + 1),
    '--no-netconf',
  ]);
  const devices = devicesOf(fleet);
  await Promise.all(devices.map(get)); // connect and handshake first
  const alone: number[] = [];
  for (let i = 0; i < 30; i++) alone.push(await get(devices[0]!));
  const together: number[] = [];
  for (let round = 0; round < 5; round++) together.push(...(await Promise.all(devices.map(get))));
  for (const d of devices) d.agent.destroy();
  await fleet.stop();
  return [
    {
      what: `REST request at ${latencyMs} ms configured, keep-alive, one device: p50 / p99`,
      value: `${ms(percentile(alone, 50))} / ${ms(percentile(alone, 99))}`,
    },
    {
      what: 'the same, 100 devices at once: p50 / p99',
      value: `${ms(percentile(together, 50))} / ${ms(percentile(together, 99))}`,
    },
  ];
}
