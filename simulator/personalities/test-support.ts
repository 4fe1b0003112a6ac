/** Builds render contexts for golden tests and tools: a device of a bundled topology at a frozen time. */
import { createStateContext, deriveDeviceState } from '../state/index.js';
import { memoryAt } from '../state/memory.js';
import { createWorld, parseDrift } from '../topology/drift.js';
import { loadTopology } from '../topology/load.js';
import { createDeviceConfig, FROZEN_EPOCH, type RenderContext } from './render-context.js';

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
  };
}
