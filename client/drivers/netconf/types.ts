/**
 * A NETCONF driver: which RPC asks one platform's model for its neighbours (a `<get>` with a
 * subtree filter, or a Junos RPC) and how the reply parses to the same neighbour records the SSH
 * and REST drivers produce, so a NETCONF check of a fleet agrees with the others.
 */
import type { Platform } from '../../../simulator/topology/kinds/types.js';
import type { XmlNode } from '../../transport/netconf-xml.js';
import type { ObservedNeighbor } from '../types.js';

/** One operation (the XML inside `<rpc>`) and the parser of its `<rpc-reply>`. */
export interface NetconfCollector<T> {
  operation: string;
  parse(reply: XmlNode): T;
}

export interface NetconfDriver {
  platform: Platform;
  /**
   * Neighbour collectors, merged by local port as the SSH drivers' are, for the same protocols the
   * SSH driver reads. A protocol that is off parses to no neighbours.
   */
  neighbors: ReadonlyArray<NetconfCollector<ObservedNeighbor[]> & { protocol: 'cdp' | 'lldp' }>;
}
