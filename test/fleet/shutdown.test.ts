/**
 * fleet.stop() ends everything the fleet started: sessions waiting out a 30-minute command
 * latency (shell, exec and REST), output paced at 1 byte per second, a connection still before
 * login. Proven by the process's own list of active timers, not by timing.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { connect, shell } from '../e2e/ssh.js';
import { connect as tcpConnect } from 'node:net';

const SLOW_TOPOLOGY = `
name: slow
defaults:
  latency: { command: 30m }
mgmt: { pool: 127.111.0.0/24 }
nodes:
  slow-ios: { kind: cisco_ios }
  slow-eos: { kind: arista_eos, protocols: { rest: true } }
  paced-ios: { kind: cisco_ios, latency: { command: 0ms, output_rate: 1 } }
`;

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
});

describe('fleet.stop()', () => {
  it('clears every latency wait, paced output and login timer its sessions started', async () => {
    const before = activeTimers();
    fleet = await startFleet({
      topology: parseTopology(SLOW_TOPOLOGY),
      sshPort: 0,
      restPort: 0,
      restPlain: true,
      freezeTime: true,
    });
    const device = (name: string) => fleet!.devices.find((d) => d.name === name)!;
    const ios = device('slow-ios');
    const paced = device('paced-ios');
    const eos = device('slow-eos');

    // A shell command waiting out 30 minutes.
    const shellClient = await connect({ host: ios.host, port: ios.port! });
    shellClient.on('error', () => undefined);
    const terminal = await shell(shellClient);
    await terminal.expect(/#$|>$/, 10_000);
    terminal.send('show version\r');
    // An exec command waiting out 30 minutes.
    const execClient = await connect({ host: ios.host, port: ios.port! });
    execClient.on('error', () => undefined);
    execClient.exec('show clock', () => undefined);
    // Paced output (the writer's floor is a byte per 10 ms tick): show version takes many seconds.
    const pacedClient = await connect({ host: paced.host, port: paced.port! });
    pacedClient.on('error', () => undefined);
    const pacedShell = await shell(pacedClient);
    await pacedShell.expect(/paced-ios[#>]$/, 10_000);
    pacedShell.send('terminal length 0\r');
    await pacedShell.expect(/paced-ios[#>]$/, 10_000);
    pacedShell.send('show version\r');
    await pacedShell.expect(/Cisco/, 10_000);
    // A REST request waiting out 30 minutes.
    const url = new URL(eos.rest_url!);
    const rest = httpRequest({
      host: url.hostname,
      port: url.port,
      path: '/command-api',
      method: 'POST',
      auth: 'admin:admin',
      headers: { 'content-type': 'application/json-rpc' },
    });
    rest.on('error', () => undefined);
    const restSettled = new Promise<void>((resolve) => rest.once('close', () => resolve()));
    rest.end(
      JSON.stringify({
        jsonrpc: '2.0',
        method: 'runCmds',
        params: { version: 1, cmds: ['show version'] },
        id: 1,
      }),
    );
    // A TCP connection that never says a word: its login timer runs.
    const idle = tcpConnect({ host: ios.host, port: ios.port! });
    idle.on('error', () => undefined);
    idle.resume(); // reads, so the fleet's hang-up is seen
    await new Promise<void>((resolve) => idle.once('connect', () => resolve()));

    // Every wait is registered: shell, exec, REST, pacing and the silent connection's login timer.
    const timers = fleet.runtime('slow-ios')!.timers;
    const deadline = Date.now() + 10_000;
    while (timers.pending < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(timers.pending).toBeGreaterThanOrEqual(5);
    expect(fleet.runtime('paced-ios')!.timers).toBe(timers); // one registry per fleet

    const clients = [shellClient, execClient, pacedClient];
    const closed = Promise.all([
      restSettled,
      new Promise((resolve) => idle.once('close', resolve)),
      ...clients.map((c) => new Promise<void>((resolve) => c.once('close', () => resolve()))),
    ]);
    await fleet.stop();
    expect(timers.pending).toBe(0);
    await closed; // the fleet hung up on every client
    await new Promise((resolve) => setImmediate(resolve));
    expect(activeTimers()).toBeLessThanOrEqual(before);
    await fleet.stop(); // twice is fine
  }, 60_000);
});
