/** Misbehaving clients cost only their own connection; everyone else keeps being served. */
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { createRng } from '../../simulator/state/random.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { connect, execOnce, shell } from './ssh.js';

const R1 = { host: '127.110.0.1', port: 0 };
let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('routers-10'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
  R1.port = fleet.sshPort;
});
afterAll(() => fleet?.stop());

const stillServes = async () => expect(await execOnce(R1, 'show clock')).toContain('UTC');

function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(R1, () => resolve(socket));
    socket.on('error', reject);
  });
}

function closed(socket: Socket, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server kept a garbage connection open')), timeoutMs);
    socket.on('error', () => undefined);
    socket.resume(); // a socket that never reads never learns it was closed
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('robustness', () => {
  it('drops a connection that sends binary garbage instead of SSH', async () => {
    const rng = createRng(1, 'garbage', 'bytes');
    const socket = await rawSocket();
    socket.write(Buffer.from(Array.from({ length: 64 * 1024 }, () => rng.int(0, 255))));
    await closed(socket);
    await stillServes();
  });

  it('survives garbage and a 1 MB line typed into a shell', async () => {
    const client = await connect(R1);
    const sh = await shell(client);
    await sh.expect(/R1>$/);
    sh.send(Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('latin1'));
    sh.send('A'.repeat(1024 * 1024));
    sh.send('\x15\x03show clock\r');
    expect(await sh.expect(/UTC Thu Jan 15 2026\r\nR1>$/, 10_000)).toContain('show clock');
    client.end();
    await stillServes();
  });

  it('keeps serving when clients vanish mid-session', async () => {
    for (let i = 0; i < 20; i++) {
      const client = await connect(R1);
      const sh = await shell(client);
      sh.send('enable\radmin\rshow clock\rshow clock\rshow clock\r');
      client.destroy();
    }
    await stillServes();
    await waitFor(() => fleet.runtime('R1')!.sessions === 0);
  });

  it('refuses a sixth concurrent session, as five vty lines would', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => connect(R1)));
    await expect(connect(R1)).rejects.toThrow();
    clients.pop()!.end();
    await waitFor(() => fleet.runtime('R1')!.sessions === 4);
    const again = await connect(R1);
    again.end();
    for (const c of clients) c.end();
    await waitFor(() => fleet.runtime('R1')!.sessions === 0);
  });

  it('serves a thousand sessions with no session left counted afterwards', async () => {
    const targets = fleet.devices.map((d) => ({ host: d.host, port: d.port }));
    let ok = 0;
    // Four at a time per device: the five vty lines bound concurrency, and a line is free
    // again only once the server has seen the previous session close.
    await Promise.all(
      targets.flatMap((target) =>
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 25; i++) if ((await execOnce(target, 'show clock')).includes('UTC')) ok++;
        }),
      ),
    );
    expect(ok).toBe(1000);
    await waitFor(() => fleet.devices.every((d) => fleet.runtime(d.name)!.sessions === 0));
  }, 120_000);
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
