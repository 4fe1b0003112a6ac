/** Point-to-point addresses: each documented link gets a /31 from the topology's p2p pool, in link order. */
import { parseCidr, renderIpv4 } from '../topology/ip.js';
import type { Endpoint, Link, Topology } from '../topology/model.js';
import type { DocumentedLag } from './lags.js';
import { endpointKey } from '../topology/model.js';
import { linksOf } from '../topology/links-by-node.js';

export interface InterfaceAddress {
  ip: string;
  prefix: number;
  /** The other address of the /31, i.e. the documented peer's. */
  peerIp: string;
}

/**
 * The addresses of one device's ports, by `node:interface`, from the documented links (config
 * follows the documentation). A LAG is one routed interface: it takes its first member link's /31
 * and its members have none. Computed per device: the same entries a whole-topology table holds.
 */
export function linkAddressesOf(
  topology: Topology,
  lags: ReadonlyMap<string, readonly DocumentedLag[]>,
  node: string,
): Map<string, InterfaceAddress> {
  const pool = parseCidr(topology.p2pPool)!;
  const out = new Map<string, InterfaceAddress>();
  for (const link of linksOf(topology, node)) {
    const [a, b] = lagEnds(link, lags) ?? [link.a, link.b];
    if (!a || !b) continue;
    const base = pool.network + 2 * link.index;
    const [ipA, ipB] = [renderIpv4(base), renderIpv4(base + 1)];
    if (a.node === node) out.set(endpointKey(a), { ip: ipA, prefix: 31, peerIp: ipB });
    if (b.node === node) out.set(endpointKey(b), { ip: ipB, prefix: 31, peerIp: ipA });
  }
  return out;
}

/**
 * Documented peer of each of one device's ports, by `node:interface`; a LAG's documented peer is
 * the far-end LAG.
 */
export function documentedPeersOf(
  topology: Topology,
  lags: ReadonlyMap<string, readonly DocumentedLag[]>,
  node: string,
): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  const set = (self: Endpoint, peer: Endpoint) => {
    if (self.node === node) out.set(endpointKey(self), peer);
  };
  for (const link of linksOf(topology, node)) {
    set(link.a, link.b);
    set(link.b, link.a);
    const [a, b] = lagEnds(link, lags) ?? [];
    if (a && b) {
      set(a, b);
      set(b, a);
    }
  }
  return out;
}

/** For a LAG member link: both ends' aggregates if it is the LAG's first link, else `[]`. */
function lagEnds(
  link: Link,
  lags: ReadonlyMap<string, readonly DocumentedLag[]>,
): [Endpoint, Endpoint] | [] | undefined {
  if (!link.lag) return undefined;
  const lagA = lags.get(link.a.node)!.find((l) => l.number === link.lag![0])!;
  if (lagA.firstLink !== link.index) return [];
  return [
    { node: link.a.node, interface: lagA.name },
    { node: link.b.node, interface: lagA.peer.name },
  ];
}
