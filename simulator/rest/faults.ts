/**
 * What a device's faults (device/faults.ts) do on the wire of a REST connection: a connection held
 * open and never answered (`hang`), a request never answered (`command-hang`) and an answer cut
 * off part way (`drop-mid-output`). The server (server.ts) decides when; these move the bytes.
 * Every hold is bounded by a deadline on the device's timers and ends when the client closes.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { DeviceRuntime } from '../device/runtime.js';

/**
 * Keeps an accepted connection open without ever answering: no TLS handshake, no HTTP. What the
 * client sends is read and dropped, so its close is seen; the connection is destroyed at
 * `deadlineMs` (the handshake or headers deadline a live connection is held to).
 */
export function holdSilent(socket: Socket, device: DeviceRuntime, deadlineMs: number): void {
  socket.resume();
  socket.once('end', () => socket.destroy());
  const cancel = device.timers.after(deadlineMs, () => socket.destroy());
  socket.once('close', cancel);
}

/**
 * Leaves a request unanswered: the connection stays open, silent, until the client gives up or
 * `boundMs` passes. The server's idle timeout is lifted for it, so the client's own deadline (not
 * ours) is what a hung device meets first.
 */
export function holdRequest(response: ServerResponse, device: DeviceRuntime, boundMs: number): void {
  const socket = response.socket;
  if (!socket) return;
  socket.setTimeout(0);
  const cancel = device.timers.after(boundMs, () => socket.destroy());
  socket.once('close', cancel);
}

/**
 * Sends the status line, the headers (with the whole body's `Content-Length`) and the first `share`
 * of the body, then drops the connection: the client reads a body that stops short. Returns the
 * body bytes sent.
 */
export function sendTruncated(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  share: number,
): number {
  const cut = Math.floor(body.length * Math.min(1, Math.max(0, share)));
  response.writeHead(status, { ...headers, 'content-length': String(body.length) });
  response.write(body.subarray(0, cut), () => response.socket?.destroy());
  return cut;
}
