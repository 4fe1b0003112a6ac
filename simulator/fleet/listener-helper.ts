/**
 * A listener helper: a small process that holds listeners for a fleet process whose descriptor
 * limit they would exceed, and hands every accepted connection to it (the socket's descriptor moves
 * over the IPC channel). It knows nothing of devices: ids, addresses and ports. The connection is
 * paused on accept, so not a byte is read here; its TCP_NODELAY travels with the descriptor.
 *
 * Requests (from the fleet process): `listen` {seq, listeners: [{id, host, port}]}, `close` and
 * `open` {seq, ids}; each is answered `done` {seq} or `failed` {seq, id, code, message}. The helper
 * exits when its parent's channel closes, so it never outlives the fleet.
 */
import { createServer, type Server, type Socket } from 'node:net';

interface Wanted {
  id: number;
  host: string;
  port: number;
}

type Request =
  { op: 'listen'; seq: number; listeners: Wanted[] } | { op: 'close' | 'open'; seq: number; ids: number[] };

const servers = new Map<number, { server: Server; wanted: Wanted }>();

function send(message: object, socket?: Socket): void {
  if (!process.connected) {
    socket?.destroy();
    return;
  }
  process.send!(message, socket, { keepOpen: false }, (error) => {
    if (error) socket?.destroy();
  });
}

/**
 * Sends a connection as a bare socket, not as one of its server's. Node tracks a socket sent with
 * its server per listener, on both ends of the channel: the fleet process adds one listener to the
 * channel's internal messages for every listener that ever handed it a connection, and runs them
 * all for every message after. A helper holds thousands of listeners, so that grew with every
 * device logged in to: a fifth of a worker's CPU in a login sweep over 100,000 devices. This is
 * what Node's send does for a server's socket (the count of its connections drops), without the
 * tracking; nothing here waits on that count.
 */
function detach(socket: Socket, server: Server): void {
  const attached = socket as Socket & { server?: unknown };
  if (attached.server !== server) return;
  attached.server = null;
  const counted = server as Server & { _connections?: number };
  if (typeof counted._connections === 'number') counted._connections--;
}

function listen(server: Server, wanted: Wanted): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: wanted.host, port: wanted.port, backlog: 511 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function handle(request: Request): Promise<void> {
  const ids = request.op === 'listen' ? request.listeners.map((l) => l.id) : request.ids;
  if (request.op === 'listen')
    for (const wanted of request.listeners) {
      const server = createServer({ noDelay: true, pauseOnConnect: true }, (socket) => {
        detach(socket, server);
        send({ op: 'socket', id: wanted.id }, socket);
      });
      server.on('error', () => undefined);
      servers.set(wanted.id, { server, wanted });
    }
  if (request.op === 'close') {
    for (const id of ids) {
      const entry = servers.get(id);
      if (entry?.server.listening) entry.server.close();
    }
    return send({ op: 'done', seq: request.seq });
  }
  const results = await Promise.allSettled(
    ids.map((id) => {
      const entry = servers.get(id)!;
      return entry.server.listening ? Promise.resolve() : listen(entry.server, entry.wanted);
    }),
  );
  const index = results.findIndex((r) => r.status === 'rejected');
  if (index < 0) return send({ op: 'done', seq: request.seq });
  const error = (results[index] as PromiseRejectedResult).reason as NodeJS.ErrnoException;
  send({ op: 'failed', seq: request.seq, id: ids[index], code: error.code, message: error.message });
}

process.on('message', (request: Request) => void handle(request));
process.on('disconnect', () => process.exit(0));
