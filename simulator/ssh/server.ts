/**
 * One ssh2 server per SSH identification string (ssh2 takes one ident per server, and each
 * platform's boxes send their own), shared by every device of the platform and sharing the parsed
 * host keys. Each device has its own TCP listener; its sockets are injected into its platform's
 * server, which finds the device again from the socket.
 *
 * Per device: credentials, connect and auth latency, and the limits of limits.ts — vty lines
 * counted across connections, session channels per connection, a login grace and a bound on
 * connections that have not logged in, failed attempts per connection. One misbehaving client
 * only ever costs its own connection, and a bounded amount of memory.
 */
import type { Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { Connection, ParsedKey } from 'ssh2';
import type { Personality } from '../engine/personality.js';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Protocol } from '../device/stats.js';
import { coalesceWrites, installSsh2Speedups } from '../ssh2-speedups.js';
import { authenticate, parseAuthorizedKeys } from './auth.js';
import { prepareHostKeys } from './host-keys.js';
import { limitsFor } from './limits.js';
import {
  answerOpenFailuresAsOpenSsh,
  DISCONNECT_PROTOCOL_ERROR,
  disconnect,
  refuseLogin,
} from './refusals.js';
import { serveSession } from './session.js';

export interface SshServerOptions {
  hostKeys: Array<string | Buffer>;
  /** vty lines per device: session channels open at once across all connections (IOS: 5). */
  maxSessions: number;
  personalityFor(device: DeviceRuntime): Personality<DeviceRuntime> | undefined;
}

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
  /** Hands a freshly accepted socket of `device` to the server; `netconf`: the NETCONF port's. */
  accept(socket: Socket, device: DeviceRuntime, netconf?: boolean): void;
  /** Destroys every open connection. */
  closeAll(): void;
  /** Destroys every open connection of one device (it went down or reboots). */
  dropDevice(device: DeviceRuntime): void;
}

/** What one connection holds: a startup slot until it logs in, then vty lines. */
interface ConnectionState {
  device: DeviceRuntime;
  /** Accepted on the NETCONF port: only the `netconf` subsystem is served. */
  netconf: boolean;
  authenticated: boolean;
  /** Open session channels. */
  channels: number;
  /** vty lines held: one from login (IOS: a line per connection), then one per session channel. */
  lines: number;
  /** Closes the connection if it has not logged in within the login grace. */
  grace?: () => void;
  /** Its login was counted in the device's stats (once, as SSH or NETCONF, on first use). */
  counted: boolean;
}

export function createSshServer(options: SshServerOptions): SshServer {
  installSsh2Speedups();
  const hostKeys = prepareHostKeys(options.hostKeys);
  const stateOf = new WeakMap<Socket, ConnectionState>();
  const open = new Set<Socket>();
  const authorized = new Map<string, ParsedKey[]>();
  const servers = new Map<string, ssh2.Server>();
  const vtyLines = options.maxSessions;

  /** Holds as many vty lines as the connection needs now; false when the device has none free. */
  const holdLines = (state: ConnectionState, wanted: number): boolean => {
    const more = wanted - state.lines;
    if (more > 0 && state.device.sessions + more > vtyLines) return false;
    state.device.sessions += more;
    state.lines = wanted;
    return true;
  };

  const onConnection = (client: Connection) => {
    const socket = (client as unknown as { _sock: Socket })._sock;
    const state = stateOf.get(socket);
    client.on('error', () => socket.destroy());
    if (!state) return void socket.destroy();
    const { device } = state;
    const limits = limitsFor(device, options.personalityFor(device));
    answerOpenFailuresAsOpenSsh(client);
    const tally = {
      failures: 0,
      limit: limits.authTries,
      tooMany: () => disconnect(client, socket, DISCONNECT_PROTOCOL_ERROR),
      protocol: state.netconf ? ('netconf' as const) : ('ssh' as const),
    };
    client.on('authentication', (ctx) => authenticate(ctx, device, keysOf(device, authorized), tally));
    // A login is counted once: as NETCONF on the NETCONF port; on the SSH port as what the
    // connection first asks for (a shell or exec: SSH; the netconf subsystem: NETCONF), or as SSH
    // if it closes having asked for nothing.
    const used = (protocol: Protocol) => {
      if (state.counted) return;
      state.counted = true;
      device.stats.login(protocol);
    };
    socket.once('close', () => state.authenticated && used('ssh'));
    client.once('ready', () => {
      state.authenticated = true;
      device.startups--;
      state.grace?.();
      if (!holdLines(state, 1)) return refuseLogin(socket, 'vty-full');
      if (state.netconf) used('netconf');
      client.on('session', (accept, reject) => {
        if (state.channels >= limits.sessionsPerConnection) return reject();
        if (!holdLines(state, Math.max(1, state.channels + 1))) return reject();
        state.channels++;
        const session = accept();
        let released = false;
        const release = () => {
          if (released || socket.destroyed) return;
          released = true;
          state.channels--;
          holdLines(state, Math.max(1, state.channels));
        };
        session.once('close', release);
        serveSession(session, device, socket, (d) => options.personalityFor(d), state.netconf, used);
      });
    });
  };

  const serverFor = (ident: string): ssh2.Server => {
    let server = servers.get(ident);
    if (server) return server;
    server = new ssh2.Server({ hostKeys, ident });
    server.on('connection', onConnection);
    server.on('error', () => undefined);
    servers.set(ident, server);
    return server;
  };

  return {
    accept(socket, device, netconf = false) {
      socket.setNoDelay(true);
      coalesceWrites(socket);
      socket.on('error', () => socket.destroy());
      const limits = limitsFor(device, options.personalityFor(device));
      // All vty lines busy (or a `vty-full` fault says so): the box accepts the TCP connection and
      // closes it at once.
      if (device.sessions >= vtyLines || device.faults.has('vty-full'))
        return refuseLogin(socket, 'vty-full');
      // Past MaxStartups sshd drops a new connection before its banner.
      if (device.startups >= limits.maxStartups) return refuseLogin(socket, 'startups-full');
      const state: ConnectionState = {
        device,
        netconf,
        authenticated: false,
        channels: 0,
        lines: 0,
        counted: false,
      };
      device.startups++;
      open.add(socket);
      stateOf.set(socket, state);
      state.grace = device.timers.after(limits.loginGraceMs, () => socket.destroy());
      socket.once('close', () => {
        state.grace?.();
        open.delete(socket);
        if (!state.authenticated) device.startups--;
        device.sessions -= state.lines;
        state.lines = 0;
      });
      guardIdent(socket);
      // `hang`: the TCP connection is up but no identification ever comes. The socket holds a
      // startup slot (MaxStartups still bounds how many) until the login grace, the client's
      // close or the device dropping its connections; what the client sends is read and discarded.
      if (device.faults.has('hang')) return void socket.resume();
      const server = serverFor(options.personalityFor(device)?.sshIdent ?? DEFAULT_IDENT);
      // `slow-banner`: the identification comes late, and the login grace (armed at accept, as
      // sshd arms its alarm before its banner) keeps running meanwhile.
      const slow = device.faults.get('slow-banner')?.params.delayMs ?? 0;
      const delay = device.latency.connect() + slow;
      if (delay <= 0) return server.injectSocket(socket);
      // The client sends its identification at once: it waits unread in the socket (ssh2 resumes
      // reading once it has the socket), else ssh2 would never see it.
      socket.pause();
      device.timers.after(delay, () => socket.destroyed || server.injectSocket(socket));
    },
    closeAll() {
      for (const socket of open) socket.destroy();
    },
    dropDevice(device) {
      for (const socket of open) if (stateOf.get(socket)?.device === device) socket.destroy();
    },
  };
}

function keysOf(device: DeviceRuntime, cache: Map<string, ParsedKey[]>): ParsedKey[] {
  let keys = cache.get(device.name);
  if (!keys) {
    keys = parseAuthorizedKeys(device.node.credentials.authorizedKeys);
    cache.set(device.name, keys);
  }
  return keys;
}
