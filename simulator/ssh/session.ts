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
import { createChannelSink } from './output.js';
import { createPacedWriter } from './paced-writer.js';

export function serveSession(
  session: Session,
  device: DeviceRuntime,
  socket: Socket,
  personalityFor: (device: DeviceRuntime) => Personality<DeviceRuntime> | undefined,
): void {
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
    const channel = accept();
    const terminal = new TerminalSession(
      hostFor(device, personality, channel, socket),
      { width: pty?.cols || 80, length: pty ? pty.rows : 24 },
      device.node.credentials.username,
    );
    channel.on('data', (data: Buffer) => terminal.feed(data.toString('latin1')));
    channel.once('close', () => terminal.dispose());
    channel.on('error', () => terminal.dispose());
    terminal.start();
  });
  session.on('exec', (accept, reject, info) => {
    const personality = personalityFor(device);
    if (!personality) return reject?.();
    const channel = accept();
    channel.on('error', () => undefined);
    const host = hostFor(device, personality, channel, socket);
    runExecCommand(host, info.command, device.node.credentials.username, (output) => {
      if (output) host.write(output);
      host.close();
    });
  });
}

function hostFor(
  device: DeviceRuntime,
  personality: Personality<DeviceRuntime>,
  channel: ServerChannel,
  socket: Socket,
): SessionHost<DeviceRuntime> {
  const writer = createPacedWriter(
    createChannelSink(channel, socket),
    device.latency.outputRate,
    device.timers,
  );
  channel.once('close', () => writer.cancel());
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
    write: (text) => writer.write(text),
    whenWritable: (fn) => writer.whenWritable(fn),
    pauseInput: (paused) => (paused ? channel.pause() : channel.resume()),
    close,
  };
}
