/** What a renderer may read: plain data only. Renderers are pure functions of this and the command. */
import type { DeviceState } from '../state/device-state.js';
import type { MemoryState } from '../state/memory.js';

/** Changes made in configuration mode; they live as long as the fleet. */
export interface DeviceConfig {
  hostname: string;
  interfaces: Map<string, { description?: string; shutdown?: boolean }>;
  /** Other global configuration lines, in the order they were entered. */
  lines: string[];
  /** Configuration sessions by name, oldest first (EOS `configure session`); absent until the first. */
  sessions?: Map<string, ConfigSession>;
}

/** A configuration session: its own copy of the configuration, applied to the running one on commit. */
export interface ConfigSession {
  config: DeviceConfig;
  state: 'pending' | 'completed';
  /** When it was committed, ms since the epoch. */
  completedAt?: number;
  /** Who committed it. */
  committedBy?: string;
}

export interface RenderContext {
  state: DeviceState;
  config: DeviceConfig;
  /** Wall clock, ms since the epoch; fixed under --freeze-time. */
  now: number;
  /** Seconds since the device booted. */
  uptimeSeconds: number;
  /** Memory at `now` (it moves over time, seeded). */
  memory: MemoryState;
  /**
   * Links that went down or up while the fleet ran (drift applied at runtime, a flapping link),
   * oldest first: the log buffer lists them after what the derived state says happened before.
   */
  linkEvents: readonly LinkEvent[];
  /** When the device rebooted while the fleet ran (ms since the epoch): the log buffer starts there. */
  rebootedAt?: number;
}

/** A link going down or up at runtime. */
export interface LinkEvent {
  /** ms since the epoch (the device's clock). */
  at: number;
  interface: string;
  state: 'up' | 'down';
}

/** The epoch a frozen fleet lives at: golden files never change with the calendar. */
export const FROZEN_EPOCH = Date.UTC(2026, 0, 15, 9, 30, 0);

export function createDeviceConfig(state: DeviceState): DeviceConfig {
  return { hostname: state.name, interfaces: new Map(), lines: [] };
}
