/**
 * Collecting from many devices at once: one login per device, the requested collectors in turn,
 * retries with backoff for connection failures. Every device ends as a result, never an exception.
 */
import { performance } from 'node:perf_hooks';
import { normalizeInterfaceName } from '../simulator/topology/interfaces.js';
import { getKind } from '../simulator/topology/kinds/index.js';
import { driverFor } from './drivers/index.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, PlatformDriver, VersionFacts } from './drivers/types.js';
import { ClientError, isRetryable } from './errors.js';
import { runPool } from './pool.js';
import { openSession, type DeviceSession, type Target, type Timeouts } from './transport/ssh-session.js';

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
  const base = { device: target.name, platform: target.platform, host: target.host, port: target.port };
  const driver = driverFor(target.platform);
  if (!driver) {
    const error = { code: 'NO_DRIVER', message: `no driver for platform ${target.platform} yet` };
    return { ...base, ok: false, error, seconds: 0, attempts: 0 };
  }
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      const data = await collectOnce(target, driver, request, options.timeouts);
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
  driver: PlatformDriver,
  request: CollectRequest,
  timeouts: Timeouts,
) {
  const session = await openSession(target, driver, timeouts);
  try {
    const out: Pick<DeviceResult, 'neighbors' | 'arp' | 'version' | 'memory' | 'raw'> = {};
    const run = (command: string) => runChecked(session, driver, command);
    for (const item of request.items) {
      if (item === 'neighbors') out.neighbors = await collectNeighbors(session, driver, target);
      else if (item === 'cdp' || item === 'lldp')
        out.neighbors = await collectNeighbors(session, driver, target, item);
      else if (item === 'arp') out.arp = driver.arp.parse(await run(driver.arp.command));
      else if (item === 'version') out.version = driver.version.parse(await run(driver.version.command));
      else out.memory = driver.memory.parse(await run(driver.memory.command));
    }
    if (request.raw?.length) {
      out.raw = {};
      for (const command of request.raw) out.raw[command] = await session.run(command);
    }
    return out;
  } finally {
    session.close();
  }
}

async function runChecked(session: DeviceSession, driver: PlatformDriver, command: string): Promise<string> {
  const output = await session.run(command);
  if (driver.errorMarkers.some((marker) => marker.test(output)))
    throw new ClientError('COMMAND_FAILED', `"${command}" was refused: ${output.trim().split('\n').at(-1)}`);
  return output;
}

/** Every neighbour protocol the driver knows, merged by local port (the first protocol wins). */
async function collectNeighbors(
  session: DeviceSession,
  driver: PlatformDriver,
  target: Target,
  only?: 'cdp' | 'lldp',
): Promise<ObservedNeighbor[]> {
  const types = getKind(target.platform).interfaceTypes;
  const byPort = new Map<string, ObservedNeighbor>();
  const collectors = driver.neighbors.filter((c) => !only || c.protocol === only);
  if (only && collectors.length === 0)
    throw new ClientError('COMMAND_FAILED', `${target.platform} does not speak ${only}`);
  for (const collector of collectors) {
    const output = await session.run(collector.command);
    if (collector.disabled?.test(output)) continue;
    if (driver.errorMarkers.some((marker) => marker.test(output)))
      throw new ClientError('COMMAND_FAILED', `"${collector.command}" was refused`);
    for (const neighbor of collector.parse(output)) {
      const key = normalizeInterfaceName(neighbor.localInterface, types);
      if (!byPort.has(key)) byPort.set(key, neighbor);
    }
  }
  return [...byPort.values()];
}
