/**
 * NETCONF over real SSH (ssh2's Client, `subsys('netconf')`): the hellos and framing, hostile
 * clients (no hello within the login grace, garbage, a message past the cap, a flood of pipelined
 * RPCs), close-session, per-RPC latency, and fleet.stop() with sessions open.
 */
import type { Client, ClientChannel } from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { datastoresOf } from '../../simulator/device/datastores.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { createDeframer, frame, type Deframer } from '../../simulator/format/netconf-framing.js';
import { BASE_1_0, BASE_1_1, NETCONF_LIMITS, sessionsOn } from '../../simulator/netconf/session.js';
import { attributeOf, parseXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { connect } from './ssh.js';

const NC = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const TOPOLOGY = `
name: netconf-ssh
mgmt: { pool: 127.114.0.0/24 }
defaults: { kind: cisco_ios, ssh: { login_grace: 1s } }
nodes:
  nc-ios: { latency: { command: 0ms } }
  lat-ios: { latency: { command: 300ms } }
`;
const SLOW_TOPOLOGY = `
name: netconf-stop
mgmt: { pool: 127.115.0.0/24 }
nodes:
  slow-ios: { kind: cisco_ios, latency: { command: 30m } }
`;

const GET_HOSTNAME =
  '<get-config><source><running/></source><filter type="subtree">' +
  '<native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native"><hostname/></native></filter></get-config>';

interface NetconfChannel {
  client: Client;
  channel: ClientChannel;
  hello: XmlElement;
  next(timeoutMs?: number): Promise<XmlElement>;
  send(text: string): boolean;
  /** Our hello; chunks from then on when both offered base:1.1. */
  sendHello(capabilities?: readonly string[]): void;
  rpc(body: string, id: string): boolean;
  closed: Promise<void>;
  isClosed(): boolean;
}

async function openNetconf(at: { host: string; port: number }): Promise<NetconfChannel> {
  const client = await connect(at);
  client.on('error', () => undefined);
  const channel = await new Promise<ClientChannel>((resolve, reject) =>
    client.subsys('netconf', (error, ch) => (error ? reject(error) : resolve(ch))),
  );
  const deframer: Deframer = createDeframer(64 * 1024 * 1024);
  const inbox: XmlElement[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  const closedPromise = new Promise<void>((resolve) =>
    channel.once('close', () => {
      closed = true;
      wake?.();
      resolve();
    }),
  );
  channel.on('data', (data: Buffer) => {
    deframer.append(data);
    for (let next = deframer.next(); next; next = deframer.next()) {
      if ('error' in next) throw new Error(next.error);
      const parsed = parseXml(next.message);
      if (!parsed.ok) throw new Error(parsed.message);
      inbox.push(parsed.root);
    }
    wake?.();
  });
  const next = (timeoutMs = 10_000) =>
    new Promise<XmlElement>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message in time')), timeoutMs);
      const check = () => {
        if (inbox.length > 0) {
          clearTimeout(timer);
          wake = undefined;
          resolve(inbox.shift()!);
        } else if (closed) {
          clearTimeout(timer);
          reject(new Error('channel closed'));
        }
      };
      wake = check;
      check();
    });
  const hello = await next();
  let framing: 'eom' | 'chunked' = 'eom';
  const self: NetconfChannel = {
    client,
    channel,
    hello,
    next,
    send: (text) => channel.write(text),
    sendHello(capabilities = [BASE_1_0, BASE_1_1]) {
      const caps = capabilities.map((c) => `<capability>${c}</capability>`).join('');
      channel.write(frame(`<hello xmlns="${NC}"><capabilities>${caps}</capabilities></hello>`, 'eom'));
      if (capabilities.includes(BASE_1_1)) framing = deframer.framing = 'chunked';
    },
    rpc: (body, id) => channel.write(frame(`<rpc xmlns="${NC}" message-id="${id}">${body}</rpc>`, framing)),
    closed: closedPromise,
    isClosed: () => closed,
  };
  return self;
}

let fleet: Fleet;
const at = (name: string) => {
  const device = fleet.devices.find((d) => d.name === name)!;
  return { host: device.host, port: device.port! };
};
const open: NetconfChannel[] = [];
const session = async (name: string) => {
  const nc = await openNetconf(at(name));
  open.push(nc);
  return nc;
};
const LIMITS = { ...NETCONF_LIMITS };

beforeAll(async () => {
  fleet = await startFleet({ topology: parseTopology(TOPOLOGY), rest: false, sshPort: 0, freezeTime: true });
});
afterEach(() => {
  Object.assign(NETCONF_LIMITS, LIMITS);
  for (const nc of open.splice(0)) nc.client.end();
});
afterAll(() => fleet?.stop());

describe('NETCONF over the SSH subsystem', () => {
  it('exchanges hellos, then answers in chunks with the message-id echoed', async () => {
    const nc = await session('nc-ios');
    expect(nc.hello.name).toBe('hello');
    nc.sendHello();
    nc.rpc(GET_HOSTNAME, 'urn:uuid:1');
    const reply = await nc.next();
    expect(attributeOf(reply, 'message-id')).toBe('urn:uuid:1');
    expect(reply.children[0]!.children[0]!.children[0]!.text).toBe('nc-ios');
  });

  it('answers a base:1.0 client with end-of-message framing', async () => {
    const nc = await session('nc-ios');
    nc.sendHello([BASE_1_0]);
    nc.rpc(GET_HOSTNAME, '7');
    expect(attributeOf(await nc.next(), 'message-id')).toBe('7');
  });

  it('closes a channel that never sends its hello once the login grace (1 s) is over', async () => {
    const nc = await session('nc-ios');
    await nc.closed;
    expect(sessionsOn(fleet.runtime('nc-ios')!).size).toBe(0);
  });

  it('closes a channel that sends garbage instead of a hello', async () => {
    const nc = await session('nc-ios');
    nc.send('GET / HTTP/1.1\r\n\r\n]]>]]>');
    await nc.closed;
  });

  it('closes a channel whose message passes the cap, holding at most the cap', async () => {
    NETCONF_LIMITS.maxMessageBytes = 256 * 1024;
    const nc = await session('nc-ios');
    nc.sendHello();
    const runtime = fleet.runtime('nc-ios')!;
    const chunk = 'x'.repeat(32 * 1024);
    let most = 0;
    for (let i = 0; i < 64 && !nc.isClosed(); i++) {
      nc.send(`\n#${chunk.length}\n${chunk}`);
      await new Promise((resolve) => setImmediate(resolve));
      for (const s of sessionsOn(runtime).values()) most = Math.max(most, s.bufferedBytes);
    }
    await nc.closed;
    expect(most).toBeLessThanOrEqual(256 * 1024);
  });

  it('answers a flood of pipelined rpcs in order', async () => {
    const nc = await session('nc-ios');
    nc.sendHello();
    const count = 500;
    for (let i = 0; i < count; i++) nc.rpc(GET_HOSTNAME, String(i));
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(attributeOf(await nc.next(), 'message-id')!);
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => String(i)));
  });

  it('holds input while an rpc waits out its latency: what the session buffers stays bounded', async () => {
    const nc = await session('lat-ios');
    nc.sendHello();
    const runtime = fleet.runtime('lat-ios')!;
    const body = 'x'.repeat(60 * 1024);
    // 8 MiB of pipelined RPCs (each a 60 KiB comment-padded get-config) behind one 300 ms wait.
    for (let i = 0; i < 140; i++) nc.rpc(`<!-- ${body} -->${GET_HOSTNAME}`, String(i));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [live] = [...sessionsOn(runtime).values()];
    // The deframer holds what came before input was paused: far less than what was sent.
    expect(live!.bufferedBytes).toBeLessThan(NETCONF_LIMITS.maxMessageBytes);
    expect(attributeOf(await nc.next(), 'message-id')).toBe('0');
    nc.client.end();
  });

  it('answers no sooner than the device command latency (300 ms)', async () => {
    const nc = await session('lat-ios');
    nc.sendHello();
    const started = performance.now();
    nc.rpc(GET_HOSTNAME, '1');
    await nc.next();
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('a connection dropped while an rpc waits ends its session and frees its lock', async () => {
    const nc = await session('lat-ios');
    nc.sendHello();
    nc.rpc('<lock><target><running/></target></lock>', 'lock');
    expect((await nc.next()).children[0]!.name).toBe('ok');
    const runtime = fleet.runtime('lat-ios')!;
    expect(datastoresOf(runtime).locks.running).toBeDefined();
    nc.rpc(GET_HOSTNAME, 'pending');
    (nc.client as unknown as { _sock: { destroy(): void } })._sock.destroy();
    for (let i = 0; i < 100 && datastoresOf(runtime).locks.running !== undefined; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(datastoresOf(runtime).locks.running).toBeUndefined();
    expect(sessionsOn(runtime).size).toBe(0);
  });

  it('close-session answers ok, then closes the channel', async () => {
    const nc = await session('nc-ios');
    nc.sendHello();
    nc.rpc('<close-session/>', 'bye');
    const reply = await nc.next();
    expect(reply.children[0]!.name).toBe('ok');
    await nc.closed;
  });
});

describe('fleet.stop() with NETCONF sessions open', () => {
  it('closes them and leaves no timer: one waiting out a 30-minute latency, one before its hello', async () => {
    const slow = await startFleet({
      topology: parseTopology(SLOW_TOPOLOGY),
      rest: false,
      sshPort: 0,
      freezeTime: true,
    });
    const device = slow.devices[0]!;
    const busy = await openNetconf({ host: device.host, port: device.port! });
    busy.sendHello();
    busy.rpc(GET_HOSTNAME, '1');
    const idle = await openNetconf({ host: device.host, port: device.port! });
    const runtime = slow.runtime('slow-ios')!;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runtime.timers.pending).toBeGreaterThanOrEqual(2);
    await slow.stop();
    expect(runtime.timers.pending).toBe(0);
    await Promise.all([busy.closed, idle.closed]);
    // The server sees its sockets close a turn of the loop after the client does.
    for (let i = 0; i < 100 && sessionsOn(runtime).size > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sessionsOn(runtime).size).toBe(0);
  });
});
