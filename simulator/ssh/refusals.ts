/**
 * How a box turns an SSH client away, on the wire. Kept in one place so that a fault (a device
 * whose vty lines are all taken, say) can reuse the very same answers.
 */
import type { Socket } from 'node:net';
import type { Connection } from 'ssh2';

/** RFC 4254 SSH_OPEN_ADMINISTRATIVELY_PROHIBITED. */
const OPEN_ADMINISTRATIVELY_PROHIBITED = 1;
/** RFC 4253 SSH_DISCONNECT_PROTOCOL_ERROR: what OpenSSH's packet_disconnect sends. */
export const DISCONNECT_PROTOCOL_ERROR = 2;

/** Why a login is turned away before it starts. */
export type LoginRefusal = 'vty-full' | 'startups-full';

/**
 * The box accepted the TCP connection and closes it: all vty lines busy (IOS closes at once) or
 * too many connections not yet logged in (sshd past MaxStartups closes before its banner).
 */
export function refuseLogin(socket: Socket, _why: LoginRefusal): void {
  socket.destroy();
}

interface ProtocolInternals {
  channelOpenFail(recipient: number, reason: number, description?: string): void;
  disconnect(reason: number): void;
}

const protocolOf = (client: Connection) => (client as unknown as { _protocol: ProtocolInternals })._protocol;

/**
 * Every refused channel open is answered as OpenSSH's server_input_channel_open does:
 * "administratively prohibited", "open failed" (ssh2's own answer is "connect failed", no text).
 */
export function answerOpenFailuresAsOpenSsh(client: Connection): void {
  const protocol = protocolOf(client);
  const original = protocol.channelOpenFail.bind(protocol);
  protocol.channelOpenFail = (recipient) =>
    original(recipient, OPEN_ADMINISTRATIVELY_PROHIBITED, 'open failed');
}

/** Sends SSH_MSG_DISCONNECT with `reason` (ssh2 sends no description) and closes the connection. */
export function disconnect(client: Connection, socket: Socket, reason: number): void {
  protocolOf(client).disconnect(reason);
  socket.end();
}
