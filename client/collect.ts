/**
 * Collecting from many devices at once: one login per device, the requested collectors in turn,
 * retries with backoff for connection failures. Every device ends as a result, never an exception.
 */
import { performance } from 'node:perf_hooks';
import { normalizeInterfaceName } from '../simulator/topology/interfaces.js';
import { getKind } from '../simulator/topology/kinds/index.js';
import { driverFor } from './drivers/index.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from './drivers/types.js';
import { ClientError, isRetryable } from './errors.js';
import { runPool } from './pool.js';
import { openRestReader } from './readers/rest.js';
import { openSshReader } from './readers/ssh.js';
import type { DeviceReader, Transport } from './readers/types.js';
import type { Target, Timeouts } from './target.js';

/** `neighbors` merges every protocol by local port; `cdp` and `lldp` ask one protocol only. */
export type CollectItem = 'neighbors' | 'cdp' | 'lldp' | 'arp' | 'version' | 'memory';

export interface CollectRequest {
  items: readonly CollectItem[];
  /** Raw commands whose output is returned as text. */
  raw?: readonly string[];
}

export interface DeviceResult {
  device: string;
  platform: Target['platform'];
  host: string;
  port: number;
  ok: boolean;
  error?: { code: string; message: string };
  neighbors?: ObservedNeighbor[];
  arp?: ArpRow[];
  version?: VersionFacts;
  memory?: MemoryFacts;
  raw?: Record<string, string>;
  seconds: number;
  attempts: number;
}

export interface CollectOptions {
  timeouts: Timeouts;
  /** Further attempts after a connection failure (not after an auth failure). */
  retries: number;
  concurrency: number;
  /** How to reach the devices: their CLI over SSH (default) or their REST API. */
  transport?: Transport;
  /** PEM to verify REST certificates against (the fleet's own from `up --rest-cert`); unchecked when absent. */
  restCa?: string;
  /** Called as each device finishes (for progress bars). */
  onResult?: (result: DeviceResult, done: number, total: number) => void;
}

export const DEFAULT_COLLECT_OPTIONS: CollectOptions = {
  timeouts: { connectMs: 10_000, commandMs: 30_000 },
  retries: 2,
  concurrency: 100,
};

export async function collectAll(
  targets: readonly Target[],
  request: CollectRequest,
  options: CollectOptions,
): Promise<DeviceResult[]> {
  let done = 0;
  return runPool(targets, options.concurrency, async (target) => {
    const result = await collectDevice(target, request, options);
    options.onResult?.(result, ++done, targets.length);
    return result;
  });
}

export async function collectDevice(
  target: Target,
  request: CollectRequest,
  options: CollectOptions,
): Promise<DeviceResult> {
  const started = performance.now();
  const base = {
    device: target.name,
    platform: target.platform,
    host: target.host,
    port: options.transport === 'rest' ? restPort(target) : target.port,
  };
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const data = await collectOnce(target, request, options);
      return { ...base, ok: true, ...data, seconds: (performance.now() - started) / 1000, attempts };
    } catch (error) {
      if (attempts <= options.retries && isRetryable(error)) {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempts - 1)));
        continue;
      }
      const code = error instanceof ClientError ? error.code : 'COMMAND_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...base,
        ok: false,
        error: { code, message },
        seconds: (performance.now() - started) / 1000,
        attempts,
      };
    }
  }
}

async function collectOnce(
  target: Target,
  request: CollectRequest,
  options: CollectOptions,
): Promise<Pick<DeviceResult, 'neighbors' | 'arp' | 'version' | 'memory' | 'raw'>> {
  const reader = await openReader(target, options);
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
    reader.close();
  }
}

function openReader(target: Target, options: CollectOptions): Promise<DeviceReader> {
  if ((options.transport ?? 'ssh') === 'rest')
    return Promise.resolve().then(() =>
      openRestReader(target, {
        timeoutMs: options.timeouts.commandMs,
        ...(options.restCa ? { ca: options.restCa } : {}),
      }),
    );
  const driver = driverFor(target.platform);
  if (!driver) throw new ClientError('NO_DRIVER', `no driver for platform ${target.platform} yet`);
  return openSshReader(target, driver, options.timeouts);
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
