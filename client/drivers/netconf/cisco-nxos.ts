/**
 * NX-OS over NETCONF: `<get>` of the Cisco-NX-OS-device model's `System/cdp-items` and
 * `System/lldp-items` (the DME tree: inst-items/if-items/If-list per local port, each with
 * adj-items/AdjEp-list per neighbour). Ports are keyed in DME form (`eth1/1`) and named here as
 * the CLI prints them (`Ethernet1/1`); the neighbour's own fields are as advertised.
 */
import { childAt, childrenNamed, childText, type XmlNode } from '../../transport/netconf-xml.js';
import type { ObservedNeighbor } from '../types.js';
import { dataNodes, subtreeGet } from './get.js';
import type { NetconfDriver } from './types.js';

const NXOS_NS = 'http://cisco.com/ns/yang/cisco-nx-os-device';

/** DME interface ids as the CLI names them: `eth1/1` → `Ethernet1/1`, `po10` → `port-channel10`. */
export function nxosInterfaceName(id: string): string {
  const m = /^(eth|po|lo|vlan)(\d.*)$/i.exec(id);
  if (!m) return id;
  const type = { eth: 'Ethernet', po: 'port-channel', lo: 'loopback', vlan: 'Vlan' }[m[1]!.toLowerCase()]!;
  return `${type}${m[2]}`;
}

/** Each local port's adjacencies under `System/<items>/inst-items/if-items`. */
function adjacencies(reply: XmlNode, items: string): Array<{ local: string; adj: XmlNode }> {
  return dataNodes(reply, 'System')
    .flatMap((system) => childrenNamed(childAt(system, items, 'inst-items', 'if-items'), 'If-list'))
    .flatMap((port) => {
      const id = childText(port, 'id');
      if (!id) return [];
      return childrenNamed(childAt(port, 'adj-items'), 'AdjEp-list').map((adj) => ({
        local: nxosInterfaceName(id),
        adj,
      }));
    });
}

/** `cdp-items`: devId (`host(SERIAL)`, as `show cdp neighbors` prints it), portId and platId. */
export function parseNxosCdp(reply: XmlNode): ObservedNeighbor[] {
  return adjacencies(reply, 'cdp-items').flatMap(({ local, adj }): ObservedNeighbor[] => {
    const [device, port] = [childText(adj, 'devId'), childText(adj, 'portId')];
    if (!device || !port) return [];
    const platform = childText(adj, 'platId');
    const mgmt = childText(adj, 'mgmtIp') ?? childText(adj, 'v4Addr');
    return [
      {
        protocol: 'cdp',
        localInterface: local,
        remoteDevice: device,
        remoteInterface: port,
        ...(platform ? { platform } : {}),
        ...(mgmt ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}

/** `lldp-items`: sysName and portIdV (the port ID as sent), mgmtIp when it is an IPv4 address. */
export function parseNxosLldp(reply: XmlNode): ObservedNeighbor[] {
  return adjacencies(reply, 'lldp-items').flatMap(({ local, adj }): ObservedNeighbor[] => {
    const [name, port] = [childText(adj, 'sysName'), childText(adj, 'portIdV')];
    if (!name || !port) return [];
    const mgmt = childText(adj, 'mgmtIp');
    return [
      {
        protocol: 'lldp',
        localInterface: local,
        remoteDevice: name,
        remoteInterface: port,
        ...(mgmt && /^\d[\d.]*$/.test(mgmt) ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}

const itemsGet = (items: string) =>
  subtreeGet(`<System xmlns="${NXOS_NS}"><${items}><inst-items><if-items/></inst-items></${items}></System>`);

export const ciscoNxosNetconfDriver: NetconfDriver = {
  platform: 'cisco_nxos',
  neighbors: [
    { protocol: 'cdp', operation: itemsGet('cdp-items'), parse: parseNxosCdp },
    { protocol: 'lldp', operation: itemsGet('lldp-items'), parse: parseNxosLldp },
  ],
};
