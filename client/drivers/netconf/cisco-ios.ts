/**
 * IOS-XE over NETCONF: `<get>` of the Cisco-IOS-XE-cdp-oper and Cisco-IOS-XE-lldp-oper trees (the
 * models RESTCONF serves, here in XML), parsed like the RESTCONF driver parses their JSON
 * (client/drivers/rest/cisco-ios.ts): CDP from `cdp-neighbor-detail`, LLDP from `lldp-entry` with
 * the management address from the per-interface details.
 */
import { childrenNamed, childText, type XmlNode } from '../../transport/netconf-xml.js';
import { cdpNeighborsOf, lldpNeighborsOf, type ModelReader } from '../ios-xe-oper.js';
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

const XML: ModelReader<XmlNode> = { text: childText, list: childrenNamed };

/** `cdp-neighbor-details`: device-name, local-intf-name and port-id of each neighbour. */
export const parseIosXeCdp = (reply: XmlNode): ObservedNeighbor[] =>
  cdpNeighborsOf(XML, dataNodes(reply, 'cdp-neighbor-details'));

/** `lldp-entries`: each `lldp-entry`, its management address found in `lldp-intf-details`. */
export const parseIosXeLldp = (reply: XmlNode): ObservedNeighbor[] =>
  lldpNeighborsOf(XML, dataNodes(reply, 'lldp-entries'));

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
