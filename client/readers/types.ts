/** What collecting needs from one device, whatever the transport: one open session, typed answers. */
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../drivers/types.js';

export type Transport = 'ssh' | 'rest' | 'netconf';
export const TRANSPORTS: readonly Transport[] = ['ssh', 'rest', 'netconf'];

export interface DeviceReader {
  /** Neighbours of every protocol the driver knows (or only `only`), in collector order, unmerged. */
  neighbors(only?: 'cdp' | 'lldp'): Promise<ObservedNeighbor[]>;
  arp(): Promise<ArpRow[]>;
  version(): Promise<VersionFacts>;
  memory(): Promise<MemoryFacts>;
  /** A raw command (for RESTCONF a data path, for NETCONF an operation in XML) answered as text. */
  raw(command: string): Promise<string>;
  close(): void;
}
