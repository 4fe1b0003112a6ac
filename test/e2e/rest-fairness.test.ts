/**
 * One event loop serves the whole fleet: a REST request of many commands (999 × `show
 * running-config all` over eAPI, about 2 s of CPU) must cost its own latency only. While it is
 * being built, another device's REST request and an SSH command on a third device are answered;
 * a fleet stopped mid-batch ends the request without an answer. Ordering is asserted, not times.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { COMMAND_LIMITS } from '../../simulator/rest/limits.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ADMIN, rawRequest } from '../rest.js';
import { execOnce } from './ssh.js';

const BIG = ['enable', ...Array<string>(COMMAND_LIMITS.eapi - 1).fill('show running-config all')];

const startLab = async () =>
  startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    restPort: 0,
    restPlain: true,
    freezeTime: true,
    commandLatencyMs: 0,
  });

/** POSTs a runCmds call; a silent socket is given up after `ms` (the build takes seconds under load). */
function runCmds(baseUrl: string, cmds: string[], ms = 90_000): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/command-api',
        auth: `${ADMIN.username}:${ADMIN.password}`,
        headers: { 'content-type': 'application/json-rpc' },
        agent: false,
        timeout: ms,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${ms} ms`)));
    r.on('error', reject);
    r.end(
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'runCmds',
        id: 1,
        params: { version: 1, format: 'text', cmds },
      }),
    );
  });
}

/**
 * Waits (bounded) until the fleet has a timer pending: with no latency configured, that is the
 * batch giving the event loop back between commands.
 */
async function batchUnderway(fleet: Fleet): Promise<boolean> {
  const timers = fleet.runtime('r1-ar12')!.timers;
  const deadline = Date.now() + 30_000;
  while (timers.pending === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  return timers.pending > 0;
}

describe('a long REST request and the rest of the fleet', () => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startLab();
  });
  afterAll(async () => {
    await fleet?.stop();
  });

  it("answers another device's REST GET and a third device's SSH command before the 999-command eAPI call", async () => {
    const device = (name: string) => fleet.devices.find((d) => d.name === name)!;
    const finished: string[] = [];
    const big = runCmds(device('r1-ar12').rest_url!, BIG).then((answer) => {
      finished.push('eapi 999');
      return answer;
    });
    expect(await batchUnderway(fleet)).toBe(true);
    const nx = device('r1-nx05');
    const [rest, clock] = await Promise.all([
      rawRequest(device('agg1').rest_url!, {
        path: '/restconf/data/Cisco-IOS-XE-native:native/hostname',
        headers: { accept: 'application/yang-data+json' },
        auth: ADMIN,
      }).then((answer) => (finished.push('restconf GET'), answer)),
      execOnce({ host: nx.host, port: nx.port! }, 'show clock').then(
        (output) => (finished.push('ssh show clock'), output),
      ),
    ]);
    expect(rest.status).toBe(200);
    expect(rest.body).toContain('"Cisco-IOS-XE-native:hostname": "agg1"');
    expect(clock).toMatch(/\d\d:\d\d:\d\d\.\d{3} \w+ \w{3} \w{3} +\d+ \d{4}/);
    const answer = await big;
    expect(finished).toEqual(expect.arrayContaining(['restconf GET', 'ssh show clock']));
    expect(finished.at(-1)).toBe('eapi 999');
    expect(answer.status).toBe(200);
    const { result } = JSON.parse(answer.body) as { result: Array<{ output: string }> };
    expect(result).toHaveLength(BIG.length);
    expect(result.at(-1)!.output).toContain('hostname r1-ar12');
  }, 120_000);
});

describe('a fleet stopped during a long REST request', () => {
  it('ends the request without an answer and leaves no timer behind', async () => {
    const fleet = await startLab();
    try {
      const big = runCmds(fleet.devices.find((d) => d.name === 'r1-ar12')!.rest_url!, BIG).then(
        (answer) => ({ answered: answer.status }),
        (error: Error) => ({ failed: error.message }),
      );
      expect(await batchUnderway(fleet)).toBe(true);
      await fleet.stop();
      expect(await big).toEqual({ failed: expect.stringMatching(/socket hang up|ECONNRESET/) as string });
      expect(fleet.runtime('r1-ar12')!.timers.pending).toBe(0);
    } finally {
      await fleet.stop();
    }
  }, 120_000);
});
