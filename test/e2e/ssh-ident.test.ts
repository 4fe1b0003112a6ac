/** What each platform's SSH server says before any key exchange, and how an exec channel ends. */
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFleet, type TestFleet } from '../../client/testing/test-fleet.js';
import { connect } from './ssh.js';

let lab: TestFleet;
beforeAll(async () => {
  lab = await startTestFleet({
    topology: join(import.meta.dirname, 'ansible', 'topology.yaml'),
    rest: false,
  });
});
afterAll(() => lab?.stop());

/** The first line the server sends. */
function identOf(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    let seen = '';
    socket.on('data', (d: Buffer) => {
      seen += d.toString('latin1');
      const end = seen.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(seen.slice(0, end));
      }
    });
    socket.on('error', reject);
    socket.write('SSH-2.0-probe\r\n');
  });
}

const device = (name: string) => lab.devices.find((d) => d.name === name)!;

describe('SSH identification', () => {
  it.each([
    ['ios1', 'SSH-2.0-Cisco-1.25'],
    ['nx1', 'SSH-2.0-OpenSSH_6.2 PKIX FIPS'],
    ['eos1', 'SSH-2.0-OpenSSH_6.6.1'],
    ['jx1', 'SSH-2.0-OpenSSH_7.5'],
  ])('%s sends %s', async (name, ident) => {
    const { host, port } = device(name);
    expect(await identOf(host, port!)).toBe(ident);
  });
});

describe('exec channel', () => {
  it.each(['ios1', 'nx1', 'eos1', 'jx1'])('%s ends a command with exit status 0', async (name) => {
    const { host, port } = device(name);
    const client = await connect({ host, port });
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        client.exec('show version', (error, channel) => {
          if (error) return reject(error);
          let exit: number | null = null;
          channel.on('exit', (c: number | null) => (exit = c));
          channel.on('data', () => undefined);
          channel.on('close', () => resolve(exit));
        });
      });
      expect(code).toBe(0);
    } finally {
      client.end();
    }
  });
});
