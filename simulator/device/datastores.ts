/**
 * A device's configuration datastores beyond the running one: the shared candidate (NETCONF's
 * `:candidate`, Junos's `configure`), who holds a lock on which, and the NETCONF session ids it has
 * handed out. One per device, so a lock taken over port 830 is seen from the SSH port's `netconf`
 * subsystem and the candidate a NETCONF client loads is the one a Junos CLI commit applies.
 */
import type { DeviceConfig } from './render-context.js';
import type { DeviceRuntime } from './runtime.js';

export type DatastoreName = 'running' | 'candidate' | 'startup';

export interface Datastores {
  /** The shared candidate; absent while it equals running (nothing edited since the last commit). */
  candidate?: DeviceConfig;
  /** Session ids holding each datastore's lock. */
  locks: Partial<Record<DatastoreName, number>>;
  /** The last NETCONF session id handed out on this device (ids start at 1; 0 means "not NETCONF"). */
  lastSessionId: number;
}

const stores = new WeakMap<DeviceRuntime, Datastores>();

export function datastoresOf(device: DeviceRuntime): Datastores {
  let found = stores.get(device);
  if (!found) {
    found = { locks: {}, lastSessionId: 0 };
    stores.set(device, found);
  }
  return found;
}

/** A deep copy of the parts a configuration change touches (EOS sessions are not copied). */
export function cloneConfig(config: DeviceConfig): DeviceConfig {
  return {
    hostname: config.hostname,
    interfaces: new Map([...config.interfaces].map(([name, settings]) => [name, { ...settings }])),
    lines: [...config.lines],
  };
}

/** The candidate, created from running on first edit. */
export function candidateOf(device: DeviceRuntime): DeviceConfig {
  const stores = datastoresOf(device);
  return (stores.candidate ??= cloneConfig(device.config()));
}

/** Whether the candidate holds changes not yet committed. */
export function candidateChanged(device: DeviceRuntime): boolean {
  const { candidate } = datastoresOf(device);
  return candidate !== undefined && !sameConfig(candidate, device.config());
}

/** Applies the candidate to running (in place: every holder of `device.config()` sees it). */
export function commitCandidate(device: DeviceRuntime): void {
  const stores = datastoresOf(device);
  if (!stores.candidate) return;
  const running = device.config();
  const { hostname, interfaces, lines } = cloneConfig(stores.candidate);
  running.hostname = hostname;
  running.interfaces = interfaces;
  running.lines = lines;
  stores.candidate = undefined;
}

/** Drops the candidate's changes (NETCONF `discard-changes`, Junos `rollback 0`). */
export function discardCandidate(device: DeviceRuntime): void {
  datastoresOf(device).candidate = undefined;
}

function sameConfig(a: DeviceConfig, b: DeviceConfig): boolean {
  if (a.hostname !== b.hostname || a.lines.join('\n') !== b.lines.join('\n')) return false;
  if (a.interfaces.size !== b.interfaces.size) return false;
  for (const [name, settings] of a.interfaces) {
    const other = b.interfaces.get(name);
    if (!other || other.description !== settings.description || other.shutdown !== settings.shutdown)
      return false;
  }
  return true;
}
