/** What collecting needs from one device, whatever the transport: one open session, typed answers. */
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../drivers/types.js';

export type Transport = 'ssh' | 'rest';
export const TRANSPORTS: readonly Transport[] = ['ssh', 'rest'];

export interface DeviceReader {
  /** Neighbours of every protocol the driver knows (or only `only`), in collector order, unmerged. */
  neighbors(only?: 'cdp' | 'lldp'): Promise<ObservedNeighbor[]>;
  arp(): Promise<ArpRow[]>;
  version(): Promise<VersionFacts>;
  memory(): Promise<MemoryFacts>;
  /** A raw command (or, for RESTCONF, a data path) answered as text. */
  raw(command: string): Promise<string>;
  close(): void;
}
