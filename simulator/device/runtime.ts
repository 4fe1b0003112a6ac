/** A device while the fleet runs: lazily derived state, configuration changes, latency, sessions. */
import { createLatencySampler, type LatencySampler } from '../latency/sampler.js';
import { createDeviceConfig, type DeviceConfig, type RenderContext } from './render-context.js';
import { deriveDeviceState, type DeviceState, type StateContext } from '../state/index.js';
import { memoryAt } from '../state/memory.js';
import type { LatencyProfile, NodeSpec } from '../topology/model.js';
import type { Clock } from './clock.js';
import { createTimers, type Timers } from './timers.js';

export interface DeviceRuntime {
  readonly name: string;
  readonly node: NodeSpec;
  readonly latency: LatencySampler;
  /** Derived on first use, then kept. */
  state(): DeviceState;
  config(): DeviceConfig;
  /** A fresh render context: state plus configuration, time and memory at this moment. */
  renderContext(): RenderContext;
  /** The device's clock, ms since the epoch (fixed under --freeze-time). */
  now(): number;
  /** The fleet's timers: every delay this device's sessions wait goes through them. */
  readonly timers: Timers;
  /** vty lines in use: SSH session channels open across all connections (at least one per logged-in connection). */
  sessions: number;
  /** SSH connections that have not logged in yet (they hold no vty line). */
  startups: number;
}

export function createDeviceRuntime(
  ctx: StateContext,
  node: NodeSpec,
  clock: Clock,
  latency: LatencyProfile,
  /** The fleet's registry; a device alone (in tests) gets its own. */
  timers: Timers = createTimers(),
): DeviceRuntime {
  let state: DeviceState | undefined;
  let config: DeviceConfig | undefined;
  const runtime: DeviceRuntime = {
    name: node.name,
    node,
    latency: createLatencySampler(latency, ctx.seed, node.name),
    timers,
    sessions: 0,
    startups: 0,
    state: () => (state ??= deriveDeviceState(ctx, node.name)),
    config: () => (config ??= createDeviceConfig(runtime.state())),
    now: () => clock.now(),
    renderContext() {
      const current = runtime.state();
      const elapsed = clock.elapsedSeconds();
      return {
        state: current,
        config: runtime.config(),
        now: clock.now(),
        uptimeSeconds: current.uptimeAtStart + Math.floor(elapsed),
        memory: memoryAt(current.memory, ctx.seed, node.name, elapsed),
      };
    },
  };
  return runtime;
}
