/**
 * The client's NETCONF session against scripted servers that misbehave as broken boxes and
 * middleboxes do: garbage framing, a reply past the cap, silence, a wrong message-id, an old box
 * that speaks base:1.0 only. Each is one device's error, with its code; nothing throws past it.
 */
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientError } from '../../client/errors.js';
import type { Target } from '../../client/target.js';
import { openNetconfSession } from '../../client/transport/netconf-session.js';
import { generateUsableKey } from '../../simulator/ssh/host-keys.js';

const BASE = 'urn:ietf:params:xml:ns:netconf:base:1.0';
const hello = (caps: string[]) =>
  `<hello xmlns="${BASE}"><capabilities>${caps.map((c) => `<capability>${c}</capability>`).join('')}</capabilities><session-id>7</session-id></hello>]]>]]>`;
const BOTH = ['urn:ietf:params:netconf:base:1.0', 'urn:ietf:params:netconf:base:1.1'];
const chunk = (text: string) => `\n#${Buffer.byteLength(text)}\n${text}\n##\n`;

/** What the scripted device does with each message after the hellos (the client's hello is message 0). */
type Script = (message: string, index: number, write: (text: string) => void) => void;

let server: ssh2.Server;
let port: number;
const scripts = new Map<string, { greeting: string; script: Script }>();

beforeAll(async () => {
  server = new ssh2.Server({ hostKeys: [generateUsableKey('ed25519')] }, (client) => {
    let user = '';
    client.on('authentication', (ctx) => {
      user = ctx.username;
      if (ctx.method === 'password' && ctx.password === 'admin') ctx.accept();
      else ctx.reject(['password']);
    });
    client.on('error', () => undefined);
    client.on('ready', () =>
      client.on('session', (accept) => {
        const session = accept();
        session.on('subsystem', (acceptSubsystem, reject, info) => {
          const entry = scripts.get(user);
          if (info.name !== 'netconf' || !entry) return reject();
          const channel = acceptSubsystem();
          channel.on('error', () => undefined);
          channel.write(entry.greeting);
          let buffer = '';
          let index = 0;
          channel.on('data', (data: Buffer) => {
            buffer += data.toString();
            // Good enough for scripted replies: split the client's messages on either framing's end.
            for (let m = /\]\]>\]\]>|\n##\n/.exec(buffer); m; m = /\]\]>\]\]>|\n##\n/.exec(buffer)) {
              const message = buffer.slice(0, m.index).replace(/\n#\d+\n/g, '');
              buffer = buffer.slice(m.index + m[0].length);
              entry.script(message, index++, (text) => channel.write(text));
            }
          });
        });
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function target(user: string): Target {
  return { name: user, platform: 'cisco_ios', host: '127.0.0.1', port, username: user, password: 'admin' };
}

const TIMEOUTS = { connectMs: 3000, commandMs: 1000 };
const replyFor = (message: string, body: string) =>
  `<rpc-reply xmlns="${BASE}" message-id="${/message-id="(\d+)"/.exec(message)?.[1]}">${body}</rpc-reply>`;

/** Runs one `<get/>` against a scripted device; the error's code and message, or the reply. */
async function getFrom(
  user: string,
  greeting: string,
  script: Script,
  maxReplyBytes?: number,
): Promise<{ code: string; message: string } | { reply: string; framing: string }> {
  scripts.set(user, { greeting, script });
  try {
    const session = await openNetconfSession(target(user), TIMEOUTS, maxReplyBytes ? { maxReplyBytes } : {});
    try {
      const reply = await session.rpc('<get/>');
      return { reply: reply.children.map((c) => c.name).join(','), framing: session.framing };
    } finally {
      session.close();
    }
  } catch (error) {
    return { code: (error as ClientError).code, message: (error as Error).message };
  }
}

describe('the NETCONF session against misbehaving devices', () => {
  it('speaks chunks with a base:1.1 box and end-of-message with a base:1.0-only one', async () => {
    expect(
      await getFrom('modern', hello(BOTH), (m, i, write) => {
        if (i > 0) write(chunk(replyFor(m, '<data/>')));
      }),
    ).toEqual({ reply: 'data', framing: 'chunked' });
    expect(
      await getFrom('old', hello([BOTH[0]!]), (m, i, write) => {
        if (i > 0) write(`${replyFor(m, '<data/>')}]]>]]>`);
      }),
    ).toEqual({ reply: 'data', framing: 'eom' });
  });

  it.each<[string, string, Script, number | undefined, string, RegExp]>([
    [
      'garbage where a chunk is due',
      hello(BOTH),
      (_m, i, write) => i > 0 && write('HTTP/1.1 400 Bad Request\r\n\r\n'),
      undefined,
      'COMMAND_FAILED',
      /NETCONF framing error: a chunk header \(\\n#\) was due/,
    ],
    [
      'a reply past the cap',
      hello(BOTH),
      (m, i, write) => i > 0 && write(chunk(replyFor(m, `<data>${'x'.repeat(5000)}</data>`))),
      4096,
      'COMMAND_FAILED',
      /NETCONF framing error: a message larger than 4096 bytes/,
    ],
    [
      'silence after the rpc',
      hello(BOTH),
      () => undefined,
      undefined,
      'TIMEOUT',
      /no reply to message 1 within 1000 ms/,
    ],
    [
      'a reply for another message',
      hello(BOTH),
      (_m, i, write) => i > 0 && write(chunk(`<rpc-reply xmlns="${BASE}" message-id="99"><ok/></rpc-reply>`)),
      undefined,
      'COMMAND_FAILED',
      /a reply for message-id 99 came while 1 was awaited/,
    ],
    [
      'a hello without any base capability',
      hello(['urn:example:nothing']),
      () => undefined,
      undefined,
      'COMMAND_FAILED',
      /offers neither/,
    ],
    [
      'a hello that is not XML',
      'SSH-2.0-garbage\r\n]]>]]>',
      () => undefined,
      undefined,
      'COMMAND_FAILED',
      /the device hello is not XML/,
    ],
    [
      'a reply cut off mid-chunk',
      hello(BOTH),
      (_m, i, write) => i > 0 && write('\n#100\n<rpc-reply'),
      undefined,
      'TIMEOUT',
      /within 1000 ms/,
    ],
  ])('%s is one device error', async (name, greeting, script, cap, code, message) => {
    const result = await getFrom(name.replace(/\W+/g, '-'), greeting, script, cap);
    expect(result).toMatchObject({ code, message: expect.stringMatching(message) as string });
  });

  it('a device that refuses the subsystem says so', async () => {
    scripts.delete('nobody');
    await expect(openNetconfSession(target('nobody'), TIMEOUTS)).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      message: expect.stringMatching(
        /refused the netconf subsystem \(is NETCONF enabled on this cisco_ios device\?\)/,
      ) as string,
    });
  });
});
