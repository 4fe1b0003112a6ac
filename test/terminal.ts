/** A CLI session on one device of a bundled lab, in process: type keystrokes, read what the device wrote. */
import type { Personality } from '../simulator/engine/personality.js';
import { TerminalSession, type SessionHost } from '../simulator/engine/terminal-session.js';
import { createClock } from '../simulator/device/clock.js';
import { createDeviceRuntime, type DeviceRuntime } from '../simulator/device/runtime.js';
import { createStateContext } from '../simulator/state/index.js';
import { createWorld } from '../simulator/topology/world.js';
import { loadTopology } from '../simulator/topology/load.js';

export interface TestTerminal {
  /** Feeds keystrokes; returns everything written since (CR LF kept unless `lf` was asked for). */
  type(text: string): string;
  readonly closed: boolean;
  readonly mode: string;
  /** What the session handed the channel to, with the input it had not read (Junos `xml-mode netconf`). */
  readonly handedOver?: { protocol: string; typed: string };
  device: DeviceRuntime;
}

export async function openTerminal(
  topology: string,
  name: string,
  /** The personality, or how to get it from the device (`personalityFor` adds user commands). */
  personality: Personality<DeviceRuntime> | ((device: DeviceRuntime) => Personality<DeviceRuntime>),
  options: { terminal?: { width: number; length: number }; lf?: boolean } = {},
): Promise<TestTerminal> {
  const loaded = await loadTopology(topology);
  const ctx = createStateContext(createWorld(loaded));
  const node = loaded.nodes.find((n) => n.name === name)!;
  const device = createDeviceRuntime(ctx, node, createClock(true), {
    ...node.latency,
    command: { type: 'fixed', ms: 0 },
  });
  let out = '';
  let closed = false;
  let handedOver: { protocol: string; typed: string } | undefined;
  const host: SessionHost<DeviceRuntime> = {
    device,
    personality: typeof personality === 'function' ? personality(device) : personality,
    hostname: () => device.config().hostname,
    secret: node.credentials.secret,
    latency: () => 0,
    timers: device.timers,
    write: (text) => void (out += text),
    close: () => void (closed = true),
    handOver: (protocol, typed) => void (handedOver = { protocol, typed }),
  };
  const session = new TerminalSession(
    host,
    options.terminal ?? { width: 80, length: 0 },
    node.credentials.username,
  );
  session.start();
  return {
    type(text) {
      out = '';
      session.feed(text);
      return options.lf ? out.replaceAll('\r\n', '\n') : out;
    },
    get closed() {
      return closed;
    },
    get handedOver() {
      return handedOver;
    },
    get mode() {
      return session.mode;
    },
    device,
  };
}
