/** Point-to-point addresses: each documented link gets a /31 from the topology's p2p pool, in link order. */
import { parseCidr, renderIpv4 } from '../topology/ip.js';
import type { Endpoint, Topology } from '../topology/model.js';
import { endpointKey } from '../topology/model.js';

export interface InterfaceAddress {
  ip: string;
  prefix: number;
  /** The other address of the /31, i.e. the documented peer's. */
  peerIp: string;
}

/** Addresses by `node:interface`, from the documented links (config follows the documentation). */
export function assignLinkAddresses(topology: Topology): Map<string, InterfaceAddress> {
  const pool = parseCidr(topology.p2pPool)!;
  const out = new Map<string, InterfaceAddress>();
  for (const link of topology.links) {
    const base = pool.network + 2 * link.index;
    const [ipA, ipB] = [renderIpv4(base), renderIpv4(base + 1)];
    out.set(endpointKey(link.a), { ip: ipA, prefix: 31, peerIp: ipB });
    out.set(endpointKey(link.b), { ip: ipB, prefix: 31, peerIp: ipA });
  }
  return out;
}

/** Documented peer of each port, by `node:interface`. */
export function documentedPeers(topology: Topology): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  for (const link of topology.links) {
    out.set(endpointKey(link.a), link.b);
    out.set(endpointKey(link.b), link.a);
  }
  return out;
}
