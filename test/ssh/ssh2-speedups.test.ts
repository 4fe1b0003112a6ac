import ssh2, { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type RunningFleet } from '../../client/testing/index.js';
import { installSsh2Speedups } from '../../simulator/ssh2-speedups.js';
import { generateUsableKeyPair } from '../../simulator/ssh/host-keys.js';

/** Logs in with only `kex` offered, runs `show clock` over exec; resolves with what it printed. */
function showClock(target: { host: string; port: number }, kex: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let out = '';
    client.on('error', reject);
    client.on('ready', () =>
      client.exec('show clock', (error, channel) => {
        if (error) return reject(error);
        channel.on('data', (d: Buffer) => (out += d.toString()));
        channel.on('close', () => {
          client.end();
          resolve(out);
        });
      }),
    );
    client.connect({
      ...target,
      username: 'admin',
      password: 'admin',
      algorithms: { kex: [kex as ssh2.KexAlgorithm] },
      readyTimeout: 10_000,
    });
  });
}

describe('ssh2 speed-ups', () => {
  let lab: RunningFleet;
  beforeAll(async () => {
    lab = await startFleet('routers-10', {
      freezeTime: true,
      commandLatencyMs: 0,
      rest: false,
      netconf: false,
    });
  });
  afterAll(() => lab.close());

  it('find the ssh2 internals they hook (an ssh2 upgrade that moves them shows here)', () => {
    expect(installSsh2Speedups()).toBe(true);
  });

  it('verify as ssh2 does: a good signature, a tampered one, RSA with and without a hash named', () => {
    installSsh2Speedups();
    const ed = generateUsableKeyPair('ed25519');
    const [edPrivate, edPublic] = [
      ssh2.utils.parseKey(ed.private),
      ssh2.utils.parseKey(ed.public),
    ] as ssh2.ParsedKey[];
    const signature = edPrivate!.sign(Buffer.from('exchange hash'));
    expect(edPublic!.verify(Buffer.from('exchange hash'), signature)).toBe(true);
    expect(edPublic!.verify(Buffer.from('exchange hasH'), signature)).toBe(false);
    const rsa = ssh2.utils.generateKeyPairSync('rsa', { bits: 2048 });
    const [rsaPrivate, rsaPublic] = [
      ssh2.utils.parseKey(rsa.private),
      ssh2.utils.parseKey(rsa.public),
    ] as ssh2.ParsedKey[];
    expect(rsaPublic!.verify(Buffer.from('x'), rsaPrivate!.sign(Buffer.from('x'), 'sha512'), 'sha512')).toBe(
      true,
    );
    expect(rsaPublic!.verify(Buffer.from('x'), rsaPrivate!.sign(Buffer.from('x')))).toBe(true);
    expect(rsaPublic!.verify(Buffer.from('y'), rsaPrivate!.sign(Buffer.from('x')))).toBe(false);
  });

  it('log in over curve25519 (the hooked exchange) and over ECDH and DH (ssh2 alone), the same output', async () => {
    const target = { host: lab.devices[0]!.host, port: lab.devices[0]!.port! };
    const outputs = [];
    for (const kex of [
      'curve25519-sha256',
      'curve25519-sha256@libssh.org',
      'ecdh-sha2-nistp256',
      'diffie-hellman-group14-sha256',
    ])
      for (let i = 0; i < 3; i++) outputs.push(await showClock(target, kex));
    expect(outputs[0]).toMatch(/\d\d:\d\d:\d\d/);
    expect(new Set(outputs).size).toBe(1);
  });
});
