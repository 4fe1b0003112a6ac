/**
 * A NETCONF client in process: a NetconfSession on a device of a bundled lab, fed bytes and read
 * back through a fake host, with the framing switch a real client makes after the hellos.
 */
import { createClock } from '../../simulator/device/clock.js';
import { createDeviceRuntime, type DeviceRuntime } from '../../simulator/device/runtime.js';
import { withCommandLatency } from '../../simulator/latency/sampler.js';
import { createDeframer, frame, type Framing } from '../../simulator/format/netconf-framing.js';
import type { NetconfPlatform } from '../../simulator/netconf/platform.js';
import { iosXe } from '../../simulator/netconf/platforms/ios-xe.js';
import { BASE_1_0, BASE_1_1, NetconfSession } from '../../simulator/netconf/session.js';
import { parseXml, type XmlElement } from '../../simulator/netconf/xml.js';
import { createStateContext } from '../../simulator/state/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { createWorld } from '../../simulator/topology/world.js';

export const NC = 'urn:ietf:params:xml:ns:netconf:base:1.0';

/** A device of lab-100 (agg1 is IOS-XE) with a fixed command latency. */
export async function netconfDevice(name = 'agg1', latencyMs = 0): Promise<DeviceRuntime> {
  const loaded = await loadTopology('lab-100');
  const node = loaded.nodeByName.get(name)!;
  const ctx = createStateContext(createWorld(loaded));
  return createDeviceRuntime(ctx, node, createClock(true), withCommandLatency(node.latency, latencyMs));
}

export interface TestClient {
  session: NetconfSession;
  /** Every message the session sent, deframed, hello first. */
  readonly messages: string[];
  /** Whether the host was told to close. */
  readonly closed: boolean;
  /** The last pauseInput the session asked for. */
  readonly paused: boolean;
  /** How many times input was paused. */
  readonly pauses: number;
  /** The deepest call stack a write came from (a session that recursed per RPC would grow it). */
  readonly deepestWrite: number;
  /** Raw bytes onto the channel. */
  send(text: string | Buffer): void;
  /** Our hello, offering `capabilities`; framing switches as the RFC says. */
  hello(capabilities?: readonly string[], extra?: string): void;
  /** One message in the agreed framing. */
  message(text: string): void;
  /** `<rpc message-id=…>` around `body`. */
  rpc(body: string, attributes?: string): void;
  /** Resolves with the next message not yet taken (waits for latency-delayed replies). */
  next(timeoutMs?: number): Promise<XmlElement>;
  /** Resolves once the host was closed. */
  whenClosed(timeoutMs?: number): Promise<void>;
}

let ids = 0;

export function openClient(
  device: DeviceRuntime,
  options: { platform?: NetconfPlatform; helloTimeoutMs?: number } = {},
): TestClient {
  const messages: string[] = [];
  const fromServer = createDeframer(64 * 1024 * 1024);
  let framing: Framing = 'eom';
  let closed = false;
  let paused = false;
  let pauses = 0;
  let deepestWrite = 0;
  let taken = 0;
  let wake: (() => void) | undefined;
  const session = new NetconfSession({
    device,
    platform: options.platform ?? iosXe,
    user: 'admin',
    write(text) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 10_000;
      deepestWrite = Math.max(deepestWrite, new Error().stack!.split('\n').length);
      Error.stackTraceLimit = limit;
      fromServer.append(Buffer.from(text, 'utf8'));
      for (let next = fromServer.next(); next; next = fromServer.next()) {
        if ('error' in next) throw new Error(`server framing: ${next.error}`);
        messages.push(next.message);
      }
      wake?.();
    },
    whenWritable: (fn) => fn(),
    pauseInput(p) {
      if (p && !paused) pauses++;
      paused = p;
    },
    close() {
      closed = true;
      wake?.();
    },
    helloTimeoutMs: options.helloTimeoutMs ?? 60_000,
  });
  const waitFor = (done: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
      wake = () => {
        if (!done()) return;
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });
  const client: TestClient = {
    session,
    messages,
    get closed() {
      return closed;
    },
    get paused() {
      return paused;
    },
    get pauses() {
      return pauses;
    },
    get deepestWrite() {
      return deepestWrite;
    },
    send: (text) => session.feed(typeof text === 'string' ? Buffer.from(text, 'utf8') : text),
    hello(capabilities = [BASE_1_0, BASE_1_1], extra = '') {
      const caps = capabilities.map((c) => `<capability>${c}</capability>`).join('');
      client.send(frame(`<hello xmlns="${NC}"><capabilities>${caps}</capabilities>${extra}</hello>`, 'eom'));
      const ours = messages[0] ?? '';
      if (capabilities.includes(BASE_1_1) && ours.includes(BASE_1_1)) {
        framing = 'chunked';
        fromServer.framing = 'chunked';
      }
    },
    message: (text) => client.send(frame(text, framing)),
    rpc: (body, attributes = `message-id="${++ids}"`) =>
      client.message(`<rpc xmlns="${NC}" ${attributes}>${body}</rpc>`),
    async next(timeoutMs = 5000) {
      await waitFor(() => messages.length > taken, 'message', timeoutMs);
      const parsed = parseXml(messages[taken++]!);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.root;
    },
    whenClosed: (timeoutMs = 5000) => waitFor(() => closed, 'close', timeoutMs),
  };
  session.start();
  return client;
}

/** The text of the first descendant named `name`, depth first. */
export function find(root: XmlElement, name: string): XmlElement | undefined {
  for (const child of root.children) {
    if (child.name === name) return child;
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

export const textOf = (root: XmlElement, name: string): string | undefined => find(root, name)?.text;
