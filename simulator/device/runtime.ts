/** A device while the fleet runs: lazily derived state, configuration changes, latency, sessions, faults. */
import { createLatencySampler, type LatencySampler } from '../latency/sampler.js';
import {
  createDeviceConfig,
  type DeviceConfig,
  type LinkEvent,
  type RenderContext,
} from './render-context.js';
import { deriveDeviceState, type DeviceState, type StateContext } from '../state/index.js';
import { memoryAt } from '../state/memory.js';
import type { LatencyProfile, NodeSpec } from '../topology/model.js';
import type { Clock } from './clock.js';
import { DeviceFaults } from './faults.js';
import { DeviceStats, type Telemetry } from './stats.js';
import { createTimers, type Timers } from './timers.js';

/** Whether a device answers: `down` and `rebooting` listen on none of its ports. */
export type Availability = 'up' | 'down' | 'rebooting';

/** Link changes kept for the log buffer (oldest dropped first), as a box's buffer wraps. */
export const MAX_LINK_EVENTS = 256;

export interface DeviceRuntime {
  readonly name: string;
  readonly node: NodeSpec;
  readonly latency: LatencySampler;
  /** Derived on first use, then kept until the wiring around the device changes (`invalidate`). */
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
  /** Faults in force; the servers consult them. */
  readonly faults: DeviceFaults;
  /** What the device served, per protocol. */
  readonly stats: DeviceStats;
  /** Set by the fleet's control: `down` and `rebooting` devices listen on none of their ports. */
  availability: Availability;
  /** Forgets the derived state: the wiring changed (drift at runtime, a flapping link). */
  invalidate(): void;
  /** Logs a link going down or up now (`show logging` lists it). */
  linkEvent(iface: string, state: 'up' | 'down'): void;
  /** The device booted again now: uptime restarts from 0 and the log buffer is cleared. */
  rebooted(): void;
}

export function createDeviceRuntime(
  ctx: StateContext,
  node: NodeSpec,
  clock: Clock,
  latency: LatencyProfile,
  /** The fleet's registry; a device alone (in tests) gets its own. */
  timers: Timers = createTimers(),
  /** The fleet's observer of what devices serve (the control API's metrics), if any. */
  telemetry?: Telemetry,
): DeviceRuntime {
  let state: DeviceState | undefined;
  let config: DeviceConfig | undefined;
  /** When the device last rebooted at runtime, ms since the epoch. */
  let bootedAt: number | undefined;
  let bootedElapsed = 0;
  const linkEvents: LinkEvent[] = [];
  const runtime: DeviceRuntime = {
    name: node.name,
    node,
    latency: createLatencySampler(latency, ctx.seed, node.name),
    timers,
    sessions: 0,
    startups: 0,
    faults: new DeviceFaults(ctx.seed, node.name),
    stats: new DeviceStats(node.platform, telemetry),
    availability: 'up',
    state: () => (state ??= deriveDeviceState(ctx, node.name)),
    config: () => (config ??= createDeviceConfig(runtime.state())),
    now: () => clock.now(),
    invalidate() {
      state = undefined;
    },
    linkEvent(iface, change) {
      linkEvents.push({ at: clock.now(), interface: iface, state: change });
      if (linkEvents.length > MAX_LINK_EVENTS) linkEvents.shift();
    },
    rebooted() {
      bootedAt = clock.now();
      bootedElapsed = clock.elapsedSeconds();
      linkEvents.length = 0;
    },
    renderContext() {
      const current = runtime.state();
      const elapsed = clock.elapsedSeconds();
      const sinceBoot = elapsed - bootedElapsed;
      return {
        state: current,
        config: runtime.config(),
        now: clock.now(),
        uptimeSeconds:
          bootedAt === undefined ? current.uptimeAtStart + Math.floor(elapsed) : Math.floor(sinceBoot),
        memory: memoryAt(current.memory, ctx.seed, node.name, bootedAt === undefined ? elapsed : sinceBoot),
        linkEvents,
        ...(bootedAt === undefined ? {} : { rebootedAt: bootedAt }),
      };
    },
  };
  return runtime;
}
