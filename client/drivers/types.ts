/**
 * A platform driver: how the client talks to one platform, as data plus parsers (scrapli's split:
 * transport → channel → driver). Parsers are pure functions of the text a device printed.
 */
import type { Platform } from '../../simulator/topology/kinds/types.js';

/** One neighbour as a device reported it; names are as printed, the verifier normalises them. */
export interface ObservedNeighbor {
  protocol: 'cdp' | 'lldp';
  /** Local port as printed (`GigabitEthernet1/0/1`, `Gi1/0/1`, `Et1`, `ge-0/0/0`). */
  localInterface: string;
  /** The neighbour's name as advertised: `host`, `host.domain`, NX-OS `host(SERIAL)`. */
  remoteDevice: string;
  /** The neighbour's port as advertised. */
  remoteInterface: string;
  platform?: string;
  mgmtAddress?: string;
}

export interface ArpRow {
  address: string;
  /** Undefined while unresolved. */
  mac?: string;
  interface?: string;
  /** As printed (`-`, `12`, `00:00:57`). */
  age?: string;
}

export interface VersionFacts {
  hostname?: string;
  version?: string;
  model?: string;
  serial?: string;
  uptime?: string;
}

export interface MemoryFacts {
  totalBytes?: number;
  usedBytes?: number;
  freeBytes?: number;
}

/** A command and the parser of its output. */
export interface Collector<T> {
  command: string;
  parse(text: string): T;
}

export interface PlatformDriver {
  platform: Platform;
  /** Matches a prompt at the very end of what was received (exec, privileged or config mode). */
  prompt: RegExp;
  /** Sent right after login, each waited for (paging off). */
  onOpen: readonly string[];
  /** How to become privileged when the login prompt is not (IOS, EOS). */
  enable?: { command: string; unprivileged: RegExp; secretPrompt: RegExp };
  /** Output that means the device refused the command. */
  errorMarkers: readonly RegExp[];
  /**
   * Neighbour collectors, merged by local port. `disabled` matches the device's answer when the
   * protocol is off (`% CDP is not enabled`): that is no neighbours, not an error.
   */
  neighbors: ReadonlyArray<Collector<ObservedNeighbor[]> & { protocol: 'cdp' | 'lldp'; disabled?: RegExp }>;
  arp: Collector<ArpRow[]>;
  version: Collector<VersionFacts>;
  memory: Collector<MemoryFacts>;
  /** Ends the session. */
  exit: string;
}
