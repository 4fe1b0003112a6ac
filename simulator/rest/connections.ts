/**
 * The bounds Node's HTTP server does not keep for us: open connections per device, answers one at
 * a time per connection, and the reply bytes the fleet holds unsent. Node already stops reading a
 * connection whose writes back up, so with answers in turn a client that never reads holds one
 * answer (at most the reply limit) plus its kernel buffers, and the next request is not built.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RestLimits } from './limits.js';

export interface ConnectionGuard {
  /** Counts a new connection of `device`; false when the device already has its maximum open. */
  admit(socket: Socket, device: string): boolean;
  /**
   * Resolves when the connection's earlier answers have been written; undefined when it already has
   * `maxPipelined` requests waiting (the caller drops it).
   */
  turn(socket: Socket, response: ServerResponse): Promise<void> | undefined;
  /** Reserves `bytes` of unsent reply until `response` is written or dropped; false over the fleet's budget. */
  reserve(response: ServerResponse, bytes: number): boolean;
}

interface Queue {
  waiting: number;
  tail: Promise<void>;
}

/** Resolves once `response` is written out (`finish`) or its connection is gone (`close`). */
const settled = (response: ServerResponse) =>
  new Promise<void>((resolve) => {
    if (response.writableFinished || response.destroyed) return resolve();
    response.once('finish', resolve).once('close', resolve);
  });

export function createConnectionGuard(
  limits: Pick<RestLimits, 'maxConnectionsPerDevice' | 'maxPipelined' | 'maxUnsentReplyBytes'>,
): ConnectionGuard {
  const open = new Map<string, number>();
  const queues = new WeakMap<Socket, Queue>();
  let unsent = 0;
  return {
    admit(socket, device) {
      const count = open.get(device) ?? 0;
      if (count >= limits.maxConnectionsPerDevice) return false;
      open.set(device, count + 1);
      socket.once('close', () => {
        const left = (open.get(device) ?? 1) - 1;
        if (left > 0) open.set(device, left);
        else open.delete(device);
      });
      return true;
    },
    turn(socket, response) {
      let queue = queues.get(socket);
      if (!queue) queues.set(socket, (queue = { waiting: 0, tail: Promise.resolve() }));
      if (queue.waiting >= limits.maxPipelined) return undefined;
      const mine = queue;
      mine.waiting++;
      const before = mine.tail;
      const done = settled(response).then(() => void mine.waiting--);
      mine.tail = before.then(() => done);
      return before;
    },
    reserve(response, bytes) {
      if (unsent + bytes > limits.maxUnsentReplyBytes) return false;
      unsent += bytes;
      void settled(response).then(() => (unsent -= bytes));
      return true;
    },
  };
}
