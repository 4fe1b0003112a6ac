/**
 * Every listener of a fleet process: one per device and protocol. Those that fit under this
 * process's descriptor limit (descriptors.ts) listen here; the rest listen in helper processes
 * (listener-helper.ts) that hand each accepted connection over, so a fleet process serves more
 * devices than it may hold descriptors. Either way a listener is a PortHandle the fleet closes and
 * opens again (a device going down and coming back) and stops.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { LabfleetError } from '../errors.js';
import type { DeviceRuntime } from '../device/runtime.js';
import { siblingScript } from './sibling-script.js';
import { checkSystemDescriptors, descriptorLimit, planListeners } from './descriptors.js';

export type Protocol = 'SSH' | 'REST' | 'NETCONF';

/** The flag that moves each protocol's ports. */
export const PORT_FLAG: Record<Protocol, string> = {
  SSH: '--ssh-port',
  REST: '--rest-port',
  NETCONF: '--netconf-port',
};

export interface Listener {
  device: DeviceRuntime;
  host: string;
  port: number;
  protocol: Protocol;
}

export interface WantedListener extends Listener {
  onSocket(socket: Socket, device: DeviceRuntime): void;
}

/** One listening port: closed (refusing connections, as a box that is down) and opened again. */
export interface PortHandle {
  readonly listener: Listener;
  listening(): boolean;
  /** Stops listening (resolves once new connections are refused); accepted ones are not touched. */
  close(): Promise<void>;
  open(): Promise<void>;
}

export interface Listeners {
  readonly handles: readonly PortHandle[];
  /** Helper processes holding listeners for this one (0 when all fit here). */
  readonly helpers: number;
  /** Closes every listener and ends every helper. */
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** Descriptors a process may hold; this process's limit when absent (tests give a small one). */
  descriptorLimit?: number;
  /** Listeners per served device, for the message when they do not fit. */
  perDevice?: number;
}

/** Listens on every wanted port, or on none: a failure closes what was opened and throws LISTEN_FAILED. */
export async function listenAll(
  wanted: readonly WantedListener[],
  options: ListenOptions = {},
): Promise<Listeners> {
  const perDevice = options.perDevice ?? 1;
  const limit = options.descriptorLimit ?? descriptorLimit().soft;
  const plan = planListeners(wanted.length, limit, perDevice);
  if (plan.helpers.length > 0) checkSystemDescriptors(wanted.length, perDevice);
  const local = wanted.slice(0, plan.local).map(localHandle);
  const helpers: Helper[] = [];
  let offset = plan.local;
  for (const size of plan.helpers) {
    helpers.push(new Helper(wanted.slice(offset, offset + size)));
    offset += size;
  }
  const handles: PortHandle[] = [...local, ...helpers.flatMap((h) => h.handles)];
  const stop = async () => {
    await Promise.all([...local.map((h) => h.stop()), ...helpers.map((h) => h.stop())]);
  };
  const results = await Promise.allSettled([
    ...local.map((h) => h.open()),
    ...helpers.map((h) => h.request('listen')),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { handles, helpers: helpers.length, stop };
}

type LocalHandle = PortHandle & { stop(): Promise<void> };

function localHandle(l: WantedListener): LocalHandle {
  const server: Server = createServer({ noDelay: true }, (socket) => l.onSocket(socket, l.device));
  server.on('error', () => undefined);
  return {
    listener: l,
    listening: () => server.listening,
    // The handle closes now; close()'s callback would wait for connections, dropped apart.
    close: () => {
      if (server.listening) server.close();
      return Promise.resolve();
    },
    open: () =>
      server.listening
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const failed = (error: Error) => reject(listenError(l, error));
            server.once('error', failed);
            server.listen({ host: l.host, port: l.port, backlog: 511 }, () => {
              server.off('error', failed);
              resolve();
            });
          }),
    stop: () =>
      new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

function helperScript(): string {
  return siblingScript('listener-helper.js', "a fleet beyond one process's descriptor limit needs it");
}

/** A helper process and the listeners it holds; its replies come in order of the requests. */
class Helper {
  readonly handles: PortHandle[];
  private readonly child: ChildProcess;
  private readonly wanted: readonly WantedListener[];
  private readonly open = new Set<number>();
  private readonly pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  private seq = 0;
  private exited = false;

  constructor(wanted: readonly WantedListener[]) {
    this.wanted = wanted;
    this.child = fork(helperScript(), [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: [],
      serialization: 'json',
    });
    this.child.on('message', (message: HelperMessage, socket?: Socket) => this.receive(message, socket));
    this.child.on('exit', () => {
      this.exited = true;
      this.open.clear();
      for (const pending of this.pending.values())
        pending.reject(new LabfleetError('LISTEN_FAILED', 'a listener helper process ended unexpectedly'));
      this.pending.clear();
    });
    this.handles = wanted.map((listener, id) => ({
      listener,
      listening: () => this.open.has(id),
      close: () => {
        this.open.delete(id);
        return this.request('close', [id]).catch(() => undefined);
      },
      open: () => this.request('open', [id]),
    }));
  }

  /** `listen` (every listener) or `close`/`open` of some; resolves on the helper's answer. */
  request(op: 'listen' | 'close' | 'open', ids?: number[]): Promise<void> {
    if (this.exited)
      return Promise.reject(new LabfleetError('LISTEN_FAILED', 'a listener helper process has ended'));
    const seq = ++this.seq;
    const all = ids ?? this.wanted.map((_, id) => id);
    const message =
      op === 'listen'
        ? { op, seq, listeners: this.wanted.map((l, id) => ({ id, host: l.host, port: l.port })) }
        : { op, seq, ids: all };
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, {
        resolve: () => {
          if (op !== 'close') for (const id of all) this.open.add(id);
          resolve();
        },
        reject,
      });
      this.child.send(message);
    });
  }

  private receive(message: HelperMessage, socket: Socket | undefined): void {
    if (message.op === 'socket') {
      const listener = this.wanted[message.id];
      if (!socket) return;
      if (!listener || !this.open.has(message.id)) return void socket.destroy();
      socket.setNoDelay(true);
      listener.onSocket(socket, listener.device);
      return;
    }
    const pending = this.pending.get(message.seq);
    this.pending.delete(message.seq);
    if (message.op === 'done') pending?.resolve();
    else
      pending?.reject(
        listenError(
          this.wanted[message.id]!,
          Object.assign(new Error(message.message), {
            code: message.code,
            port: this.wanted[message.id]!.port,
          }),
        ),
      );
  }

  stop(): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      if (this.child.connected) this.child.disconnect();
      this.child.kill('SIGTERM');
    });
  }
}

type HelperMessage =
  | { op: 'socket'; id: number }
  | { op: 'done'; seq: number }
  | { op: 'failed'; seq: number; id: number; code?: string; message: string };

export function listenError(l: Listener, error: Error & { code?: string }): LabfleetError {
  const flag = PORT_FLAG[l.protocol];
  const hint =
    error.code === 'EADDRINUSE'
      ? ` (another fleet or program already listens there; stop it, or choose ${flag} or another mgmt pool)`
      : error.code === 'EMFILE'
        ? ' (too many open files: each device needs one listener per protocol it serves, SSH, NETCONF and REST; raise the limit, e.g. `ulimit -n 20000`, or serve fewer with --no-netconf or --no-rest)'
        : error.code === 'EACCES'
          ? ` (ports below 1024 need privileges; choose ${flag} 1024 or higher)`
          : '';
  return new LabfleetError(
    'LISTEN_FAILED',
    `${l.device.name}: cannot listen for ${l.protocol} on ${l.host}:${l.port}: ${error.code ?? error.message}${hint}`,
    {
      cause: error,
    },
  );
}
