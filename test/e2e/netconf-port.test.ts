/**
 * The NETCONF port (a box's 830; 8830 here) driven by an ssh2 client: it serves the `netconf`
 * subsystem and nothing else, while the SSH port still gives a shell; `protocols.netconf: false`
 * leaves a device without the listener.
 */
import { connect as tcpConnect } from 'node:net';
import type { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { closedPort } from '../helpers.js';
import { connect, shell } from './ssh.js';

const TOPOLOGY = [
  'name: netconf-port',
  'mgmt: { pool: 127.173.0.0/16 }',
  'nodes:',
  '  r1: {}',
  '  r2: { protocols: { netconf: false } }',
].join('\n');
const EOM = ']]>]]>';

let fleet: Fleet;

beforeAll(async () => {
  // sshPort 0 and no netconfPort: the NETCONF port is picked too, never 8830.
  fleet = await startFleet({
    topology: parseTopology(TOPOLOGY),
    sshPort: 0,
    rest: false,
    commandLatencyMs: 0,
    freezeTime: true,
  });
});
afterAll(() => fleet?.stop());

const device = (name: string) => fleet.devices.find((d) => d.name === name)!;

/** Opens the netconf subsystem and reads the server's hello up to its end-of-message marker. */
function serverHello(client: Client): Promise<string> {
  return new Promise((resolve, reject) => {
    client.subsys('netconf', (error, channel) => {
      if (error) return reject(error);
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no hello; got ${JSON.stringify(text)}`)), 5000);
      channel.on('data', (d: Buffer) => {
        text += d.toString('utf8');
        if (!text.includes(EOM)) return;
        clearTimeout(timer);
        channel.close();
        resolve(text);
      });
    });
  });
}

/** Whether the server grants a shell (resolves false when it refuses the request). */
function shellGranted(client: Client): Promise<boolean> {
  return new Promise((resolve) =>
    client.shell((error, channel) => (error ? resolve(false) : (channel.close(), resolve(true)))),
  );
}

function execGranted(client: Client): Promise<boolean> {
  return new Promise((resolve) =>
    client.exec('show clock', (error, channel) =>
      error ? resolve(false) : (channel.close(), resolve(true)),
    ),
  );
}

/** The error code a TCP connect ends with (undefined when something accepts it). */
function tcpError(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(undefined)));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

async function withClient<T>(host: string, port: number, use: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect({ host, port });
  const gone = new Promise<void>((resolve) => client.once('close', () => resolve()));
  try {
    return await use(client);
  } finally {
    client.end();
    await gone;
  }
}

describe('the NETCONF port', () => {
  it('is picked by the OS with sshPort 0, apart from SSH, and named in the inventory', () => {
    expect(fleet.netconfPort).toBeGreaterThan(0);
    expect(fleet.netconfPort).not.toBe(8830);
    expect(fleet.netconfPort).not.toBe(fleet.sshPort);
    expect(device('r1')).toMatchObject({
      host: '127.173.0.1',
      port: fleet.sshPort,
      netconf_port: fleet.netconfPort,
    });
    expect(device('r2')).not.toHaveProperty('netconf_port');
  });

  it('serves the netconf subsystem: a hello listing base:1.0, closed by ]]>]]>', async () => {
    const r1 = device('r1');
    const hello = await withClient(r1.host, r1.netconf_port!, serverHello);
    expect(hello).toMatch(/<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1\.0">/);
    expect(hello).toContain('<capability>urn:ietf:params:netconf:base:1.0</capability>');
    expect(hello).toMatch(/<session-id>\d+<\/session-id>/);
    expect(hello.trimEnd().endsWith(EOM)).toBe(true);
  });

  it('refuses a shell and an exec, while the SSH port still gives a shell', async () => {
    const r1 = device('r1');
    expect(
      await withClient(r1.host, r1.netconf_port!, async (c) => [await shellGranted(c), await execGranted(c)]),
    ).toEqual([false, false]);
    const prompt = await withClient(r1.host, r1.port!, async (client) => (await shell(client)).expect(/>$/));
    expect(prompt).toBe('\r\nr1>');
  });

  it('netconf: false (up --no-netconf): no device listens on the NETCONF port', async () => {
    const netconfPort = await closedPort('127.175.0.1');
    const bare = await startFleet({
      topology: parseTopology(TOPOLOGY.replace('127.173.', '127.175.')),
      sshPort: 0,
      netconfPort,
      netconf: false,
      rest: false,
      commandLatencyMs: 0,
    });
    try {
      expect(bare.devices.map((d) => d.netconf_port)).toEqual([undefined, undefined]);
      expect(await tcpError('127.175.0.1', netconfPort)).toBe('ECONNREFUSED');
    } finally {
      await bare.stop();
    }
  });

  it('protocols.netconf false: nothing listens on the device NETCONF port, its SSH still serves', async () => {
    const r2 = device('r2');
    expect(await tcpError(r2.host, fleet.netconfPort)).toBe('ECONNREFUSED');
    const prompt = await withClient(r2.host, r2.port!, async (client) => (await shell(client)).expect(/>$/));
    expect(prompt).toBe('\r\nr2>');
  });
});
