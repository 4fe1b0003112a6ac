/**
 * SSH limits seen by hostile clients: output held while a client does not read, vty lines counted
 * per device across connections, session channels per connection, a login grace and a bound on
 * connections that never log in, failed attempts per connection.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client, type ClientChannel } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { connect, execOnce, shell } from './ssh.js';

/** One line of a large user-defined command: 400 KiB of output per call. */
const BIG_LINE = 'x'.repeat(1023);
const BIG_OUTPUT_LINES = 400;

const topology = parseTopology(`
name: ssh-limits
defaults: { kind: cisco_ios }
mgmt: { pool: 127.111.0.0/24 }
nodes:
  R1:
    commands:
      show big: { text: ${JSON.stringify(Array.from({ length: BIG_OUTPUT_LINES }, () => BIG_LINE).join('\n'))} }
  R2: {}
  R3: { ssh: { login_grace: 1s, max_startups: 3, auth_tries: 2 } }
  E1: { kind: arista_eos }
  E2: { kind: arista_eos, ssh: { sessions_per_connection: 2 } }
  N1: { kind: cisco_nxos }
  J1: { kind: juniper_junos }
`);

let fleet: Fleet;
const at = (name: string) => {
  const device = fleet.devices.find((d) => d.name === name)!;
  return { host: device.host, port: device.port! };
};
const sessions = (name: string) => fleet.runtime(name)!.sessions;

beforeAll(async () => {
  fleet = await startFleet({ topology, rest: false, sshPort: 0, commandLatencyMs: 0, freezeTime: true });
});
afterAll(() => fleet?.stop());

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** JavaScript heap plus Buffers (output waiting in ssh2 and in sockets lives outside the heap). */
const heapUsed = () => {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};
const MiB = 1024 * 1024;

describe('a client that never reads', () => {
  it('costs a bounded amount of memory, and other devices keep answering', async () => {
    const before = heapUsed();
    const client = await connect(at('R1'));
    const sh = await shell(client);
    await sh.expect(/R1>$/);
    sh.send('terminal length 0\r');
    await sh.expect(/R1>$/);
    // Stop reading the TCP stream altogether, then ask for 100 × 400 KiB (40 MiB) of output.
    (client as unknown as { _sock: Socket })._sock.pause();
    for (let i = 0; i < 100; i++) sh.send('show big\r');
    // The server writes until the client's window, its socket and the session's budget are full.
    await settle(() => process.memoryUsage().rss);
    const grown = heapUsed() - before;
    // Held: the client's 2 MiB window, ssh2's buffers, the rest of one 400 KiB output and the
    // 64 KiB budgets of channel and socket; 40 MiB before output honoured backpressure.
    expect(grown).toBeLessThan(12 * MiB);
    expect(await execOnce(at('R2'), 'show clock')).toContain('UTC');
    client.destroy();
    await waitFor(() => sessions('R1') === 0);
    expect(heapUsed() - before).toBeLessThan(4 * MiB);
  }, 60_000);

  it('gets all of its output, in order, once it reads again', async () => {
    const client = await connect(at('R1'));
    const sh = await shell(client);
    await sh.expect(/R1>$/);
    sh.send('terminal length 0\r');
    await sh.expect(/R1>$/);
    const socket = (client as unknown as { _sock: Socket })._sock;
    socket.pause();
    for (let i = 0; i < 5; i++) sh.send(`show big\rshow clock\r`);
    await settle(() => process.memoryUsage().rss);
    socket.resume();
    let output = '';
    for (let i = 0; i < 5; i++) output += await sh.expect(/UTC Thu Jan 15 2026\r\nR1>/, 20_000);
    expect(output.split(BIG_LINE).length - 1).toBe(5 * BIG_OUTPUT_LINES);
    client.end();
    await waitFor(() => sessions('R1') === 0);
  }, 60_000);
});

describe('vty lines', () => {
  it('counts sessions per device across connections; the sixth login is closed', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => connect(at('R2'))));
    const shells = await Promise.all(clients.map((c) => shell(c)));
    expect(sessions('R2')).toBe(5);
    await expect(connect(at('R2'))).rejects.toThrow();
    clients.pop()!.end();
    await waitFor(() => sessions('R2') === 4);
    const again = await connect(at('R2'));
    again.end();
    expect(shells).toHaveLength(5);
    for (const c of clients) c.end();
    await waitFor(() => sessions('R2') === 0);
  });

  it('IOS: one session channel per connection; a second is refused as OpenSSH refuses it', async () => {
    const client = await connect(at('R2'));
    await shell(client);
    const refused = await openChannel(client).then(
      () => undefined,
      (error: Error & { reason?: number }) => error,
    );
    expect(refused?.reason).toBe(1); // SSH_OPEN_ADMINISTRATIVELY_PROHIBITED
    expect(refused?.message).toContain('open failed');
    expect(sessions('R2')).toBe(1);
    await closeClient(client);
    await waitFor(() => sessions('R2') === 0);
  });

  it('EOS: channels of one connection take vty lines until none is left', async () => {
    const client = await connect(at('E1'));
    for (let i = 0; i < 5; i++) await openChannel(client);
    expect(sessions('E1')).toBe(5);
    await expect(openChannel(client)).rejects.toMatchObject({ reason: 1 });
    await expect(connect(at('E1'))).rejects.toThrow();
    await closeClient(client);
    await waitFor(() => sessions('E1') === 0);
  });

  it('caps channels per connection at the topology’s sessions_per_connection', async () => {
    const client = await connect(at('E2'));
    await openChannel(client);
    await openChannel(client);
    await expect(openChannel(client)).rejects.toMatchObject({ reason: 1 });
    const other = await connect(at('E2'));
    await openChannel(other);
    expect(sessions('E2')).toBe(3);
    await closeClient(client);
    await closeClient(other);
    await waitFor(() => sessions('E2') === 0);
  });
});

describe('connections that never log in', () => {
  it('hold no vty line: five silent ones do not lock a real user out', async () => {
    const silent = await Promise.all(Array.from({ length: 5 }, () => rawSocket(at('R2'))));
    await waitFor(() => fleet.runtime('R2')!.startups === 5);
    expect(sessions('R2')).toBe(0);
    expect(await execOnce(at('R2'), 'show clock')).toContain('UTC');
    for (const socket of silent) socket.destroy();
    await waitFor(() => fleet.runtime('R2')!.startups === 0);
  });

  it('are bounded per device (max_startups) and closed after the login grace', async () => {
    const silent = await Promise.all(Array.from({ length: 3 }, () => rawSocket(at('R3'))));
    await waitFor(() => fleet.runtime('R3')!.startups === 3);
    const extra = await rawSocket(at('R3'));
    await closed(extra, 5_000); // past max_startups: closed at once
    await Promise.all(silent.map((s) => closed(s, 10_000))); // login_grace 1s
    await waitFor(() => fleet.runtime('R3')!.startups === 0);
    expect(await execOnce(at('R3'), 'show clock')).toContain('UTC');
  }, 20_000);
});

describe('failed logins', () => {
  it.each([
    ['R2', 3], // IOS ip ssh authentication-retries
    ['N1', 3], // NX-OS ssh login-attempts
    ['E1', 6], // OpenSSH MaxAuthTries
    ['J1', 10], // Junos tries-before-disconnect
    ['R3', 2], // the topology's auth_tries
  ])('%s disconnects after %i failed attempts', async (name, tries) => {
    const { attempts, error } = await guessPasswords(name, 50);
    expect(attempts).toBe(tries);
    expect(error).toMatchObject({ code: 2 }); // SSH_DISCONNECT_PROTOCOL_ERROR, as sshd sends
    expect(await execOnce(at(name), 'show version')).toMatch(/\S/);
  });
});

describe.skipIf(!available('netmiko'))('paramiko', () => {
  it('sees the second channel on an IOS connection refused, administratively', async () => {
    const { host, port } = at('R2');
    const script = `
import paramiko, sys
t = paramiko.Transport((${JSON.stringify(host)}, ${port}))
t.connect(username='admin', password='admin')
first = t.open_session()
try:
    t.open_session()
    print('opened')
except paramiko.ChannelException as e:
    print('refused', e.code, e.text)
t.close()
`;
    const { stdout } = await run(DEBIAN_PYTHON, ['-c', script], { timeout: 20_000 });
    expect(stdout.trim()).toMatch(/^refused 1 /);
    await waitFor(() => sessions('R2') === 0);
  });
});

/** Tries wrong passwords until the server hangs up (at most `max`); counts the attempts sent. */
function guessPasswords(name: string, max: number): Promise<{ attempts: number; error: unknown }> {
  return new Promise((resolve) => {
    const client = new Client();
    let attempts = 0;
    let error: unknown;
    client.on('error', (e) => (error ??= e));
    client.on('close', () => resolve({ attempts, error }));
    client.connect({
      ...at(name),
      username: 'admin',
      readyTimeout: 10_000,
      authHandler: (_methods, _partial, next) => {
        if (attempts >= max) return next(false as never);
        attempts++;
        next({ type: 'password', username: 'admin', password: `wrong${attempts}` });
      },
    });
  });
}

/** Opens a shell channel, which stays open until the connection goes. */
function openChannel(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.shell((error, channel) => (error ? reject(error) : resolve(channel))),
  );
}

function closeClient(client: Client): Promise<void> {
  return new Promise((resolve) => {
    client.once('close', () => resolve());
    client.end();
  });
}

function rawSocket(target: { host: string; port: number }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(target, () => resolve(socket));
    socket.on('error', reject);
  });
}

function closed(socket: Socket, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server kept the connection open')), timeoutMs);
    socket.on('error', () => undefined);
    socket.resume();
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Waits until `sample` stops growing over a few 200 ms looks (at most 10 s). */
async function settle(sample: () => number): Promise<void> {
  let last = sample();
  let steady = 0;
  for (let i = 0; i < 50 && steady < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = sample();
    steady = now <= last + 256 * 1024 ? steady + 1 : 0;
    last = Math.max(last, now);
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
