/** What deriving any one device needs from the whole world, computed once per fleet. */
import type { World } from '../topology/world.js';
import { DEFAULT_SEED } from './default-seed.js';
import { cidrSize, parseCidr, renderIpv4 } from '../topology/ip.js';
import type { Endpoint } from '../topology/model.js';
import { assignLinkAddresses, documentedPeers, type InterfaceAddress } from './addressing.js';
import { deriveIdentity, type DeviceIdentity } from './identity.js';
import { documentLags, type DocumentedLag } from './lags.js';

export interface StateContext {
  world: World;
  seed: string | number;
  identity(name: string): DeviceIdentity;
  addresses: ReadonlyMap<string, InterfaceAddress>;
  documented: ReadonlyMap<string, Endpoint>;
  /** Documented LAGs by device name. */
  lags: ReadonlyMap<string, readonly DocumentedLag[]>;
  /** Every device's management address, to keep seeded mgmt hosts off them. */
  mgmtAddresses: ReadonlySet<string>;
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
    addresses: assignLinkAddresses(world.topology, lags),
    documented: documentedPeers(world.topology, lags),
    lags,
    mgmtAddresses: new Set(world.topology.nodes.map((n) => n.mgmtAddress)),
    mgmtPrefix: pool.prefix,
    mgmtGateway: renderIpv4(pool.network + cidrSize(pool) - 2),
  };
}
