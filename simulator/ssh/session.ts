/**
 * One session channel: a shell (a TerminalSession) or one exec command, wired to the channel with
 * its backpressure and the device's output pacing.
 */
import type { Socket } from 'node:net';
import type { ServerChannel, Session } from 'ssh2';
import { runExecCommand } from '../engine/exec-command.js';
import { TerminalSession, type SessionHost } from '../engine/terminal-session.js';
import type { Personality } from '../engine/personality.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Protocol } from '../device/stats.js';
import { netconfPlatformFor, NetconfSession } from '../netconf/index.js';
import { limitsFor } from './limits.js';
import { createChannelSink } from './output.js';
import { createPacedWriter, type ByteSink } from './paced-writer.js';

/** What Junos's CLI answers with NETCONF on the channel (ncclient's Junos fallback sends it as an exec). */
const JUNOS_XML_MODE = /^\s*xml-mode\s+netconf(\s+need-trailer)?\s*$/;

export function serveSession(
  session: Session,
  device: DeviceRuntime,
  socket: Socket,
  personalityFor: (device: DeviceRuntime) => Personality<DeviceRuntime> | undefined,
  /** The NETCONF port: only the `netconf` subsystem is served (as on a box's port 830). */
  netconfOnly = false,
  /** The connection's first use of its login: counts it once, as an SSH or a NETCONF login. */
  used: (protocol: Protocol) => void = () => undefined,
): void {
  session.on('subsystem', (accept, reject, info) => {
    const platform = info.name === 'netconf' ? netconfPlatformFor(device) : undefined;
    if (!platform) return reject?.();
    used('netconf');
    serveNetconf(accept(), device, socket, personalityFor, false);
  });
  if (netconfOnly) {
    session.on('shell', (_accept, reject) => reject?.());
    session.on('exec', (_accept, reject) => reject?.());
    session.on('pty', (accept) => accept?.());
    return;
  }
  let pty: { cols: number; rows: number } | undefined;
  session.on('pty', (accept, _reject, info) => {
    pty = { cols: info.cols, rows: info.rows };
    accept?.();
  });
  session.on('window-change', (accept) => accept?.());
  session.on('env', (accept) => accept?.());
  session.on('shell', (accept, reject) => {
    const personality = personalityFor(device);
    if (!personality) return reject?.();
    used('ssh');
    const channel = accept();
    const host = hostFor(device, personality, channel, socket);
    const feed = (data: Buffer) => terminal.feed(data.toString('latin1'));
    // `xml-mode netconf need-trailer` typed at the Junos prompt: the channel speaks NETCONF from here.
    host.handOver = (_protocol, typed) => {
      host.ended();
      channel.off('data', feed);
      host.whenDrained(() =>
        serveNetconf(channel, device, socket, personalityFor, true, Buffer.from(typed, 'latin1')),
      );
    };
    const terminal = new TerminalSession(
      host,
      { width: pty?.cols || 80, length: pty ? pty.rows : 24 },
      device.node.credentials.username,
    );
    channel.on('data', feed);
    channel.once('close', () => terminal.dispose());
    channel.on('error', () => terminal.dispose());
    terminal.start();
  });
  session.on('exec', (accept, reject, info) => {
    const personality = personalityFor(device);
    if (!personality) return reject?.();
    if (device.node.platform === 'juniper_junos' && JUNOS_XML_MODE.test(info.command)) {
      used('netconf');
      return serveNetconf(accept(), device, socket, personalityFor, /need-trailer/.test(info.command));
    }
    used('ssh');
    const channel = accept();
    channel.on('error', () => undefined);
    const host = hostFor(device, personality, channel, socket);
    runExecCommand(host, info.command, device.node.credentials.username, (output, end) => {
      if (output) host.write(output);
      if (end === 'drop') host.drop();
      else host.close();
    });
  });
}

/** A NETCONF session on a channel: the subsystem, or Junos's `xml-mode netconf` exec. */
function serveNetconf(
  channel: ServerChannel,
  device: DeviceRuntime,
  socket: Socket,
  personalityFor: (device: DeviceRuntime) => Personality<DeviceRuntime> | undefined,
  trailerNewline: boolean,
  /** Bytes the client sent before the hand-over (the Junos CLI had not read them). */
  early?: Buffer,
): void {
  const platform = netconfPlatformFor(device);
  channel.on('error', () => undefined);
  if (!platform) return void channel.end();
  const writer = createPacedWriter(
    countBytes(createChannelSink(channel, socket), device, 'netconf'),
    device.latency.outputRate,
    device.timers,
  );
  const ended = openSession(device, 'netconf');
  const netconf = new NetconfSession({
    device,
    platform,
    user: device.node.credentials.username,
    // The writer sends its text as latin1 bytes; NETCONF is UTF-8 and its chunk sizes count UTF-8 bytes.
    write: (text) => writer.write(Buffer.from(text, 'utf8').toString('latin1')),
    whenWritable: (fn) => writer.whenWritable(fn),
    pauseInput: (paused) => (paused ? channel.pause() : channel.resume()),
    close: () =>
      writer.whenDrained(() => {
        if (channel.destroyed) return;
        channel.exit(0);
        channel.end();
      }),
    helloTimeoutMs: limitsFor(device, personalityFor(device)).loginGraceMs,
    trailerNewline,
    fault: () => device.faults.command(),
    drop: () => writer.whenDrained(() => dropConnection(device, socket)),
    answered: (seconds) => device.stats.command('netconf', seconds),
  });
  channel.on('data', (data: Buffer) => netconf.feed(data));
  // A channel paused while an RPC waits never emits 'close' when the connection drops (its stream
  // never ends): the socket's close ends the session too, so its locks do not outlive it.
  const gone = () => {
    socket.off('close', gone);
    writer.cancel();
    netconf.end();
    ended();
  };
  channel.once('close', gone);
  socket.once('close', gone);
  netconf.start();
  if (early?.length) netconf.feed(early);
}

function hostFor(
  device: DeviceRuntime,
  personality: Personality<DeviceRuntime>,
  channel: ServerChannel,
  socket: Socket,
): SessionHost<DeviceRuntime> & {
  whenDrained(fn: () => void): void;
  drop(): void;
  /** The channel stops being an SSH session (closed, or handed over to NETCONF). */
  ended(): void;
} {
  const writer = createPacedWriter(
    countBytes(createChannelSink(channel, socket), device, 'ssh'),
    device.latency.outputRate,
    device.timers,
  );
  const closed = openSession(device, 'ssh');
  const ended = () => {
    socket.off('close', ended);
    closed();
  };
  channel.once('close', () => {
    writer.cancel();
    ended();
  });
  socket.once('close', ended);
  const close = () =>
    writer.whenDrained(() => {
      if (channel.destroyed) return;
      channel.exit(0);
      channel.end();
    });
  return {
    device,
    personality,
    hostname: () => device.config().hostname,
    secret: device.node.credentials.secret,
    latency: (canonical) => device.latency.command(canonical),
    timers: device.timers,
    // The writer sends its text as latin1 bytes; NETCONF is UTF-8 and its chunk sizes count UTF-8 bytes.
    write: (text) => writer.write(Buffer.from(text, 'utf8').toString('latin1')),
    whenWritable: (fn) => writer.whenWritable(fn),
    pauseInput: (paused) => (paused ? channel.pause() : channel.resume()),
    close,
    whenDrained: (fn) => writer.whenDrained(fn),
    fault: () => device.faults.command(),
    drop: () => writer.whenDrained(() => dropConnection(device, socket)),
    answered: (seconds) => device.stats.command('ssh', seconds),
    ended,
  };
}

/** Counts a session of `protocol` open on the device; the function returned closes it, once. */
function openSession(device: DeviceRuntime, protocol: Protocol): () => void {
  device.stats.session(protocol, 1);
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    device.stats.session(protocol, -1);
  };
}

/** A sink that counts the bytes it is handed as the device's bytes sent over `protocol`. */
function countBytes(sink: ByteSink, device: DeviceRuntime, protocol: Protocol): ByteSink {
  return {
    write(bytes) {
      device.stats.bytes(protocol, bytes.length);
      return sink.write(bytes);
    },
    whenWritable: (fn) => sink.whenWritable(fn),
  };
}

/** How long a dropped connection waits for the client to close its side before it is destroyed. */
const DROP_LINGER_MS = 1000;

/**
 * `drop-mid-output`: the connection goes away under the session, no channel close and no
 * SSH_MSG_DISCONNECT. FIN after what was written (a reset could discard those bytes at the
 * client), then the socket is destroyed once the client has had a moment to close its side.
 */
function dropConnection(device: DeviceRuntime, socket: Socket): void {
  if (socket.destroyed) return;
  socket.end();
  const cancel = device.timers.after(DROP_LINGER_MS, () => socket.destroy());
  socket.once('close', cancel);
}
