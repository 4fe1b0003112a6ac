/**
 * `show lldp neighbors [detail]` as EOS's JSON: the same neighbours, timers and TLVs the CLI
 * renderer prints (personalities/arista-eos/render/lldp.ts). Shapes from napalm's EOS test data
 * (show_lldp_neighbors__detail.json) and eAPI captures of cEOS 4.34.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import { findModel, getKind } from '../../../topology/kinds/index.js';
import {
  ADVERTISED_TTL,
  LLDP_CAPABILITIES,
  MGMT_INTERFACE,
  portId,
  secondsSinceDiscovered,
  secondsSinceTableChange,
  sinceLastAdvert,
} from '../render/lldp.js';
import { listedInterfaces } from '../render/ports.js';
import type { RenderContext } from '../../../device/render-context.js';
import { lldpSystemDescription } from '../../software.js';
import { epochSeconds } from './time.js';

const lldpNeighbors = (ctx: RenderContext) => ctx.state.neighbors.filter((n) => n.protocol === 'lldp');

/** `show lldp neighbors`: table counters, then one entry per neighbour (full port names). */
export function lldpNeighborsModel(ctx: RenderContext): object {
  const neighbors = ctx.state.protocols.lldp ? lldpNeighbors(ctx) : [];
  return {
    tablesLastChangeTime:
      neighbors.length > 0 ? epochSeconds(ctx) - secondsSinceTableChange(ctx, neighbors) : 0,
    tablesInserts: neighbors.length,
    tablesDeletes: 0,
    tablesDrops: 0,
    tablesAgeOuts: 0,
    lldpNeighbors: neighbors.map((n) => ({
      port: n.localInterface,
      neighborDevice: n.deviceId,
      neighborPort: portId(n),
      ttl: ADVERTISED_TTL,
    })),
  };
}

function systemCapabilities(n: Neighbor): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [, key, names] of LLDP_CAPABILITIES)
    if (names.some((name) => n.capabilities.includes(name))) out[key] = true;
  return out;
}

/** The 802.1/802.3 TLVs only EOS and Junos peers send (the CLI prints them for those alone). */
function ieeeFields(n: Neighbor): Record<string, unknown> {
  const mgmt = n.remoteInterface.startsWith('Management');
  if (n.peerPlatform === 'arista_eos')
    return {
      linkAggregationStatus: mgmt ? 'notCapable' : 'capableAndDisabled',
      linkAggregationInterfaceId: 0,
      maxFrameSize: mgmt ? 1518 : 9236,
    };
  if (n.peerPlatform === 'juniper_junos')
    return { linkAggregationStatus: 'capableAndDisabled', linkAggregationInterfaceId: 0, maxFrameSize: 1514 };
  return {};
}

function neighborInfo(ctx: RenderContext, n: Neighbor): object {
  const kind = getKind(n.peerPlatform);
  const model = findModel(kind, n.model) ?? kind.models[0]!;
  const mgmt = MGMT_INTERFACE[n.peerPlatform];
  const discovered = epochSeconds(ctx) - secondsSinceDiscovered(ctx, n);
  return {
    systemCapabilities: systemCapabilities(n),
    lastChangeTime: discovered,
    neighborInterfaceInfo: {
      portAndProtocolVlanEnabled: {},
      unknownTlvs: [],
      interfaceIdType: 'interfaceName',
      // EOS keeps the quotes of an interface-name Port ID, as its CLI prints them.
      interfaceId: `"${portId(n)}"`,
      // and the same Port ID unquoted (interfaceId_v2: what ANTA's VerifyLLDPNeighbors compares)
      interfaceId_v2: portId(n),
      ...(n.peerPlatform === 'arista_eos' ? {} : { interfaceDescription: n.remoteInterface }),
      autoNegCapability: 'notCapable',
      autoNegAdvertisedCapabilities: [],
      protocolIdentityInfo: [],
      portAndProtocolVlanSupported: {},
      operMauType: 'Unknown',
      vlanNames: {},
      ...ieeeFields(n),
      unknownOrgDefinedTlvs: [],
    },
    neighborDiscoveryTime: discovered,
    lastContactTime: epochSeconds(ctx) - sinceLastAdvert(ctx, n),
    chassisId: renderMacDotted(n.chassisMac),
    systemName: n.deviceId,
    systemDescription: lldpSystemDescription(n.peerPlatform, model, n.version).join('\n'),
    ttl: ADVERTISED_TTL,
    managementAddresses: [
      {
        oidString: mgmt.oid,
        interfaceNumType: 'ifIndex',
        interfaceNum: mgmt.ifIndex,
        address: n.mgmtAddress,
        addressType: 'ipv4',
      },
    ],
    chassisIdType: 'macAddress',
  };
}

/** `show lldp neighbors detail`: every port, with or without neighbours, keyed by its full name. */
export function lldpNeighborsDetailModel(ctx: RenderContext): object {
  const neighbors = ctx.state.protocols.lldp ? lldpNeighbors(ctx) : [];
  const ports: Record<string, { lldpNeighborInfo: object[] }> = {};
  if (ctx.state.protocols.lldp)
    for (const iface of listedInterfaces(ctx))
      ports[iface.name] = {
        lldpNeighborInfo: neighbors
          .filter((n) => n.localInterface === iface.name)
          .map((n) => neighborInfo(ctx, n)),
      };
  return { lldpNeighbors: ports };
}
