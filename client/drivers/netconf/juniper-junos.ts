/**
 * Junos over NETCONF: the `<get-lldp-neighbors-information/>` RPC (what `show lldp neighbors`
 * asks mgd), parsed like the Junos REST driver parses its JSON: the local port, the neighbour's
 * system name, and its port description when sent (the CLI's Port info), else its port ID.
 */
import { childText, findAll, type XmlNode } from '../../transport/netconf-xml.js';
import type { ObservedNeighbor } from '../types.js';
import type { NetconfDriver } from './types.js';

/** Every `lldp-neighbor-information` of the reply (a virtual chassis nests them per member). */
export function parseJunosNetconfLldp(reply: XmlNode): ObservedNeighbor[] {
  return findAll(reply, 'lldp-neighbor-information').flatMap((n): ObservedNeighbor[] => {
    const localInterface = childText(n, 'lldp-local-port-id') ?? childText(n, 'lldp-local-interface');
    const remoteDevice = childText(n, 'lldp-remote-system-name');
    const remoteInterface =
      childText(n, 'lldp-remote-port-description') ?? childText(n, 'lldp-remote-port-id');
    if (!localInterface || !remoteDevice || !remoteInterface) return [];
    return [{ protocol: 'lldp', localInterface, remoteDevice, remoteInterface }];
  });
}

export const juniperJunosNetconfDriver: NetconfDriver = {
  platform: 'juniper_junos',
  neighbors: [
    { protocol: 'lldp', operation: '<get-lldp-neighbors-information/>', parse: parseJunosNetconfLldp },
  ],
};
