/**
 * An interactive SSH session with one device: log in, wait for the prompt, send commands and read
 * until the prompt returns. TCP_NODELAY on; every wait bounded.
 */
import type { Socket } from 'node:net';
import { Client, type ClientChannel } from 'ssh2';
import { coalesceWrites, installSsh2Speedups } from '../../simulator/ssh2-speedups.js';
import { ClientError } from '../errors.js';
import type { Target, Timeouts } from '../target.js';
import type { TimelineRecorder } from '../timeline.js';

export interface DeviceSession {
  /** Sends a command; resolves with its output (echo and prompt removed, LF line ends). */
  run(command: string): Promise<string>;
  close(): void;
}

/** What the channel needs to know of the platform: scrapli's split, the driver stays above. */
export interface PromptSpec {
  /** Matches a prompt at the very end of what was received. */
  prompt: RegExp;
  /** Sent to leave the shell on close. */
  exit: string;
}

/** With a recorder: `connect` and `auth` spans (see login), then `shell` until the first prompt. */
export async function openSession(
  target: Target,
  spec: PromptSpec,
  timeouts: Timeouts,
  recorder?: TimelineRecorder,
): Promise<DeviceSession> {
  const client = await login(target, timeouts.connectMs, recorder);
  const shellStart = recorder?.now() ?? 0;
  try {
    const channel = await openShell(client);
    const reader = new PromptReader(channel, spec.prompt);
    await reader.next(timeouts.connectMs);
    recorder?.end('shell', 'shell', shellStart);
    const session: DeviceSession = {
      run: async (command) => {
        channel.write(`${command}\n`);
        return stripEcho(await reader.next(timeouts.commandMs), command);
      },
      close: () => {
        if (!channel.destroyed) channel.end(`${spec.exit}\n`);
        client.end();
      },
    };
    return session;
  } catch (error) {
    recorder?.end('shell', 'shell', shellStart, true);
    client.end();
    throw error;
  }
}

/**
 * An SSH connection, logged in (password or keyboard-interactive), TCP_NODELAY on; NETCONF shares
 * it. With a recorder: `connect` until the key exchange is done ('handshake'), then `auth` until
 * 'ready'; a failure ends the span it happened in as failed.
 */
export function login(target: Target, timeoutMs: number, recorder?: TimelineRecorder): Promise<Client> {
  installSsh2Speedups();
  const client = new Client();
  const connectStart = recorder?.now() ?? 0;
  let authStart: number | undefined;
  const endSpan = (failed: boolean) => {
    if (!recorder) return;
    if (authStart === undefined) recorder.end('connect', 'connect', connectStart, failed);
    else recorder.end('auth', 'auth', authStart, failed);
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: ClientError) => {
      if (settled) return;
      settled = true;
      endSpan(true);
      client.destroy();
      reject(error);
    };
    if (recorder)
      client.once('handshake', () => {
        recorder.end('connect', 'connect', connectStart);
        authStart = recorder.now();
      });
    client.on('ready', () => {
      settled = true;
      endSpan(false);
      resolve(client);
    });
    client.on('error', (error: Error & { level?: string; code?: string }) => fail(classify(error, target)));
    client.on('close', () =>
      fail(
        new ClientError('SESSION_CLOSED', `${target.host}:${target.port} closed the connection during login`),
      ),
    );
    client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) =>
      finish(prompts.map(() => target.password)),
    );
    client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      password: target.password,
      tryKeyboard: true,
      readyTimeout: timeoutMs,
    });
    client.setNoDelay(true);
    // ssh2 keeps its socket private: coalesce its writes when it is where ssh2 1.x puts it.
    const socket = (client as unknown as { _sock?: unknown })._sock;
    if (socket && typeof (socket as Socket).cork === 'function') coalesceWrites(socket as Socket);
  });
}

function classify(error: Error & { level?: string; code?: string }, target: Target): ClientError {
  const where = `${target.host}:${target.port}`;
  if (error.level === 'client-authentication')
    return new ClientError('AUTH_FAILED', `${where}: authentication failed for ${target.username}`, {
      cause: error,
    });
  if (error.code === 'ECONNREFUSED')
    return new ClientError('CONNECT_REFUSED', `${where}: connection refused`, { cause: error });
  if (/Timed out/i.test(error.message))
    return new ClientError('TIMEOUT', `${where}: no SSH login within the connect timeout`, { cause: error });
  return new ClientError('CONNECT_FAILED', `${where}: ${error.message}`, { cause: error });
}

function openShell(client: Client): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.shell({ term: 'vt100', cols: 511, rows: 24 }, (error, channel) =>
      error
        ? reject(new ClientError('SESSION_CLOSED', `no shell: ${error.message}`, { cause: error }))
        : resolve(channel),
    ),
  );
}

/** Collects channel data and hands out everything up to each prompt. */
class PromptReader {
  private buffer = '';
  private waiting?: { done: (text: string) => void; fail: (error: ClientError) => void };
  private closed = false;

  constructor(
    channel: ClientChannel,
    private readonly prompt: RegExp,
  ) {
    channel.on('data', (data: Buffer) => {
      this.buffer += data.toString('latin1');
      this.check();
    });
    channel.on('close', () => {
      this.closed = true;
      this.waiting?.fail(new ClientError('SESSION_CLOSED', 'the device closed the session'));
    });
  }

  next(timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new ClientError('SESSION_CLOSED', 'the device closed the session'));
      const timer = setTimeout(() => {
        this.waiting = undefined;
        const tail = JSON.stringify(this.buffer.slice(-80));
        reject(new ClientError('TIMEOUT', `no prompt within ${timeoutMs} ms (last output: ${tail})`));
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
      this.check();
    });
  }

  private check(): void {
    if (!this.waiting) return;
    const text = this.buffer.replace(/\r\n?/g, '\n');
    if (!this.prompt.test(text)) return;
    this.buffer = '';
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting.done(text);
  }
}

/** Drops the echoed command line and the trailing prompt line. */
function stripEcho(text: string, command: string): string {
  const lines = text.split('\n');
  if (lines[0]?.endsWith(command)) lines.shift();
  lines.pop();
  return lines.join('\n');
}
