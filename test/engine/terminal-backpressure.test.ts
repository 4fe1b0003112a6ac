/** A terminal session whose transport is full holds at most one command's output and stops reading keystrokes. */
import { describe, expect, it } from 'vitest';
import {
  INPUT_BACKLOG,
  OUTPUT_CHUNK,
  TerminalSession,
  type SessionHost,
} from '../../simulator/engine/terminal-session.js';
import { createClock } from '../../simulator/device/clock.js';
import { createDeviceRuntime, type DeviceRuntime } from '../../simulator/device/runtime.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';
import { createStateContext } from '../../simulator/state/index.js';
import { createWorld } from '../../simulator/topology/world.js';
import { loadTopology } from '../../simulator/topology/load.js';

/** A transport that takes one write and is then full until `release()`. */
async function blockedSession() {
  const topology = await loadTopology('routers-10');
  const node = topology.nodes[0]!;
  const device = createDeviceRuntime(createStateContext(createWorld(topology)), node, createClock(true), {
    ...node.latency,
    command: { type: 'fixed', ms: 0 },
  });
  const writes: string[] = [];
  let waiting: (() => void) | undefined;
  const paused: boolean[] = [];
  const host: SessionHost<DeviceRuntime> = {
    device,
    personality: ciscoIosPersonality,
    hostname: () => device.config().hostname,
    secret: node.credentials.secret,
    latency: () => 0,
    timers: device.timers,
    write: (text) => (writes.push(text), false),
    whenWritable: (fn) => void (waiting = fn),
    pauseInput: (p) => void paused.push(p),
    close: () => undefined,
  };
  const session = new TerminalSession(host, { width: 80, length: 0 }, node.credentials.username);
  return {
    session,
    writes,
    paused,
    output: () => writes.join(''),
    /** Lets one write through (each write fills the transport again). */
    release() {
      const fn = waiting;
      waiting = undefined;
      fn?.();
      return fn !== undefined;
    },
    /** Starts the session and logs in to privileged mode, with a transport that always drains. */
    enable() {
      session.start();
      session.feed('enable\r');
      while (this.release());
      session.feed(`${node.credentials.secret}\r`);
      while (this.release());
      writes.length = 0;
    },
  };
}

describe('terminal session backpressure', () => {
  it('runs no further command while the transport is full, then prints everything in order', async () => {
    const t = await blockedSession();
    t.enable();
    t.session.feed('show running-config\r'.repeat(20));
    expect(t.writes.length).toBe(1);
    expect(t.writes[0]!.length).toBe(OUTPUT_CHUNK);
    const oneOutput = t.session.heldOutput + t.writes[0]!.length;
    for (let i = 0; i < 10_000 && t.release(); i++) {
      // every write leaves no more than the rest of the command being printed
      expect(t.session.heldOutput).toBeLessThanOrEqual(oneOutput);
    }
    expect(t.output().split('\r\nend\r\n').length - 1).toBe(20);
    expect(t.output().endsWith('R1#')).toBe(true);
  });

  it('asks the transport to pause input past INPUT_BACKLOG, and to resume once it is worked off', async () => {
    const t = await blockedSession();
    t.session.start(); // the greeting fills the transport
    const line = 'show clock\r';
    t.session.feed(line.repeat(Math.ceil(INPUT_BACKLOG / line.length) + 1));
    expect(t.paused).toEqual([true]);
    for (let i = 0; i < 100_000 && t.release(); i++);
    expect(t.paused).toEqual([true, false]);
  });

  it('drops held output when the client goes away', async () => {
    const t = await blockedSession();
    t.enable();
    t.session.feed('show running-config\r'.repeat(20));
    expect(t.session.heldOutput).toBeGreaterThan(0);
    t.session.dispose();
    expect(t.session.heldOutput).toBe(0);
    t.release();
    expect(t.writes.length).toBe(1);
  });
});
