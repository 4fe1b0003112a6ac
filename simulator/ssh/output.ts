/**
 * Backpressure from an SSH channel and its TCP socket, as a ByteSink. ssh2 sends no more than the
 * client's window but buffers the rest in the channel (2 MiB before `write` says so), and writes
 * to the socket without looking at its buffer; this sink says "full" once either holds
 * SSH_OUTPUT_HIGH_WATER bytes, and calls back when they have drained.
 */
import type { Socket } from 'node:net';
import type { ServerChannel } from 'ssh2';
import type { ByteSink } from './paced-writer.js';

/** Bytes a session may leave in its channel, and its connection in its socket, before it waits. */
export const SSH_OUTPUT_HIGH_WATER = 64 * 1024;

/** Callbacks waiting for a socket's 'drain', with one listener per socket whatever their number. */
const socketWaiters = new WeakMap<Socket, Set<() => void>>();

function waitForSocket(socket: Socket, fn: () => void): () => void {
  let waiters = socketWaiters.get(socket);
  if (!waiters) {
    const set = new Set<() => void>();
    waiters = set;
    socketWaiters.set(socket, set);
    socket.on('drain', () => {
      const ready = [...set];
      set.clear();
      for (const waiter of ready) waiter();
    });
  }
  waiters.add(fn);
  return () => waiters.delete(fn);
}

/** A sink onto `channel`; what waits for it is dropped when the channel closes. */
export function createChannelSink(channel: ServerChannel, socket: Socket): ByteSink {
  // ssh2 leaves the channel's high-water mark at 2 MiB; 'drain' must come far sooner than that.
  const state = (channel as unknown as { _writableState?: { highWaterMark: number } })._writableState;
  if (state) state.highWaterMark = SSH_OUTPUT_HIGH_WATER;
  let forget: (() => void) | undefined;
  let waiting: (() => void) | undefined;
  channel.once('close', () => {
    forget?.();
    if (waiting) channel.off('drain', waiting);
    forget = waiting = undefined;
  });
  const gone = () => channel.destroyed || !channel.writable;
  return {
    write(bytes) {
      if (gone()) return true;
      const ok = channel.write(bytes);
      return ok && socket.writableLength < SSH_OUTPUT_HIGH_WATER;
    },
    whenWritable(fn) {
      const check = () => {
        waiting = forget = undefined;
        if (gone()) return;
        if (channel.writableNeedDrain) {
          waiting = check;
          channel.once('drain', check);
        } else if (socket.writableLength >= SSH_OUTPUT_HIGH_WATER && !socket.destroyed) {
          forget = waitForSocket(socket, check);
        } else fn();
      };
      check();
    },
  };
}
