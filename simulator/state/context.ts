/** What deriving any one device needs from the whole world, computed once per fleet. */
import type { World } from '../topology/world.js';
import { DEFAULT_SEED } from './default-seed.js';
import { cidrSize, parseCidr, renderIpv4 } from '../topology/ip.js';
import type { Endpoint } from '../topology/model.js';
import { documentedPeersOf, linkAddressesOf, type InterfaceAddress } from './addressing.js';
import { deriveIdentity, type DeviceIdentity } from './identity.js';
import { documentLags, type DocumentedLag } from './lags.js';

/** A table keyed by `node:interface` that is only ever read one key at a time. */
export interface PortTable<T> {
  get(key: string): T | undefined;
}

export interface StateContext {
  world: World;
  seed: string | number;
  identity(name: string): DeviceIdentity;
  /** Point-to-point addresses by `node:interface`. */
  addresses: PortTable<InterfaceAddress>;
  /** The documented peer of each port, by `node:interface`. */
  documented: PortTable<Endpoint>;
  /** Documented LAGs by device name. */
  lags: ReadonlyMap<string, readonly DocumentedLag[]>;
  /** Every device's management address, to keep seeded mgmt hosts off them. */
  mgmtAddresses: { has(address: string): boolean };
  /** Prefix length of the management network. */
  mgmtPrefix: number;
  /** Last usable address of the mgmt pool: the gateway devices see in ARP. */
  mgmtGateway: string;
}

export { DEFAULT_SEED };

export function createStateContext(world: World, seed?: string | number): StateContext {
  const effectiveSeed = seed ?? world.topology.seed ?? DEFAULT_SEED;
  const identities = new Map<string, DeviceIdentity>();
  const pool = parseCidr(world.topology.mgmtPool)!;
  const lags = documentLags(world.topology);
  let mgmtAddresses: Set<string> | undefined;
  return {
    world,
    seed: effectiveSeed,
    identity(name) {
      let identity = identities.get(name);
      if (!identity) {
        const node = world.topology.nodeByName.get(name);
        if (!node) throw new Error(`no device named ${name} in topology ${world.topology.name}`);
        identity = deriveIdentity(world.topology, node, effectiveSeed);
        identities.set(name, identity);
      }
      return identity;
    },
    addresses: perDevice((node) => linkAddressesOf(world.topology, lags, node)),
    documented: perDevice((node) => documentedPeersOf(world.topology, lags, node)),
    lags,
    mgmtAddresses: {
      has(address) {
        mgmtAddresses ??= new Set(world.topology.nodes.map((n) => n.mgmtAddress));
        return mgmtAddresses.has(address);
      },
    },
    mgmtPrefix: pool.prefix,
    mgmtGateway: renderIpv4(pool.network + cidrSize(pool) - 2),
  };
}

/**
 * A `node:interface` table built one device at a time, on first read, and kept (node names never
 * hold a colon: they are hostnames). Deriving a device reads its own table and its peers', so a
 * bounded cache would rebuild the same tables over and over; kept, a process holds tables only for
 * the devices it has served and their neighbours.
 */
function perDevice<T>(build: (node: string) => ReadonlyMap<string, T>): PortTable<T> {
  const tables = new Map<string, ReadonlyMap<string, T>>();
  return {
    get(key) {
      const node = key.slice(0, key.indexOf(':'));
      let table = tables.get(node);
      if (!table) {
        table = build(node);
        tables.set(node, table);
      }
      return table.get(key);
    },
  };
}
