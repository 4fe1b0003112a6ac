/**
 * A NETCONF session over SSH (RFC 6241/6242): the SSH login the CLI transport uses, the `netconf`
 * subsystem, the device's `<hello>` read and ours sent (base:1.0 and base:1.1; chunked framing
 * when both speak 1.1), then one `<rpc>` at a time with its message-id checked on the reply.
 * Replies are capped; a framing error, XML that does not parse or a reply for another message
 * fails this device's session only. `close()` sends `<close-session/>` and ends the connection.
 */
import type { Client, ClientChannel } from 'ssh2';
import { ClientError } from '../errors.js';
import type { Target, Timeouts } from '../target.js';
import type { TimelineRecorder } from '../timeline.js';
import { createDeframer, frame, type Framing } from '../../simulator/format/netconf-framing.js';
import { childrenNamed, childText, findAll, parseNetconfXml, type XmlNode } from './netconf-xml.js';
import { login } from './ssh-session.js';

export const NETCONF_BASE_NS = 'urn:ietf:params:xml:ns:netconf:base:1.0';
export const BASE_1_0 = 'urn:ietf:params:netconf:base:1.0';
export const BASE_1_1 = 'urn:ietf:params:netconf:base:1.1';

/** The largest reply the client holds (a big box's full `<get>` fits many times over). */
export const MAX_REPLY_BYTES = 32 * 1024 * 1024;

export interface NetconfSession {
  /** The device's capabilities, as its hello listed them. */
  readonly capabilities: readonly string[];
  readonly framing: Framing;
  readonly sessionId?: string;
  /**
   * Sends one operation (the XML inside `<rpc>`); resolves with the `<rpc-reply>`. An `<rpc-error>`
   * of severity error rejects as COMMAND_FAILED quoting the device's message.
   */
  rpc(operation: string): Promise<XmlNode>;
  /** The raw text of the reply to one operation, for `collect --raw`. */
  rpcText(operation: string): Promise<string>;
  close(): void;
}

export interface NetconfSessionOptions {
  maxReplyBytes?: number;
  /** Records `connect` and `auth` (the SSH login), then a `shell` span for the subsystem and hellos. */
  recorder?: TimelineRecorder;
}

/** Where a target's NETCONF listens: its own port when the inventory names one, else its SSH port. */
export function netconfPortOf(target: Target): number {
  return target.netconfPort ?? target.port;
}

export async function openNetconfSession(
  target: Target,
  timeouts: Timeouts,
  options: NetconfSessionOptions = {},
): Promise<NetconfSession> {
  const port = netconfPortOf(target);
  const where = `${target.host}:${port}`;
  const { recorder } = options;
  const client = await login({ ...target, port }, timeouts.connectMs, recorder);
  const helloStart = recorder?.now() ?? 0;
  try {
    const channel = await openSubsystem(client, where, target);
    const wire = new MessageReader(channel, where, options.maxReplyBytes ?? MAX_REPLY_BYTES);
    const helloText = await wire.next(timeouts.connectMs, 'device hello');
    const hello = readHello(helloText, where);
    channel.write(frame(CLIENT_HELLO, 'eom'));
    const framing: Framing = hello.capabilities.includes(BASE_1_1) ? 'chunked' : 'eom';
    wire.framing = framing;
    recorder?.end('shell', 'hello', helloStart);
    return createSession(client, channel, wire, hello, framing, timeouts, where);
  } catch (error) {
    recorder?.end('shell', 'hello', helloStart, true);
    client.end();
    throw error;
  }
}

const CLIENT_HELLO =
  `<?xml version="1.0" encoding="UTF-8"?><hello xmlns="${NETCONF_BASE_NS}"><capabilities>` +
  `<capability>${BASE_1_0}</capability><capability>${BASE_1_1}</capability></capabilities></hello>`;

function openSubsystem(client: Client, where: string, target: Target): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.subsys('netconf', (error, channel) =>
      error
        ? reject(
            new ClientError(
              'COMMAND_FAILED',
              `${where}: the device refused the netconf subsystem (is NETCONF enabled on this ${target.platform} device?)`,
              { cause: error },
            ),
          )
        : resolve(channel),
    ),
  );
}

interface Hello {
  capabilities: string[];
  sessionId?: string;
}

/** The device's `<hello>`: its capabilities (base:1.0 or base:1.1 among them) and session-id. */
export function readHello(text: string, where: string): Hello {
  const parsed = parseNetconfXml(text.trim());
  if (!parsed.ok)
    throw new ClientError('COMMAND_FAILED', `${where}: the device hello is not XML: ${parsed.message}`);
  if (parsed.root.name !== 'hello')
    throw new ClientError(
      'COMMAND_FAILED',
      `${where}: expected <hello>, the device sent <${parsed.root.name}>`,
    );
  const capabilities = findAll(parsed.root, 'capability').map((c) => c.text);
  if (!capabilities.includes(BASE_1_0) && !capabilities.includes(BASE_1_1))
    throw new ClientError(
      'COMMAND_FAILED',
      `${where}: the device hello offers neither ${BASE_1_0} nor ${BASE_1_1}`,
    );
  const sessionId = childText(parsed.root, 'session-id');
  return { capabilities, ...(sessionId ? { sessionId } : {}) };
}

function createSession(
  client: Client,
  channel: ClientChannel,
  wire: MessageReader,
  hello: Hello,
  framing: Framing,
  timeouts: Timeouts,
  where: string,
): NetconfSession {
  let lastId = 0;
  let closed = false;
  /** RPCs go one at a time: a reply is read before the next is sent. */
  let queue: Promise<unknown> = Promise.resolve();

  const exchange = (operation: string): Promise<{ text: string; reply: XmlNode }> => {
    const run = async () => {
      const id = String(++lastId);
      channel.write(frame(`<rpc xmlns="${NETCONF_BASE_NS}" message-id="${id}">${operation}</rpc>`, framing));
      const text = await wire.next(timeouts.commandMs, `reply to message ${id}`);
      return { text, reply: readReply(text, id, where) };
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    capabilities: hello.capabilities,
    framing,
    ...(hello.sessionId ? { sessionId: hello.sessionId } : {}),
    rpc: async (operation) => {
      const { reply } = await exchange(operation);
      throwRpcErrors(reply, where, operation);
      return reply;
    },
    rpcText: async (operation) => (await exchange(operation)).text.trim(),
    close: () => {
      if (closed) return;
      closed = true;
      if (channel.destroyed || wire.closed) return void client.end();
      // Polite close: the device ends the session on its reply; never wait long for it.
      const end = () => {
        clearTimeout(timer);
        client.end();
      };
      const timer = setTimeout(end, Math.min(timeouts.commandMs, 2000));
      channel.once('close', end);
      channel.write(
        frame(`<rpc xmlns="${NETCONF_BASE_NS}" message-id="${++lastId}"><close-session/></rpc>`, framing),
      );
      wire.onMessage(end);
    },
  };
}

/** An `<rpc-reply>` whose message-id is ours. */
export function readReply(text: string, id: string, where: string): XmlNode {
  const parsed = parseNetconfXml(text.trim());
  if (!parsed.ok)
    throw new ClientError(
      'COMMAND_FAILED',
      `${where}: the reply to message ${id} is not XML: ${parsed.message}`,
    );
  const reply = parsed.root;
  if (reply.name !== 'rpc-reply')
    throw new ClientError(
      'COMMAND_FAILED',
      `${where}: expected <rpc-reply>, the device sent <${reply.name}>`,
    );
  const echoed = reply.attributes['message-id'];
  if (echoed !== undefined && echoed !== id)
    throw new ClientError(
      'COMMAND_FAILED',
      `${where}: a reply for message-id ${echoed} came while ${id} was awaited`,
    );
  return reply;
}

/** Rejects a reply holding an `<rpc-error>` of severity error, quoting the device. */
export function throwRpcErrors(reply: XmlNode, where: string, operation: string): void {
  const errors = childrenNamed(reply, 'rpc-error').filter(
    (e) => childText(e, 'error-severity') !== 'warning',
  );
  if (errors.length === 0) return;
  const first = errors[0]!;
  const message = childText(first, 'error-message') ?? childText(first, 'error-tag') ?? 'rpc-error';
  const bad = findAll(first, 'bad-element')[0]?.text;
  const what = /^<([\w:.-]+)/.exec(operation.trim())?.[1] ?? 'rpc';
  throw new ClientError(
    'COMMAND_FAILED',
    `${where}: the device refused <${what}>: ${message}${bad ? ` (${bad})` : ''}`,
  );
}

/** Deframes the channel's bytes and hands out one message per `next()`, each wait bounded. */
class MessageReader {
  private readonly deframer;
  private readonly messages: string[] = [];
  private failure?: ClientError;
  private waiting?: { done: (text: string) => void; fail: (error: ClientError) => void };
  private listener?: () => void;
  closed = false;

  constructor(
    private readonly channel: ClientChannel,
    private readonly where: string,
    maxBytes: number,
  ) {
    this.deframer = createDeframer(maxBytes, { tolerateBlanks: true });
    channel.on('data', (data: Buffer) => this.receive(data));
    channel.on('error', () => undefined);
    channel.on('close', () => {
      this.closed = true;
      this.failWith(new ClientError('SESSION_CLOSED', `${where}: the device closed the NETCONF session`));
    });
  }

  set framing(framing: Framing) {
    this.deframer.framing = framing;
  }

  /** Calls `fn` at the next message (once). */
  onMessage(fn: () => void): void {
    this.listener = fn;
  }

  next(timeoutMs: number, what: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const ready = this.messages.shift();
      if (ready !== undefined) return resolve(ready);
      if (this.failure) return reject(this.failure);
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new ClientError('TIMEOUT', `${this.where}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = {
        done: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  private receive(data: Buffer): void {
    if (this.failure) return;
    this.deframer.append(data);
    for (let frame = this.deframer.next(); frame; frame = this.deframer.next()) {
      if ('error' in frame) {
        this.failWith(
          new ClientError('COMMAND_FAILED', `${this.where}: NETCONF framing error: ${frame.error}`),
        );
        this.channel.destroy();
        return;
      }
      const listener = this.listener;
      this.listener = undefined;
      listener?.();
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting.done(frame.message);
      else this.messages.push(frame.message);
    }
  }

  private failWith(error: ClientError): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.fail(this.failure);
  }
}
