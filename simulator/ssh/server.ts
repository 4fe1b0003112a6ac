/**
 * One ssh2 server per SSH identification string (ssh2 takes one ident per server, and each
 * platform's boxes send their own), shared by every device of the platform and sharing the parsed
 * host keys. Each device has its own TCP listener; its sockets are injected into its platform's
 * server, which finds the device again from the socket. Per device:
 * credentials, vty-line limit, connect and auth latency. One misbehaving client only ever
 * costs its own connection.
 */
import type { Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { AuthContext, Connection, ParsedKey, ServerChannel, Session } from 'ssh2';
import { runExecCommand } from '../engine/exec-command.js';
import { TerminalSession, type SessionHost } from '../engine/terminal-session.js';
import type { Personality } from '../engine/personality.js';
import type { DeviceRuntime } from '../device/runtime.js';
import { prepareHostKeys } from './host-keys.js';
import { createPacedWriter } from './paced-writer.js';

const AUTH_METHODS: AuthContext['method'][] = ['password', 'keyboard-interactive', 'publickey'];

export interface SshServerOptions {
  hostKeys: Array<string | Buffer>;
  /** Concurrent SSH connections per device (IOS: 5 vty lines). */
  maxSessions: number;
  personalityFor(device: DeviceRuntime): Personality<DeviceRuntime> | undefined;
  /** A connection that has not logged in by then is dropped (IOS `ip ssh time-out`, 120 s). */
  loginTimeoutMs?: number;
}

const LOGIN_TIMEOUT_MS = 120_000;
/** For a device no personality serves (its session is refused after login anyway). */
const DEFAULT_IDENT = 'Cisco-1.25';
const IDENT_PREFIX = 'SSH-';

/** A client must open with `SSH-`; anything else is dropped at once, as sshd does. */
function guardIdent(socket: Socket): void {
  let seen = '';
  const check = (chunk: Buffer) => {
    seen += chunk.toString('latin1', 0, Math.min(chunk.length, IDENT_PREFIX.length));
    const n = Math.min(seen.length, IDENT_PREFIX.length);
    if (seen.slice(0, n) !== IDENT_PREFIX.slice(0, n)) socket.destroy();
    else if (n === IDENT_PREFIX.length) socket.off('data', check);
  };
  socket.on('data', check);
}

export interface SshServer {
  /** Hands a freshly accepted socket of `device` to the server. */
  accept(socket: Socket, device: DeviceRuntime): void;
  /** Destroys every open connection. */
  closeAll(): void;
}

export function createSshServer(options: SshServerOptions): SshServer {
  const hostKeys = prepareHostKeys(options.hostKeys);
  const deviceOf = new WeakMap<Socket, DeviceRuntime>();
  const open = new Set<Socket>();
  const authorized = new Map<string, ParsedKey[]>();
  const loginTimers = new WeakMap<Socket, () => void>();
  const servers = new Map<string, ssh2.Server>();

  const serverFor = (ident: string): ssh2.Server => {
    let server = servers.get(ident);
    if (server) return server;
    server = new ssh2.Server({ hostKeys, ident });
    server.on('connection', (client: Connection) => {
      const socket = (client as unknown as { _sock: Socket })._sock;
      const device = deviceOf.get(socket);
      client.on('error', () => socket.destroy());
      if (!device) return void socket.destroy();
      client.once('ready', () => loginTimers.get(socket)?.());
      client.on('authentication', (ctx) => authenticate(ctx, device, keysOf(device, authorized)));
      client.on('ready', () => client.on('session', (accept) => serveSession(accept(), device, options)));
    });
    server.on('error', () => undefined);
    servers.set(ident, server);
    return server;
  };

  return {
    accept(socket, device) {
      socket.setNoDelay(true);
      socket.on('error', () => socket.destroy());
      if (device.sessions >= options.maxSessions) {
        // All vty lines busy: the box accepts the TCP connection and closes it at once.
        socket.destroy();
        return;
      }
      device.sessions++;
      open.add(socket);
      socket.once('close', () => {
        device.sessions--;
        open.delete(socket);
      });
      deviceOf.set(socket, device);
      guardIdent(socket);
      const cancelLogin = device.timers.after(options.loginTimeoutMs ?? LOGIN_TIMEOUT_MS, () =>
        socket.destroy(),
      );
      loginTimers.set(socket, cancelLogin);
      socket.once('close', cancelLogin);
      const server = serverFor(options.personalityFor(device)?.sshIdent ?? DEFAULT_IDENT);
      const delay = device.latency.connect();
      if (delay <= 0) server.injectSocket(socket);
      else device.timers.after(delay, () => socket.destroyed || server.injectSocket(socket));
    },
    closeAll() {
      for (const socket of open) socket.destroy();
    },
  };
}

function keysOf(device: DeviceRuntime, cache: Map<string, ParsedKey[]>): ParsedKey[] {
  let keys = cache.get(device.name);
  if (!keys) {
    keys = device.node.credentials.authorizedKeys.flatMap((line) => {
      const parsed = ssh2.utils.parseKey(line);
      return parsed instanceof Error ? [] : Array.isArray(parsed) ? parsed : [parsed];
    });
    cache.set(device.name, keys);
  }
  return keys;
}

function authenticate(ctx: AuthContext, device: DeviceRuntime, keys: ParsedKey[]): void {
  const { username, password } = device.node.credentials;
  const finish = (ok: boolean) => {
    const delay = device.latency.auth();
    const answer = () => (ok ? ctx.accept() : ctx.reject(AUTH_METHODS));
    if (delay <= 0) answer();
    else device.timers.after(delay, answer);
  };
  if (ctx.method === 'none') return ctx.reject(AUTH_METHODS);
  const userOk = ctx.username === username;
  switch (ctx.method) {
    case 'password':
      return finish(userOk && ctx.password === password);
    case 'keyboard-interactive':
      return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) =>
        finish(userOk && answers[0] === password),
      );
    case 'publickey': {
      const key = keys.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data));
      if (!userOk || !key) return ctx.reject(AUTH_METHODS);
      if (!ctx.signature || !ctx.blob) return ctx.accept(); // the client asks whether this key would do
      return finish(key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true);
    }
    default:
      return ctx.reject(AUTH_METHODS);
  }
}

function serveSession(session: Session, device: DeviceRuntime, options: SshServerOptions): void {
  let pty: { cols: number; rows: number } | undefined;
  session.on('pty', (accept, _reject, info) => {
    pty = { cols: info.cols, rows: info.rows };
    accept?.();
  });
  session.on('window-change', (accept) => accept?.());
  session.on('env', (accept) => accept?.());
  session.on('shell', (accept, reject) => {
    const personality = options.personalityFor(device);
    if (!personality) return reject?.();
    const channel = accept();
    const terminal = new TerminalSession(
      hostFor(device, personality, channel),
      { width: pty?.cols || 80, length: pty ? pty.rows : 24 },
      device.node.credentials.username,
    );
    channel.on('data', (data: Buffer) => terminal.feed(data.toString('latin1')));
    channel.on('close', () => terminal.dispose());
    channel.on('error', () => terminal.dispose());
    terminal.start();
  });
  session.on('exec', (accept, reject, info) => {
    const personality = options.personalityFor(device);
    if (!personality) return reject?.();
    const channel = accept();
    channel.on('error', () => undefined);
    const host = hostFor(device, personality, channel);
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
): SessionHost<DeviceRuntime> {
  const writer = createPacedWriter(
    (bytes) => {
      if (!channel.destroyed && channel.writable) channel.write(bytes);
    },
    device.latency.outputRate,
    device.timers,
  );
  channel.on('close', () => writer.cancel());
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
    close,
  };
}
