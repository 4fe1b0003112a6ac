/**
 * A fleet process holds listeners only up to its descriptor limit; the rest listen in helper
 * processes that hand each connection over. Here a limit of 100 descriptors makes lab-100's ~290
 * listeners need helpers: every device still answers SSH, REST and NETCONF, a device taken down
 * refuses connections wherever its listener lives, stop ends the helpers, and a limit no number of
 * helpers can meet is refused before anything listens.
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect as tcpConnect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { captureIO, ROOT, waitUntil } from '../helpers.js';

let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    sshPort: 0,
    restPort: 0,
    restPlain: true,
    commandLatencyMs: 0,
    descriptorLimit: 100,
  });
}, 60_000);
afterAll(() => fleet?.stop());

function connectOutcome(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** This process's children running the listener helper, from /proc. */
function helperPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return (
          ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('listener-helper')
        );
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

describe('listener helpers', () => {
  it('spread the listeners beyond the limit over helper processes', () => {
    // 36 listeners per process (100 minus a reserve of 64): the rest in helpers.
    expect(fleet.listenerHelpers).toBeGreaterThan(4);
    expect(helperPids().length).toBe(fleet.listenerHelpers);
  });

  it('every device answers: a check of lab-100 over SSH and over REST finds the documented cabling', async () => {
    for (const transport of ['ssh', 'rest'] as const) {
      const captured = captureIO();
      const code = await runCli(
        [
          'check',
          'lab-100',
          '--ssh-port',
          String(fleet.sshPort),
          '--rest-port',
          String(fleet.restPort),
          '--rest-plain',
          '--transport',
          transport,
          // a generous deadline: handshakes on a machine loaded by parallel test files
          '--timeout',
          '60s',
          '--no-progress',
        ],
        captured.io,
      );
      expect(captured.out, transport).toContain('Cabling 100% coincides with the documentation!');
      expect(code).toBe(0);
    }
  }, 60_000);

  it('a device taken down refuses connections on a helper-held port, and listens again when lifted', async () => {
    const last = fleet.devices.at(-1)!;
    expect(await connectOutcome(last.host, last.port!)).toBe('connected');
    const fault = await fleet.control.addFault({ kind: 'down', devices: [last.name] });
    expect(await connectOutcome(last.host, last.port!)).toBe('ECONNREFUSED');
    await fleet.control.removeFault(fault.id);
    expect(await connectOutcome(last.host, last.port!)).toBe('connected');
  });

  it('refuses, before anything listens, a limit that no number of helpers can meet', async () => {
    const topology = await loadTopology('lab-100');
    const error = await startFleet({ topology, sshPort: 0, restPort: 0, descriptorLimit: 66 }).then(
      () => undefined,
      (e: unknown) => e as { code?: string; message: string },
    );
    expect(error?.code).toBe('DESCRIPTORS_EXHAUSTED');
    expect(error?.message).toMatch(/at most \d+ devices fit in 65 processes; raise the limit/);
  });

  it('hands each connection over as a bare socket: the channel gains no listener per listening port', async () => {
    // Node tracks a socket sent with its server per listener, adding a listener to the channel's
    // internal messages for each: thousands of them at 100,000 devices, run for every message.
    const ports: number[] = [];
    for (let i = 0; i < 30; i++) {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      ports.push((probe.address() as { port: number }).port);
      await new Promise<void>((resolve) => probe.close(() => resolve()));
    }
    const helper = fork(join(ROOT, 'dist', 'simulator', 'fleet', 'listener-helper.js'), [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: [],
    });
    const received: Socket[] = [];
    try {
      const listening = new Promise<unknown>((resolve) =>
        helper.on('message', (message: { op: string }, socket?: Socket) => {
          if (message.op === 'socket' && socket) received.push(socket);
          else resolve(message);
        }),
      );
      helper.send({
        op: 'listen',
        seq: 1,
        listeners: ports.map((port, id) => ({ id, host: '127.0.0.1', port })),
      });
      expect(await listening).toEqual({ op: 'done', seq: 1 });
      const before = helper.listenerCount('internalMessage');
      for (const port of ports) expect(await connectOutcome('127.0.0.1', port)).toBe('connected');
      await waitUntil(() => received.length === ports.length, 'every connection handed over', 10_000);
      expect(helper.listenerCount('internalMessage')).toBe(before);
    } finally {
      for (const socket of received) socket.destroy();
      helper.kill();
    }
  });

  it('stop ends every helper process', async () => {
    const other = await startFleet({
      topology: await loadTopology('routers-10'),
      sshPort: 0,
      rest: false,
      descriptorLimit: 70,
    });
    expect(other.listenerHelpers).toBeGreaterThan(0);
    const before = helperPids();
    expect(before.length).toBe(fleet.listenerHelpers + other.listenerHelpers);
    await other.stop();
    expect(helperPids().length).toBe(fleet.listenerHelpers);
  });
});
