/**
 * One NETCONF session, free of sockets like ssh2's protocol objects: it is fed the channel's bytes
 * and writes framed messages back through its host. It sends the platform's `<hello>`, waits for
 * the client's (within the login grace), agrees on base:1.1 chunks or stays at 1.0, then answers
 * RPCs one at a time, in order, each after the latency of the command it amounts to. Input waits
 * (the channel is paused) while an RPC runs, so a client that floods costs at most one message cap.
 */
import type { DeviceRuntime } from '../device/runtime.js';
import type { CommandFault } from '../device/faults.js';
import { datastoresOf } from '../device/datastores.js';
import {
  malformedMessage,
  missingMessageId,
  operationFailed,
  renderRpcError,
  tooBig,
  type RpcError,
} from './errors.js';
import { createDeframer, frame, type Deframer } from '../format/netconf-framing.js';
import { runOperation } from './operations.js';
import type { NetconfPlatform, RpcOutcome } from './platform.js';
import { BASE_NS, el, parseXml, renderXml, type XmlElement } from './xml.js';

export const BASE_1_0 = 'urn:ietf:params:netconf:base:1.0';
export const BASE_1_1 = 'urn:ietf:params:netconf:base:1.1';

/** Bounds every session keeps, whatever the client sends. */
export const NETCONF_LIMITS = {
  /** Largest message a client may send (an edit-config or a load-configuration of a big box fits). */
  maxMessageBytes: 4 * 1024 * 1024,
  /** Largest reply; past it the RPC answers `too-big`. */
  maxReplyBytes: 16 * 1024 * 1024,
};

export interface NetconfHost {
  device: DeviceRuntime;
  platform: NetconfPlatform;
  user: string;
  /** Text for the channel, to be sent as UTF-8 (chunk sizes count UTF-8 bytes). */
  write(text: string): void;
  /** Runs `fn` once what was written has gone out far enough to write more. */
  whenWritable(fn: () => void): void;
  pauseInput(paused: boolean): void;
  /** Ends the channel once what was written is sent. */
  close(): void;
  /** Ms the client has to send its hello. */
  helloTimeoutMs: number;
  /** Junos's `xml-mode netconf need-trailer`: every message ends with `]]>]]>` and a newline. */
  trailerNewline?: boolean;
  /** What the device's faults do to the RPC being answered now (asked once per RPC). */
  fault?(): CommandFault;
  /** Drops the whole connection once what was written is out (`drop-mid-output`). */
  drop?(): void;
  /** An RPC was answered, `seconds` after it arrived (its reply was just handed to `write`). */
  answered?(seconds: number): void;
}

const NO_FAULT: CommandFault = { extraMs: 0, hang: false };

/** Live sessions of each device, by session id, for `kill-session`. */
const live = new WeakMap<DeviceRuntime, Map<number, NetconfSession>>();

export function sessionsOn(device: DeviceRuntime): Map<number, NetconfSession> {
  let found = live.get(device);
  if (!found) {
    found = new Map();
    live.set(device, found);
  }
  return found;
}

export class NetconfSession {
  readonly id: number;
  private readonly deframer: Deframer;
  private helloDone = false;
  /** The capabilities our hello listed: the client's hello is matched against them. */
  private ours = new Set<string>();
  private busy = false;
  private pumping = false;
  private closed = false;
  private cancelHello?: () => void;
  private cancelReply?: () => void;

  constructor(private readonly host: NetconfHost) {
    const stores = datastoresOf(host.device);
    this.id = ++stores.lastSessionId;
    this.deframer = createDeframer(NETCONF_LIMITS.maxMessageBytes);
  }

  /** Sends the hello and starts the clock on the client's. */
  start(): void {
    sessionsOn(this.host.device).set(this.id, this);
    const { platform, device } = this.host;
    const ctx = device.renderContext();
    const capabilities = platform.capabilities(ctx);
    this.ours = new Set(capabilities);
    const hello = el(
      'hello',
      [
        el(
          'capabilities',
          capabilities.map((c) => el('capability', c)),
        ),
        el('session-id', String(this.id)),
      ],
      { ns: BASE_NS },
    );
    const greeting = platform.greeting?.(ctx, this.host.user) ?? '';
    this.send(`${greeting}${this.declaration()}${renderXml(hello)}`);
    this.cancelHello = device.timers.after(this.host.helloTimeoutMs, () => this.end());
  }

  /** Bytes received and not yet handled (at most about one message cap: input waits beyond it). */
  get bufferedBytes(): number {
    return this.deframer.buffered;
  }

  feed(chunk: Buffer): void {
    if (this.closed) return;
    this.deframer.append(chunk);
    this.pump();
  }

  /** Ends the session: its locks go, an uncommitted candidate it locked is discarded (RFC 6241 §7.5). */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelHello?.();
    this.cancelReply?.();
    sessionsOn(this.host.device).delete(this.id);
    const stores = datastoresOf(this.host.device);
    for (const name of ['running', 'candidate', 'startup'] as const) {
      if (stores.locks[name] !== this.id) continue;
      delete stores.locks[name];
      if (name === 'candidate') stores.candidate = undefined;
    }
    this.host.close();
  }

  /** Handles whole messages until one is in progress or none is left. */
  private pump(): void {
    // An RPC answered at once (no latency, writable channel) comes back here from its callback:
    // the loop below goes on with the next message instead of recursing once per pipelined RPC.
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.busy && !this.closed) {
        const next = this.deframer.next();
        if (!next) break;
        if ('error' in next) return this.end();
        this.handle(next.message);
      }
    } finally {
      this.pumping = false;
    }
    if (!this.closed)
      this.host.pauseInput(this.busy || this.deframer.buffered > NETCONF_LIMITS.maxMessageBytes);
  }

  /**
   * A message that is not a well-formed `<rpc>`: `malformed-message`, which RFC 6241 Appendix A
   * introduced with base:1.1 and forbids sending to a 1.0 peer, who gets `operation-failed`.
   */
  private malformed(message: string): RpcError {
    return this.deframer.framing === 'chunked' ? malformedMessage(message) : operationFailed(message, 'rpc');
  }

  private handle(message: string): void {
    const parsed = parseXml(message.trim());
    if (!this.helloDone) return this.receiveHello(parsed.ok ? parsed.root : undefined);
    if (!parsed.ok) return void this.reply([], { errors: [this.malformed(parsed.message)] });
    const rpc = parsed.root;
    if (rpc.name === 'hello') return this.end();
    if (rpc.name !== 'rpc' || rpc.ns !== BASE_NS)
      return void this.reply([], {
        errors: [this.malformed(`expected <rpc> in ${BASE_NS}, got <${rpc.name}>`)],
      });
    const attributes = rpc.attributes.filter(([k]) => k !== 'xmlns');
    if (!attributes.some(([k]) => k === 'message-id'))
      return void this.reply(attributes, { errors: [missingMessageId()] });
    const operations = rpc.children;
    if (operations.length !== 1) {
      const error: RpcError =
        operations.length === 0
          ? this.malformed('<rpc> holds no operation')
          : this.malformed('<rpc> holds more than one operation');
      return void this.reply(attributes, { errors: [error] });
    }
    const operation = operations[0]!;
    const { device, platform } = this.host;
    const outcome = runOperation({
      rpc,
      operation,
      device,
      platform,
      session: this,
      peer: (id) => sessionsOn(device).get(id),
      user: this.host.user,
    });
    const fault = this.host.fault?.() ?? NO_FAULT;
    this.busy = true;
    // `command-hang`: the RPC is never answered; input stays paused until the client gives up.
    if (fault.hang) return;
    const arrived = performance.now();
    const delay = device.latency.command(outcome.command) + fault.extraMs;
    const answer = () => {
      this.cancelReply = undefined;
      if (this.closed) return;
      const result = outcome.result();
      const dropped = this.reply(attributes, result, fault);
      this.host.answered?.((performance.now() - arrived) / 1000);
      if (dropped) return;
      if (outcome.thenClose) return this.end();
      this.host.whenWritable(() => {
        this.busy = false;
        this.pump();
      });
    };
    if (delay <= 0) answer();
    else this.cancelReply = device.timers.after(delay, answer);
  }

  /** The client's hello: base capabilities decide the framing; anything else ends the session. */
  private receiveHello(hello: XmlElement | undefined): void {
    if (!hello || hello.name !== 'hello' || hello.ns !== BASE_NS) return this.end();
    const capabilities = hello.children.find((c) => c.name === 'capabilities');
    const offered = new Set((capabilities?.children ?? []).map((c) => c.text.trim()));
    // RFC 6241 §8.1: a client hello carrying a session-id is an error; the session ends.
    if (hello.children.some((c) => c.name === 'session-id')) return this.end();
    const ours = this.ours;
    const chunked = offered.has(BASE_1_1) && ours.has(BASE_1_1);
    if (!chunked && !(offered.has(BASE_1_0) && ours.has(BASE_1_0))) return this.end();
    this.helloDone = true;
    this.cancelHello?.();
    this.cancelHello = undefined;
    if (chunked) this.deframer.framing = 'chunked';
  }

  /** Sends the reply through the faults; true when `drop-mid-output` dropped the connection. */
  private reply(
    attributes: XmlElement['attributes'],
    outcome: RpcOutcome,
    fault: CommandFault = NO_FAULT,
  ): boolean {
    const ctx = this.host.device.renderContext();
    const extra = (this.host.platform.replyAttributes?.(ctx) ?? []).filter(
      ([k]) => !attributes.some(([a]) => a === k),
    );
    const body =
      'reply' in outcome
        ? outcome.reply
        : 'ok' in outcome
          ? [el('ok')]
          : outcome.errors.map((e) => renderRpcError(e));
    const text = 'reply' in outcome && outcome.text !== undefined ? outcome.text : undefined;
    const reply = el('rpc-reply', text ?? body, { ns: BASE_NS, attributes: [...attributes, ...extra] });
    let message = `${this.declaration()}${renderXml(reply)}`;
    if (Buffer.byteLength(message) > NETCONF_LIMITS.maxReplyBytes) {
      const error = tooBig(
        `reply larger than ${NETCONF_LIMITS.maxReplyBytes} bytes; ask for less with a filter`,
      );
      message = `${this.declaration()}${renderXml(el('rpc-reply', [renderRpcError(error)], { ns: BASE_NS, attributes: [...attributes, ...extra] }))}`;
    }
    // `garble` corrupts the reply's text; its framing stays whole, so the client reads a reply that
    // does not parse (or parses to wrong values) rather than waiting for a frame that never ends.
    if (fault.garble) message = fault.garble(message);
    if (fault.dropAfter === undefined || !this.host.drop) {
      this.send(message);
      return false;
    }
    const framed = this.framed(message);
    // The session stays busy (no further RPC is read); the connection's close ends it, locks and all.
    this.host.write(framed.slice(0, Math.floor(framed.length * fault.dropAfter)));
    this.host.drop();
    return true;
  }

  private declaration(): string {
    return this.host.platform.xmlDeclaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
  }

  private send(message: string): void {
    this.host.write(this.framed(message));
  }

  private framed(message: string): string {
    const framed = frame(message, this.deframer.framing);
    return this.host.trailerNewline && this.deframer.framing === 'eom' ? `${framed}\n` : framed;
  }
}
