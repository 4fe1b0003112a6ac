/**
 * Collecting from many devices at once: one login per device, the requested collectors in turn,
 * retries with backoff for connection failures. Every device ends as a result, never an exception.
 */
import { performance } from 'node:perf_hooks';
import { LabfleetError } from '../simulator/errors.js';
import { checkDuration } from '../simulator/topology/duration.js';
import { normalizeInterfaceName } from '../simulator/topology/interfaces.js';
import { getKind } from '../simulator/topology/kinds/index.js';
import { DEFAULT_COLLECT_OPTIONS as COLLECT_DEFAULTS } from './collect-defaults.js';
import { driverFor } from './drivers/index.js';
import { netconfDriverFor } from './drivers/netconf/index.js';
import { restDriverFor } from './drivers/rest/index.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from './drivers/types.js';
import { ClientError, isRetryable } from './errors.js';
import { runPool } from './pool.js';
import { NETCONF_ITEMS, openNetconfReader } from './readers/netconf.js';
import { openRestReader } from './readers/rest.js';
import { openSshReader } from './readers/ssh.js';
import type { DeviceReader, Transport } from './readers/types.js';
import type { Target, Timeouts } from './target.js';
import { createTimelineRecorder, type TimelineRecorder, type TimelineSpan } from './timeline.js';
import { netconfPortOf } from './transport/netconf-session.js';

/** `neighbors` merges every protocol by local port; `cdp` and `lldp` ask one protocol only. */
export type CollectItem = 'neighbors' | 'cdp' | 'lldp' | 'arp' | 'version' | 'memory';

export interface CollectRequest {
  items: readonly CollectItem[];
  /** Raw commands whose output is returned as text. */
  raw?: readonly string[];
}

/**
 * How a device ended: `ok` answered; `skipped` was not asked, because its platform lacks what was
 * requested (CDP on EOS or Junos), `reason` says so; `error` failed; `interrupted` was not finished
 * when Ctrl-C or SIGTERM stopped the run.
 */
export type DeviceStatus = 'ok' | 'skipped' | 'error' | 'interrupted';

export interface DeviceResult {
  device: string;
  platform: Target['platform'];
  host: string;
  port: number;
  status: DeviceStatus;
  /** Nothing went wrong: `ok` or `skipped`. */
  ok: boolean;
  /** Why a device was skipped, or which requested items it was not asked for. */
  reason?: string;
  error?: { code: string; message: string };
  neighbors?: ObservedNeighbor[];
  arp?: ArpRow[];
  version?: VersionFacts;
  memory?: MemoryFacts;
  raw?: Record<string, string>;
  seconds: number;
  attempts: number;
  /**
   * Where the time went, span by span (every attempt's), in milliseconds since the run started;
   * empty for a device never started (skipped or interrupted before its turn).
   */
  timeline: TimelineSpan[];
}

export interface CollectOptions {
  timeouts: Timeouts;
  /** Further attempts after a connection failure (not after an auth failure). */
  retries: number;
  concurrency: number;
  /** How to reach the devices: their CLI over SSH (default), their REST API, or NETCONF. */
  transport?: Transport;
  /** PEM to verify REST certificates against (the fleet's own from `up --rest-cert`); unchecked when absent. */
  restCa?: string;
  /** Called as each device finishes (for progress bars). */
  onResult?: (result: DeviceResult, done: number, total: number) => void;
  /**
   * Aborting stops the run: no further device is started, sessions in flight are closed, and
   * collecting resolves at once, every unfinished device `interrupted`.
   */
  signal?: AbortSignal;
}

export const DEFAULT_COLLECT_OPTIONS: CollectOptions = COLLECT_DEFAULTS;

/** Every target's result, in target order; with `signal` aborted, what finished so far. */
export async function collectAll(
  targets: readonly Target[],
  request: CollectRequest,
  options: CollectOptions,
): Promise<DeviceResult[]> {
  checkCollectOptions(options);
  const originMs = performance.now();
  const { signal } = options;
  const finished = new Array<DeviceResult | undefined>(targets.length);
  let done = 0;
  const pool = runPool(targets, options.concurrency, async (target, index) => {
    if (signal?.aborted) return;
    const result = await collectDevice(target, request, options, originMs);
    if (signal?.aborted) return;
    finished[index] = result;
    options.onResult?.(result, ++done, targets.length);
  });
  await (signal ? untilAborted(pool, signal) : pool);
  return targets.map((target, i) => finished[i] ?? interruptedResult(target, options));
}

/**
 * A library caller's options, held to what the CLI's flags accept: a timeout a timer cannot hold
 * would fire at once, and a concurrency below 1 would never start a device.
 */
function checkCollectOptions(options: CollectOptions): void {
  for (const [name, ms] of [
    ['timeouts.connectMs', options.timeouts.connectMs],
    ['timeouts.commandMs', options.timeouts.commandMs],
  ] as const) {
    const checked = checkDuration(ms);
    if ('error' in checked) throw new LabfleetError('USAGE', `${name} ${checked.error}`);
    if (checked.ms < 1) throw new LabfleetError('USAGE', `${name} ${ms} is too short; the minimum is 1 ms`);
  }
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
    throw new LabfleetError('USAGE', `concurrency ${options.concurrency} is not a whole number of 1 or more`);
  if (!Number.isInteger(options.retries) || options.retries < 0)
    throw new LabfleetError('USAGE', `retries ${options.retries} is not a whole number of 0 or more`);
}

/** Waits for `work`, or only until `signal` aborts. */
async function untilAborted(work: Promise<unknown>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let stop = () => {};
  const aborted = new Promise<void>((resolve) => {
    stop = resolve;
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

function baseOf(target: Target, options: CollectOptions) {
  return {
    device: target.name,
    platform: target.platform,
    host: target.host,
    port:
      options.transport === 'rest'
        ? restPort(target)
        : options.transport === 'netconf'
          ? netconfPortOf(target)
          : target.port,
  };
}

function interruptedResult(target: Target, options: CollectOptions): DeviceResult {
  return {
    ...baseOf(target, options),
    status: 'interrupted',
    ok: false,
    error: { code: 'INTERRUPTED', message: 'not finished: the run was interrupted (Ctrl-C or SIGTERM)' },
    seconds: 0,
    attempts: 0,
    timeline: [],
  };
}

/**
 * One device, every attempt. Its timeline's zero is `originMs` (a `performance.now()` reading;
 * collectAll passes its own start so devices share one axis), else this call's start.
 */
export async function collectDevice(
  target: Target,
  request: CollectRequest,
  options: CollectOptions,
  originMs?: number,
): Promise<DeviceResult> {
  const started = performance.now();
  const recorder = createTimelineRecorder(originMs ?? started);
  const base = baseOf(target, options);
  const { asked, reason } = splitUnspoken(target, request, options.transport ?? 'ssh');
  if (asked.items.length === 0 && !asked.raw?.length)
    return { ...base, status: 'skipped', ok: true, reason: reason!, seconds: 0, attempts: 0, timeline: [] };
  let attempts = 0;
  for (;;) {
    attempts++;
    const firstSpan = recorder.spans.length;
    try {
      const data = await collectOnce(target, asked, options, recorder);
      return {
        ...base,
        status: 'ok',
        ok: true,
        ...(reason ? { reason } : {}),
        ...data,
        seconds: (performance.now() - started) / 1000,
        attempts,
        timeline: recorder.spans,
      };
    } catch (error) {
      if (options.signal?.aborted) return interruptedResult(target, options);
      markFailed(recorder.spans, firstSpan);
      if (attempts <= options.retries && isRetryable(error)) {
        const waitStart = recorder.now();
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempts - 1)));
        recorder.end('retry-wait', 'retry-wait', waitStart);
        continue;
      }
      const code = error instanceof ClientError ? error.code : 'COMMAND_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        status: 'error',
        ok: false,
        error: { code, message },
        seconds: (performance.now() - started) / 1000,
        attempts,
        timeline: recorder.spans,
      };
    }
  }
}

/**
 * The attempt's failure on its spans: a failure found after a span ended (a refused command, a
 * 401) marks the attempt's last span, unless a span already failed.
 */
function markFailed(spans: TimelineSpan[], from: number): void {
  if (spans.length <= from || spans.slice(from).some((span) => span.failed)) return;
  spans[spans.length - 1]!.failed = true;
}

async function collectOnce(
  target: Target,
  request: CollectRequest,
  options: CollectOptions,
  recorder: TimelineRecorder,
): Promise<Pick<DeviceResult, 'neighbors' | 'arp' | 'version' | 'memory' | 'raw'>> {
  const reader = await openReader(target, options, recorder);
  const forget = options.signal ? closeOnAbort(options.signal, () => reader.close()) : () => undefined;
  try {
    const out: Pick<DeviceResult, 'neighbors' | 'arp' | 'version' | 'memory' | 'raw'> = {};
    for (const item of request.items) {
      if (item === 'neighbors') out.neighbors = mergeByPort(await reader.neighbors(), target.platform);
      else if (item === 'cdp' || item === 'lldp')
        out.neighbors = mergeByPort(await reader.neighbors(item), target.platform);
      else if (item === 'arp') out.arp = await reader.arp();
      else if (item === 'version') out.version = await reader.version();
      else out.memory = await reader.memory();
    }
    if (request.raw?.length) {
      out.raw = {};
      for (const command of request.raw) out.raw[command] = await reader.raw(command);
    }
    return out;
  } finally {
    forget();
    reader.close();
  }
}

/** What to close when a signal aborts: one listener per signal, however many devices are in flight. */
const closers = new WeakMap<AbortSignal, Set<() => void>>();

/** Runs `close` if `signal` aborts; the returned function forgets it. */
function closeOnAbort(signal: AbortSignal, close: () => void): () => void {
  let pending = closers.get(signal);
  if (!pending) {
    const set = new Set<() => void>();
    signal.addEventListener('abort', () => set.forEach((c) => c()), { once: true });
    closers.set(signal, (pending = set));
  }
  if (signal.aborted) close();
  else pending.add(close);
  return () => pending.delete(close);
}

/** The neighbour protocols a platform's driver speaks over a transport (none without a driver). */
export function protocolsOf(platform: Target['platform'], transport: Transport): Array<'cdp' | 'lldp'> {
  const collectors =
    transport === 'rest'
      ? restDriverFor(platform).neighbors
      : transport === 'netconf'
        ? netconfDriverFor(platform).neighbors
        : (driverFor(platform)?.neighbors ?? []);
  return [...new Set(collectors.map((c) => c.protocol))];
}

/**
 * The request without what the platform does not speak (CDP on EOS and Junos), and why. A platform
 * without any driver is left to fail as NO_DRIVER.
 */
function splitUnspoken(
  target: Target,
  request: CollectRequest,
  transport: Transport,
): { asked: CollectRequest; reason?: string } {
  if (transport === 'ssh' && !driverFor(target.platform)) return { asked: request };
  const spoken = protocolsOf(target.platform, transport);
  const unspoken = request.items.filter(
    (item): item is 'cdp' | 'lldp' => (item === 'cdp' || item === 'lldp') && !spoken.includes(item),
  );
  const notOverTransport =
    transport === 'netconf'
      ? request.items.filter((item) => !(NETCONF_ITEMS as readonly string[]).includes(item))
      : [];
  if (unspoken.length === 0 && notOverTransport.length === 0) return { asked: request };
  const names = (protocols: readonly string[]) => protocols.map((p) => p.toUpperCase()).join(' or ');
  const reasons = [
    ...(unspoken.length
      ? [
          `${target.platform} does not speak ${names(unspoken)}${spoken.length ? `, only ${names(spoken)}` : ''}`,
        ]
      : []),
    ...(notOverTransport.length
      ? [`${notOverTransport.join(', ')} not collected over NETCONF (use --transport ssh or rest)`]
      : []),
  ];
  const left = new Set<CollectItem>([...unspoken, ...notOverTransport]);
  return {
    asked: { ...request, items: request.items.filter((i) => !left.has(i)) },
    reason: reasons.join('; '),
  };
}

function openReader(
  target: Target,
  options: CollectOptions,
  recorder: TimelineRecorder,
): Promise<DeviceReader> {
  if (options.transport === 'netconf') return openNetconfReader(target, options.timeouts, recorder);
  if ((options.transport ?? 'ssh') === 'rest')
    return Promise.resolve().then(() =>
      openRestReader(target, {
        timeoutMs: options.timeouts.commandMs,
        recorder,
        ...(options.restCa ? { ca: options.restCa } : {}),
      }),
    );
  const driver = driverFor(target.platform);
  if (!driver) throw new ClientError('NO_DRIVER', `no driver for platform ${target.platform} yet`);
  return openSshReader(target, driver, options.timeouts, recorder);
}

/** Neighbours of every protocol asked, one per local port (the first protocol wins). */
function mergeByPort(
  neighbors: readonly ObservedNeighbor[],
  platform: Target['platform'],
): ObservedNeighbor[] {
  const types = getKind(platform).interfaceTypes;
  const byPort = new Map<string, ObservedNeighbor>();
  for (const neighbor of neighbors) {
    const key = normalizeInterfaceName(neighbor.localInterface, types);
    if (!byPort.has(key)) byPort.set(key, neighbor);
  }
  return [...byPort.values()];
}

/** The port of a target's REST URL (its SSH port when it has none: the failure will say so). */
function restPort(target: Target): number {
  try {
    const url = new URL(target.restUrl ?? '');
    return Number(url.port || (url.protocol === 'http:' ? 80 : 443));
  } catch {
    return target.port;
  }
}
