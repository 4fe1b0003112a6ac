/**
 * EOS over NETCONF: `<get>` of openconfig-lldp's `lldp/interfaces`, each interface's neighbours'
 * `state` (system-name, port-id, management-address), to the records the SSH driver reads from
 * `show lldp neighbors detail`.
 */
import { childAt, childrenNamed, childText, type XmlNode } from '../../transport/netconf-xml.js';
import type { ObservedNeighbor } from '../types.js';
import { dataNodes, subtreeGet } from './get.js';
import type { NetconfDriver } from './types.js';

const OC_LLDP_NS = 'http://openconfig.net/yang/lldp';
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** `lldp/interfaces/interface[name]/neighbors/neighbor/state`. */
export function parseOpenconfigLldp(reply: XmlNode): ObservedNeighbor[] {
  return dataNodes(reply, 'lldp')
    .flatMap((lldp) => childrenNamed(childAt(lldp, 'interfaces'), 'interface'))
    .flatMap((intf) => {
      const local = childText(intf, 'name') ?? childText(childAt(intf, 'state'), 'name');
      if (!local) return [];
      return childrenNamed(childAt(intf, 'neighbors'), 'neighbor').flatMap((n): ObservedNeighbor[] => {
        const state = childAt(n, 'state');
        const [name, port] = [childText(state, 'system-name'), childText(state, 'port-id')];
        if (!name || !port) return [];
        const mgmt = childText(state, 'management-address');
        return [
          {
            protocol: 'lldp',
            localInterface: local,
            remoteDevice: name,
            remoteInterface: port,
            ...(mgmt && IPV4.test(mgmt) ? { mgmtAddress: mgmt } : {}),
          },
        ];
      });
    });
}

export const aristaEosNetconfDriver: NetconfDriver = {
  platform: 'arista_eos',
  neighbors: [
    {
      protocol: 'lldp',
      operation: subtreeGet(`<lldp xmlns="${OC_LLDP_NS}"><interfaces/></lldp>`),
      parse: parseOpenconfigLldp,
    },
  ],
};
