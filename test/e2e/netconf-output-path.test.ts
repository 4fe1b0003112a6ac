/**
 * The NETCONF reply path over real SSH adds only the latency configured: on a device at 0 ms with
 * no output rate a reply goes out from the RPC's own turn (no latency timer, no pacing tick),
 * while a device with an output rate paces its reply through the fleet's timers.
 */
import type { Client, ClientChannel } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { connect } from './ssh.js';

const NC = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const EOM = ']]>]]>';
const TOPOLOGY = `
name: netconf-output
mgmt: { pool: 127.116.0.0/24 }
defaults: { kind: cisco_ios }
nodes:
  fast-ios: { model: "C9300-48P", latency: { command: 0ms } }
  paced-ios: { model: "C9300-48P", latency: { command: 0ms, output_rate: 4KiB/s } }
links:
  - endpoints: ["fast-ios:GigabitEthernet1/0/1", "paced-ios:GigabitEthernet1/0/1"]
`;
const CDP_GET = (id: number) =>
  `<rpc xmlns="${NC}" message-id="${id}"><get><filter type="subtree">` +
  `<cdp-neighbor-details xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper"/></filter></get></rpc>${EOM}`;

let fleet: Fleet;
const clients: Client[] = [];

beforeAll(async () => {
  fleet = await startFleet({ topology: parseTopology(TOPOLOGY), rest: false, sshPort: 0, freezeTime: true });
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  for (const c of clients) c.end();
  await fleet?.stop();
});

/** A base:1.0 session: `next()` resolves with the next whole message. */
async function open(name: string): Promise<{ channel: ClientChannel; next(): Promise<string> }> {
  const device = fleet.devices.find((d) => d.name === name)!;
  const client = await connect({ host: device.host, port: device.port! });
  clients.push(client);
  const channel = await new Promise<ClientChannel>((resolve, reject) =>
    client.subsys('netconf', (error, ch) => (error ? reject(error) : resolve(ch))),
  );
  let buffer = '';
  let wake: (() => void) | undefined;
  channel.on('data', (data: Buffer) => {
    buffer += data.toString('utf8');
    wake?.();
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message from ${name} in time`)), 15_000);
      const check = () => {
        const at = buffer.indexOf(EOM);
        if (at < 0) return;
        clearTimeout(timer);
        wake = undefined;
        const message = buffer.slice(0, at);
        buffer = buffer.slice(at + EOM.length);
        resolve(message);
      };
      wake = check;
      check();
    });
  await next();
  channel.write(
    `<hello xmlns="${NC}"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>${EOM}`,
  );
  return { channel, next };
}

describe('NETCONF reply path', () => {
  it('at 0 ms and no output rate, no timer is scheduled for any reply', async () => {
    const device = fleet.runtime('fast-ios')!;
    const nc = await open('fast-ios');
    // The first reply: the client's hello is in (the login grace's timer is gone).
    nc.channel.write(CDP_GET(1));
    expect(await nc.next()).toContain('<cdp-neighbor-details');
    const scheduled = vi.spyOn(device.timers, 'after');
    for (let id = 2; id <= 10; id++) {
      nc.channel.write(CDP_GET(id));
      expect(await nc.next()).toContain(`message-id="${id}"`);
    }
    expect(scheduled).not.toHaveBeenCalled();
    expect(device.timers.pending).toBe(0);
  });

  it('with an output rate, the reply is paced through the fleet timers', async () => {
    const device = fleet.runtime('paced-ios')!;
    const nc = await open('paced-ios');
    const scheduled = vi.spyOn(device.timers, 'after');
    nc.channel.write(CDP_GET(1));
    expect(await nc.next()).toContain('<cdp-neighbor-details');
    // The reply (about 1 KB) at 4 KiB/s: 41 bytes a tick, one tick every 10 ms.
    expect(scheduled.mock.calls.length).toBeGreaterThan(10);
    expect(scheduled.mock.calls.every(([ms]) => ms === 10)).toBe(true);
  });
});
