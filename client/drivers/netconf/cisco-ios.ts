/**
 * IOS-XE over NETCONF: `<get>` of the Cisco-IOS-XE-cdp-oper and Cisco-IOS-XE-lldp-oper trees (the
 * models RESTCONF serves, here in XML), parsed like the RESTCONF driver parses their JSON
 * (client/drivers/rest/cisco-ios.ts): CDP from `cdp-neighbor-detail`, LLDP from `lldp-entry` with
 * the management address from the per-interface details.
 */
import { childrenNamed, childText, type XmlNode } from '../../transport/netconf-xml.js';
import type { ObservedNeighbor } from '../types.js';
import { dataNodes, subtreeGet } from './get.js';
import type { NetconfDriver } from './types.js';

const CDP_NS = 'http://cisco.com/ns/yang/Cisco-IOS-XE-cdp-oper';
const LLDP_NS = 'http://cisco.com/ns/yang/Cisco-IOS-XE-lldp-oper';

/** Selection nodes: only the leaves parsed, so a box with many neighbours sends a fraction of its tree. */
const CDP_FILTER =
  `<cdp-neighbor-details xmlns="${CDP_NS}"><cdp-neighbor-detail>` +
  '<device-id/><device-name/><local-intf-name/><port-id/><platform-name/><mgmt-address/>' +
  '</cdp-neighbor-detail></cdp-neighbor-details>';

const LLDP_FILTER =
  `<lldp-entries xmlns="${LLDP_NS}">` +
  '<lldp-entry><device-id/><local-interface/><connecting-interface/></lldp-entry>' +
  '<lldp-intf-details><if-name/><lldp-neighbor-details><identifier/><system-name/><port-id/><mgmt-addrs/></lldp-neighbor-details></lldp-intf-details>' +
  '</lldp-entries>';

/** `cdp-neighbor-details`: device-name, local-intf-name and port-id of each neighbour. */
export function parseIosXeCdp(reply: XmlNode): ObservedNeighbor[] {
  return dataNodes(reply, 'cdp-neighbor-details')
    .flatMap((details) => childrenNamed(details, 'cdp-neighbor-detail'))
    .flatMap((n): ObservedNeighbor[] => {
      const [device, local, port] = [
        childText(n, 'device-name'),
        childText(n, 'local-intf-name'),
        childText(n, 'port-id'),
      ];
      if (!device || !local || !port) return [];
      const platform = childText(n, 'platform-name');
      const mgmt = childText(n, 'mgmt-address');
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

/** `Gi1/0/1` names the port `GigabitEthernet1/0/1`: same numbers, a prefix of the type. */
function sameInterface(short: string, full: string): boolean {
  const [, type = '', numbers = ''] = /^([A-Za-z-]*)(.*)$/.exec(short) ?? [];
  return (
    full.endsWith(numbers) &&
    full.toLowerCase().startsWith(type.toLowerCase()) &&
    full.length > numbers.length
  );
}

/** `lldp-entries`: each `lldp-entry`, its management address found in `lldp-intf-details`. */
export function parseIosXeLldp(reply: XmlNode): ObservedNeighbor[] {
  const entries = dataNodes(reply, 'lldp-entries');
  const details = entries
    .flatMap((e) => childrenNamed(e, 'lldp-intf-details'))
    .flatMap((intf) =>
      childrenNamed(intf, 'lldp-neighbor-details').map((n) => ({
        ifName: childText(intf, 'if-name') ?? '',
        n,
      })),
    );
  return entries
    .flatMap((e) => childrenNamed(e, 'lldp-entry'))
    .flatMap((e): ObservedNeighbor[] => {
      const [device, local, port] = [
        childText(e, 'device-id'),
        childText(e, 'local-interface'),
        childText(e, 'connecting-interface'),
      ];
      if (!device || !local || !port) return [];
      const detail = details.find(
        ({ ifName, n }) =>
          childText(n, 'system-name') === device &&
          childText(n, 'port-id') === port &&
          sameInterface(local, ifName),
      );
      const mgmt = childrenNamed(detail?.n, 'mgmt-addrs')
        .map((a) => childText(a, 'mgmt-addr'))
        .find((a) => a !== undefined);
      return [
        {
          protocol: 'lldp',
          localInterface: local,
          remoteDevice: device,
          remoteInterface: port,
          ...(mgmt ? { mgmtAddress: mgmt } : {}),
        },
      ];
    });
}

export const ciscoIosNetconfDriver: NetconfDriver = {
  platform: 'cisco_ios',
  neighbors: [
    {
      protocol: 'cdp',
      operation: subtreeGet(CDP_FILTER),
      parse: parseIosXeCdp,
    },
    { protocol: 'lldp', operation: subtreeGet(LLDP_FILTER), parse: parseIosXeLldp },
  ],
};
