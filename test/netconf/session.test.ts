/**
 * A NetconfSession driven in process: hellos and framing, message-id echo, the rpc-errors RFC 6241
 * prescribes for bad input, hostile clients (no hello, garbage, over the cap, a flood), locks and
 * the candidate between sessions, kill-session, close-session and per-RPC latency.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { datastoresOf } from '../../simulator/device/datastores.js';
import { iosXe } from '../../simulator/netconf/platforms/ios-xe.js';
import { BASE_1_0, BASE_1_1, NETCONF_LIMITS, sessionsOn } from '../../simulator/netconf/session.js';
import { attributeOf, renderXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { find, NC, netconfDevice, openClient, textOf, type TestClient } from './harness.js';

const LIMITS = { ...NETCONF_LIMITS };
afterEach(() => Object.assign(NETCONF_LIMITS, LIMITS));

const ready = async (client: TestClient, capabilities?: readonly string[]) => {
  await client.next();
  client.hello(capabilities);
  return client;
};
const GET_HOSTNAME =
  '<get-config><source><running/></source><filter type="subtree">' +
  '<native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native"><hostname/></native></filter></get-config>';
/** The reply's attributes besides its namespace declaration. */
const echoed = (reply: XmlElement) => reply.attributes.filter(([k]) => k !== 'xmlns');
const idOf = (reply: XmlElement) => attributeOf(reply, 'message-id');
const tagsOf = (reply: XmlElement) =>
  reply.children.filter((c) => c.name === 'rpc-error').map((e) => textOf(e, 'error-tag'));

describe('hello', () => {
  it('sends capabilities and a session id, and answers a 1.0-only client with end-of-message framing', async () => {
    const device = await netconfDevice();
    const client = openClient(device);
    const hello = await client.next();
    expect(hello).toMatchObject({ name: 'hello', ns: NC });
    const caps = find(hello, 'capabilities')!.children.map((c) => c.text);
    expect(caps.slice(0, 2)).toEqual([BASE_1_0, BASE_1_1]);
    expect(Number(textOf(hello, 'session-id'))).toBe(client.session.id);
    client.hello([BASE_1_0]);
    client.rpc(GET_HOSTNAME);
    await client.next();
    expect(client.messages[1]).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rpc-reply /);
  });

  it('switches both directions to chunks when the client offers base:1.1', async () => {
    const device = await netconfDevice();
    const client = await ready(openClient(device));
    client.rpc(GET_HOSTNAME);
    const reply = await client.next();
    expect(textOf(reply, 'hostname')).toBe('agg1');
  });

  it.each([
    ['garbage', 'SSH-2.0-not-netconf\r\n]]>]]>'],
    ['an rpc', `<rpc xmlns="${NC}" message-id="1"><get/></rpc>]]>]]>`],
    [
      'a hello carrying a session-id',
      `<hello xmlns="${NC}"><capabilities><capability>${BASE_1_0}</capability></capabilities><session-id>4</session-id></hello>]]>]]>`,
    ],
    [
      'a hello with no base capability',
      `<hello xmlns="${NC}"><capabilities><capability>urn:x</capability></capabilities></hello>]]>]]>`,
    ],
    [
      'a hello in no namespace',
      `<hello><capabilities><capability>${BASE_1_0}</capability></capabilities></hello>]]>]]>`,
    ],
  ])('closes the session on %s instead of a hello', async (_what, text) => {
    const device = await netconfDevice();
    const client = openClient(device);
    await client.next();
    client.send(text);
    await client.whenClosed();
    expect(client.messages).toHaveLength(1);
    expect(sessionsOn(device).size).toBe(0);
  });

  it('closes a client that never sends its hello once the grace is over, leaving no timer', async () => {
    const device = await netconfDevice();
    const client = openClient(device, { helloTimeoutMs: 20 });
    await client.whenClosed();
    expect(device.timers.pending).toBe(0);
  });

  it('closes the session on a second hello', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.hello();
    await client.whenClosed();
  });
});

describe('rpc', () => {
  it('echoes message-id and every other attribute of the rpc, prefixed rpc included', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.message(
      `<nc:rpc xmlns:nc="${NC}" message-id="urn:uuid:42" xmlns:x="urn:x" x:trace="7" color="red">` +
        `<nc:get-config><nc:source><nc:running/></nc:source></nc:get-config></nc:rpc>`,
    );
    const reply = await client.next();
    expect(echoed(reply)).toEqual([
      ['xmlns:nc', NC],
      ['message-id', 'urn:uuid:42'],
      ['xmlns:x', 'urn:x'],
      ['x:trace', '7'],
      ['color', 'red'],
    ]);
    expect(reply.ns).toBe(NC);
  });

  it('answers an rpc without message-id with RFC 6241 §4.1 missing-attribute, exactly', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.message(`<rpc xmlns="${NC}">${GET_HOSTNAME}</rpc>`);
    const reply = await client.next();
    expect(renderXml(reply)).toBe(
      `<rpc-reply xmlns="${NC}"><rpc-error><error-type>rpc</error-type><error-tag>missing-attribute</error-tag>` +
        '<error-severity>error</error-severity><error-info><bad-attribute>message-id</bad-attribute>' +
        '<bad-element>rpc</bad-element></error-info></rpc-error></rpc-reply>',
    );
  });

  it('answers malformed XML with malformed-message on base:1.1 and goes on', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.message(`<rpc xmlns="${NC}" message-id="1"><get></rpc>`);
    const reply = await client.next();
    expect(echoed(reply)).toEqual([]);
    expect(tagsOf(reply)).toEqual(['malformed-message']);
    expect(textOf(reply, 'error-type')).toBe('rpc');
    client.rpc(GET_HOSTNAME);
    expect(textOf(await client.next(), 'hostname')).toBe('agg1');
  });

  it('answers malformed XML on base:1.0 with operation-failed (malformed-message is 1.1 only)', async () => {
    const client = await ready(openClient(await netconfDevice()), [BASE_1_0]);
    client.message('<rpc><<<');
    expect(tagsOf(await client.next())).toEqual(['operation-failed']);
    client.rpc(GET_HOSTNAME);
    expect(textOf(await client.next(), 'hostname')).toBe('agg1');
  });

  it('refuses an rpc with two operations, one with none, and a message that is not an rpc', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.rpc(`${GET_HOSTNAME}${GET_HOSTNAME}`, 'message-id="2ops"');
    const two = await client.next();
    expect(tagsOf(two)).toEqual(['malformed-message']);
    expect(echoed(two)).toEqual([['message-id', '2ops']]);
    client.rpc('');
    expect(tagsOf(await client.next())).toEqual(['malformed-message']);
    client.message(`<notrpc xmlns="${NC}" message-id="3"/>`);
    expect(tagsOf(await client.next())).toEqual(['malformed-message']);
  });

  it('answers an unknown operation with operation-not-supported and the message-id', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.rpc('<frobnicate/>', 'message-id="u1"');
    const reply = await client.next();
    expect(echoed(reply)).toEqual([['message-id', 'u1']]);
    expect(tagsOf(reply)).toEqual(['operation-not-supported']);
  });

  it('answers a get bigger than the reply cap with too-big', async () => {
    const client = await ready(openClient(await netconfDevice()));
    NETCONF_LIMITS.maxReplyBytes = 2048;
    client.rpc('<get/>', 'message-id="big"');
    const reply = await client.next();
    expect(tagsOf(reply)).toEqual(['too-big']);
    expect(echoed(reply)).toEqual([['message-id', 'big']]);
  });

  it('returns list keys with what a filter selects inside entries (RFC 6241 §6.2.5)', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.rpc(
      '<get-config><source><running/></source><filter type="subtree">' +
        '<interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"><interface><enabled/></interface></interfaces>' +
        '</filter></get-config>',
    );
    const entries = find(await client.next(), 'interfaces')!.children;
    expect(entries.length).toBeGreaterThan(1);
    for (const entry of entries) expect(entry.children.map((c) => c.name)).toEqual(['name', 'enabled']);
  });

  it('follows type="xpath" when a filter holds both a select and subtree content', async () => {
    const client = await ready(openClient(await netconfDevice()));
    client.message(
      `<rpc xmlns="${NC}" message-id="x" xmlns:n="http://cisco.com/ns/yang/Cisco-IOS-XE-native">` +
        '<get-config><source><running/></source><filter type="xpath" select="/n:native/n:hostname">' +
        '<interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"/></filter></get-config></rpc>',
    );
    const data = find(await client.next(), 'data')!;
    expect(data.children.map((c) => c.name)).toEqual(['native']);
  });
});

describe('hostile input', () => {
  it('closes a session whose message passes the cap, holding no more than the cap', async () => {
    NETCONF_LIMITS.maxMessageBytes = 64 * 1024;
    const client = await ready(openClient(await netconfDevice()));
    const chunk = Buffer.alloc(16 * 1024, 'x');
    let most = 0;
    for (let i = 0; i < 64 && !client.closed; i++) {
      client.send(`\n#${chunk.length}\n`);
      client.send(chunk);
      most = Math.max(most, client.session.bufferedBytes);
    }
    await client.whenClosed();
    expect(most).toBeLessThanOrEqual(64 * 1024);
    expect(client.session.bufferedBytes).toBe(0);
  });

  it('answers a flood of pipelined rpcs in order without recursing per rpc', async () => {
    const client = await ready(openClient(await netconfDevice()));
    const count = 2000;
    const wire: string[] = [];
    for (let i = 0; i < count; i++) {
      const body = `<rpc xmlns="${NC}" message-id="${i}"><lock><target><running/></target></lock></rpc>`;
      wire.push(`\n#${body.length}\n${body}\n##\n`);
    }
    client.send(wire.join(''));
    const ids = [];
    for (let i = 0; i < count; i++) ids.push(idOf(await client.next()));
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => String(i)));
    // Answered at once, each reply's callback goes back to the one loop: the stack stays flat.
    expect(client.deepestWrite).toBeLessThan(100);
  });

  it('pauses input while an rpc waits out its latency, and answers in order', async () => {
    const device = await netconfDevice('agg1', 5);
    const client = await ready(openClient(device));
    for (let i = 0; i < 20; i++) client.rpc(GET_HOSTNAME, `message-id="${i}"`);
    expect(client.paused).toBe(true);
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(idOf(await client.next()));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(client.paused).toBe(false);
    expect(client.pauses).toBeGreaterThanOrEqual(1);
  });
});

describe('locks and sessions', () => {
  const LOCK = (store: string) => `<lock><target><${store}/></target></lock>`;
  const UNLOCK = (store: string) => `<unlock><target><${store}/></target></unlock>`;
  const SET_HOSTNAME = (name: string, store = 'running') =>
    `<edit-config><target><${store}/></target><config><native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native">` +
    `<hostname>${name}</hostname></native></config></edit-config>`;

  it('denies a held lock naming its holder, refuses unlock by another, and frees it when the holder ends', async () => {
    const device = await netconfDevice();
    const a = await ready(openClient(device));
    const b = await ready(openClient(device));
    a.rpc(LOCK('running'));
    expect((await a.next()).children[0]!.name).toBe('ok');
    b.rpc(LOCK('running'));
    const denied = await b.next();
    expect(tagsOf(denied)).toEqual(['lock-denied']);
    expect(textOf(denied, 'session-id')).toBe(String(a.session.id));
    b.rpc(UNLOCK('running'));
    expect(tagsOf(await b.next())).toEqual(['operation-failed']);
    b.rpc(SET_HOSTNAME('other'));
    expect(tagsOf(await b.next())).toEqual(['in-use']);
    expect(device.config().hostname).toBe('agg1');
    a.session.end();
    expect(datastoresOf(device).locks.running).toBeUndefined();
    b.rpc(LOCK('running'));
    expect((await b.next()).children[0]!.name).toBe('ok');
  });

  it('kill-session ends another session and frees its locks; refuses itself and unknown ids', async () => {
    const device = await netconfDevice();
    const a = await ready(openClient(device));
    const b = await ready(openClient(device));
    b.rpc(LOCK('running'));
    await b.next();
    a.rpc(`<kill-session><session-id>${a.session.id}</session-id></kill-session>`);
    expect(tagsOf(await a.next())).toEqual(['invalid-value']);
    a.rpc('<kill-session><session-id>999</session-id></kill-session>');
    expect(tagsOf(await a.next())).toEqual(['invalid-value']);
    a.rpc('<kill-session/>');
    expect(tagsOf(await a.next())).toEqual(['missing-element']);
    a.rpc(`<kill-session><session-id>${b.session.id}</session-id></kill-session>`);
    expect((await a.next()).children[0]!.name).toBe('ok');
    await b.whenClosed();
    expect(datastoresOf(device).locks.running).toBeUndefined();
    expect([...sessionsOn(device).keys()]).toEqual([a.session.id]);
  });

  it('discards the candidate when the session that locked it ends without commit', async () => {
    const device = await netconfDevice();
    const platform = { ...iosXe, datastores: ['candidate' as const] };
    const a = await ready(openClient(device, { platform }));
    a.rpc(LOCK('candidate'));
    await a.next();
    a.rpc(SET_HOSTNAME('edited', 'candidate'));
    expect((await a.next()).children[0]!.name).toBe('ok');
    expect(datastoresOf(device).candidate?.hostname).toBe('edited');
    const b = await ready(openClient(device, { platform }));
    b.rpc(LOCK('candidate'));
    expect(textOf(await b.next(), 'session-id')).toBe(String(a.session.id));
    a.session.end();
    expect(datastoresOf(device).candidate).toBeUndefined();
    expect(device.config().hostname).toBe('agg1');
    b.rpc(LOCK('candidate'));
    expect((await b.next()).children[0]!.name).toBe('ok');
  });

  it('edit-config is all or nothing, whatever the error-option', async () => {
    const device = await netconfDevice();
    const a = await ready(openClient(device));
    a.rpc(
      '<edit-config><target><running/></target><error-option>continue-on-error</error-option><config>' +
        '<native xmlns="http://cisco.com/ns/yang/Cisco-IOS-XE-native"><hostname>first</hostname><banner/></native>' +
        '</config></edit-config>',
    );
    expect(tagsOf(await a.next())).toEqual(['unknown-element']);
    expect(device.config().hostname).toBe('agg1');
  });

  it('close-session answers ok, then closes and ignores what follows', async () => {
    const device = await netconfDevice();
    const a = await ready(openClient(device));
    a.rpc('<close-session/>', 'message-id="bye"');
    a.rpc(GET_HOSTNAME);
    const reply = await a.next();
    expect(echoed(reply)).toEqual([['message-id', 'bye']]);
    expect(reply.children[0]!.name).toBe('ok');
    await a.whenClosed();
    expect(a.messages).toHaveLength(2);
  });
});

describe('latency', () => {
  it('answers no sooner than the configured command latency', async () => {
    const device = await netconfDevice('agg1', 120);
    const client = await ready(openClient(device));
    const started = performance.now();
    client.rpc(GET_HOSTNAME);
    await client.next();
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
  });

  it('ending a session mid-latency cancels its reply and leaves no timer', async () => {
    const device = await netconfDevice('agg1', 60_000);
    const client = await ready(openClient(device));
    client.rpc(GET_HOSTNAME);
    expect(device.timers.pending).toBe(1);
    client.session.end();
    expect(device.timers.pending).toBe(0);
    expect(client.closed).toBe(true);
  });
});
