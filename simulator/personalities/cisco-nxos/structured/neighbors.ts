/**
 * `show cdp neighbors [detail]` and `show lldp neighbors [detail]` as NX-API structures, from the
 * neighbour records the CLI renderers print. Key names and order follow NX-OS captures: CDP brief
 * from the reference document and greenpau/go-cisco-nx-api resp.show.cdp.neighbors.json, LLDP
 * brief from 9.3 `| json-pretty` captures (neigh_hdr, hold_time, "Locally Assigned"). The CDP and
 * LLDP detail rows use the documented field names (intf_id, v4mgmtaddr, l_port_id, sys_name, …)
 * that napalm, nxapi-netbox and pyATS scripts read; their full order is from NX-OS 9.3 output as
 * remembered, not from a stored capture.
 */
import type { Neighbor } from '../../../state/neighbors.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { peerModel, remainingHold } from '../../cisco-ios/render/neighbor-facts.js';
import { nxosCdpPortName, nxosShortName } from '../render/names.js';
import { lldpCapabilityLetters, lldpPortId } from '../../lldp-facts.js';
import { cdpVersionText, lldpSystemDescription } from '../../software.js';
import { table, type Json, type JsonObject } from './json.js';
import { counter, ifIndex, isLegacy } from './values.js';

/** CDP capability names as NX-API spells them (`IGMP` and `Filtering` are one flag). */
const CDP_CAPABILITIES: ReadonlyArray<[name: string, json: string]> = [
  ['Router', 'router'],
  ['Trans-Bridge', 'trans-bridge'],
  ['Source-Route-Bridge', 'source-route-bridge'],
  ['Switch', 'switch'],
  ['Host', 'host'],
  ['IGMP', 'IGMP_cnd_filtering'],
  ['Repeater', 'repeater'],
  ['Phone', 'VoIP-phone'],
  ['VoIP-Phone', 'VoIP-phone'],
  ['Remote', 'remotely-managed-device'],
  ['Supports-STP-Dispute', 'Supports-STP-Dispute'],
];

/** A list of one capability is sent as the bare string (`"capability": "host"`). */
function cdpCapability(n: Neighbor): Json {
  const names = CDP_CAPABILITIES.filter(([name]) => n.capabilities.includes(name)).map(([, json]) => json);
  return names.length === 1 ? names[0]! : names;
}

const cdpNeighbors = (ctx: RenderContext) => ctx.state.neighbors.filter((n) => n.protocol === 'cdp');
const lldpNeighbors = (ctx: RenderContext) => ctx.state.neighbors.filter((n) => n.protocol === 'lldp');

/**
 * `show cdp neighbors`. The count and ifindex stay numbers; only the TTL turned into a string in
 * 9.3 (the greenpau capture from a 9.3 box mixes both).
 */
export function cdpBriefBody(ctx: RenderContext): JsonObject {
  const neighbors = cdpNeighbors(ctx);
  return {
    neigh_count: neighbors.length,
    ...table(
      'cdp_neighbor_brief_info',
      neighbors.map((n) => ({
        ifindex: ifIndex(n.localInterface),
        device_id: n.deviceId,
        intf_id: n.localInterface,
        ttl: counter(ctx, remainingHold(ctx, n)),
        capability: cdpCapability(n),
        platform_id: n.platform.replace(/^cisco /i, ''),
        port_id: nxosCdpPortName(n.remoteInterface),
      })),
    ),
  };
}

const isSwitch = (n: Neighbor) => n.capabilities.includes('Switch');

function cdpDetailRow(ctx: RenderContext, n: Neighbor): JsonObject {
  const nexus = n.peerPlatform === 'cisco_nxos';
  return {
    ifindex: ifIndex(n.localInterface),
    device_id: n.deviceId,
    ...(nexus ? { sysname: n.hostname } : {}),
    numaddr: counter(ctx, 1),
    v4addr: n.address,
    platform_id: n.platform,
    capability: cdpCapability(n),
    intf_id: n.localInterface,
    port_id: n.remoteInterface,
    ttl: counter(ctx, remainingHold(ctx, n)),
    version: cdpVersionText(n.peerPlatform, peerModel(n), n.version).join('\n'),
    version_no: 'v2',
    ...(isSwitch(n) ? { nativevlan: counter(ctx, 1) } : {}),
    duplexmode: 'full',
    ...(nexus ? { mtu: counter(ctx, 1500), syslocation: 'snmplocation' } : {}),
    num_mgmtaddr: counter(ctx, 1),
    v4mgmtaddr: n.mgmtAddress,
  };
}

/** `show cdp neighbors detail`. */
export function cdpDetailBody(ctx: RenderContext): JsonObject {
  return table(
    'cdp_neighbor_detail_info',
    cdpNeighbors(ctx).map((n) => cdpDetailRow(ctx, n)),
  );
}

/** Every platform here advertises a 120-second TTL (the brief table's Hold-time). */
const ADVERTISED_TTL = 120;

/** `show lldp neighbors`: 7.x named the subtypes by number and the hold time `ttl`. */
export function lldpBriefBody(ctx: RenderContext): JsonObject {
  const legacy = isLegacy(ctx);
  const neighbors = lldpNeighbors(ctx);
  return {
    neigh_hdr: 'neigh_hdr',
    ...table(
      'nbor',
      neighbors.map((n) => {
        const letters = lldpCapabilityLetters(n).join('');
        return {
          chassis_type: legacy ? '7' : 'Locally Assigned',
          chassis_id: n.deviceId,
          l_port_id: nxosShortName(n.localInterface),
          [legacy ? 'ttl' : 'hold_time']: String(ADVERTISED_TTL),
          system_capability: letters,
          enabled_capability: letters,
          port_type: legacy ? '5' : 'Interface Name',
          port_id: lldpPortId(n),
          mgmt_addr_type: 'IPV4',
          mgmt_addr: n.mgmtAddress,
          mgmt_addr_ipv6_type: 'Address not advertised',
          mgmt_addr_ipv6: 'not advertised',
        };
      }),
    ),
    neigh_count: String(neighbors.length),
  };
}

function lldpDetailRow(ctx: RenderContext, n: Neighbor): JsonObject {
  const letters = lldpCapabilityLetters(n);
  return {
    chassis_type: 'Mac Address',
    chassis_id: renderMacDotted(n.chassisMac),
    port_type: 'Interface Name',
    port_id: lldpPortId(n),
    l_port_id: nxosShortName(n.localInterface),
    port_desc: n.remoteInterface,
    sys_name: n.deviceId,
    sys_desc: lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n'),
    ttl: String(remainingHold(ctx, n)),
    system_capability: letters.join(', '),
    enabled_capability: letters.join(', '),
    mgmt_addr_type: 'IPV4',
    mgmt_addr: n.mgmtAddress,
    mgmt_addr_ipv6_type: 'Address not advertised',
    mgmt_addr_ipv6: 'not advertised',
    vlan_id: letters.includes('B') ? '1' : 'not advertised',
  };
}

/** `show lldp neighbors detail`. */
export function lldpDetailBody(ctx: RenderContext): JsonObject {
  const neighbors = lldpNeighbors(ctx);
  return {
    ...table(
      'nbor_detail',
      neighbors.map((n) => lldpDetailRow(ctx, n)),
    ),
    neigh_count: String(neighbors.length),
  };
}
