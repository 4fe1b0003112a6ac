/** Render contexts and device runtimes for tests: a device of a bundled topology at a frozen time. */
import { createClock } from '../simulator/device/clock.js';
import { createDeviceRuntime, type DeviceRuntime } from '../simulator/device/runtime.js';
import { withCommandLatency } from '../simulator/latency/sampler.js';
import { createStateContext, deriveDeviceState } from '../simulator/state/index.js';
import { memoryAt } from '../simulator/state/memory.js';
import { parseDrift } from '../simulator/topology/drift.js';
import { createWorld } from '../simulator/topology/world.js';
import { loadTopology } from '../simulator/topology/load.js';
import { createDeviceConfig, FROZEN_EPOCH, type RenderContext } from '../simulator/device/render-context.js';

/** A render context for `device` of `topology`, `elapsedSeconds` after a frozen fleet start. */
export async function renderContextFor(
  topology: string,
  device: string,
  options: { seed?: string | number; drift?: string; elapsedSeconds?: number } = {},
): Promise<RenderContext> {
  const loaded = await loadTopology(topology);
  const world = options.drift ? parseDrift(options.drift, loaded) : createWorld(loaded);
  const ctx = createStateContext(world, options.seed);
  const state = deriveDeviceState(ctx, device);
  const elapsed = options.elapsedSeconds ?? 0;
  return {
    state,
    config: createDeviceConfig(state),
    now: FROZEN_EPOCH + elapsed * 1000,
    uptimeSeconds: state.uptimeAtStart + elapsed,
    memory: memoryAt(state.memory, ctx.seed, device, elapsed),
    linkEvents: [],
  };
}

/**
 * A running device of a bundled topology, outside any fleet: frozen clock, no latency. For tests
 * of the pieces a fleet feeds (REST APIs, CLI sessions) without sockets.
 */
export async function deviceRuntimeFor(
  topology: string,
  device: string,
  options: { seed?: string | number; drift?: string } = {},
): Promise<DeviceRuntime> {
  const loaded = await loadTopology(topology);
  const world = options.drift ? parseDrift(options.drift, loaded) : createWorld(loaded);
  const node = loaded.nodeByName.get(device);
  if (!node) throw new Error(`${topology} has no device ${device}`);
  const ctx = createStateContext(world, options.seed);
  return createDeviceRuntime(ctx, node, createClock(true), withCommandLatency(node.latency, 0));
}
