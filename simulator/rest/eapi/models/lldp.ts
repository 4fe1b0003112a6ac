/**
 * `show lldp neighbors [detail]` as EOS's JSON: the same neighbours, timers and TLVs the CLI
 * renderer prints (personalities/arista-eos/render/lldp.ts). Shapes from napalm's EOS test data
 * (show_lldp_neighbors__detail.json) and eAPI captures of cEOS 4.34.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import { findModel, getKind } from '../../../topology/kinds/index.js';
import { shortInterfaceName } from '../../../topology/interfaces.js';
import { listedInterfaces } from '../../../personalities/arista-eos/render/ports.js';
import type { RenderContext } from '../../../personalities/render-context.js';
import { lldpSystemDescription } from '../../../personalities/software.js';
import { epochSeconds } from './time.js';

/** Kept equal to the CLI renderer's: a 120 s TTL refreshed every 30 s, learnt a minute after boot. */
const ADVERTISED_TTL = 120;
const ADVERTISE_INTERVAL = 30;

/** LLDP capability names as EOS's JSON keys them, with the names platforms give them. */
const CAPABILITY_KEYS: ReadonlyArray<[key: string, names: readonly string[]]> = [
  ['other', ['Other']],
  ['repeater', ['Repeater']],
  ['bridge', ['Bridge', 'Switch']],
  ['wlanAccessPoint', ['WLAN Access Point']],
  ['router', ['Router']],
  ['telephone', ['Telephone', 'Phone']],
  ['docsisCableDevice', ['DOCSIS Cable Device']],
  ['stationOnly', ['Station', 'Host']],
];

/** The management-address TLV's interface number and OID, by peer platform (as the CLI prints). */
const MGMT_INTERFACE: Readonly<Record<Neighbor['peerPlatform'], { ifIndex: number; oid: string }>> = {
  arista_eos: { ifIndex: 999001, oid: '' },
  cisco_ios: { ifIndex: 1, oid: '' },
  cisco_nxos: { ifIndex: 83886080, oid: '' },
  juniper_junos: { ifIndex: 1, oid: '0.1.3.6.1.2.1.31.1.1.1.1.1' },
};

const lldpNeighbors = (ctx: RenderContext) => ctx.state.neighbors.filter((n) => n.protocol === 'lldp');

/** The Port ID TLV: IOS sends its short port name, the others their full interface name. */
function portId(n: Neighbor): string {
  return n.peerPlatform === 'cisco_ios'
    ? shortInterfaceName(n.remoteInterface, getKind('cisco_ios').interfaceTypes)
    : n.remoteInterface;
}

const elapsed = (ctx: RenderContext) => Math.max(0, Math.floor(ctx.uptimeSeconds - ctx.state.uptimeAtStart));
const sinceLastAdvert = (ctx: RenderContext, n: Neighbor) =>
  (ADVERTISED_TTL - n.holdtime + elapsed(ctx)) % ADVERTISE_INTERVAL;
const discoveredAt = (ctx: RenderContext) => epochSeconds(ctx) - Math.max(0, ctx.uptimeSeconds - 60);

/** `show lldp neighbors`: table counters, then one entry per neighbour (full port names). */
export function lldpNeighborsModel(ctx: RenderContext): object {
  const neighbors = ctx.state.protocols.lldp ? lldpNeighbors(ctx) : [];
  return {
    tablesLastChangeTime: neighbors.length > 0 ? discoveredAt(ctx) : 0,
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
  for (const [key, names] of CAPABILITY_KEYS)
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
  const discovered = discoveredAt(ctx);
  return {
    systemCapabilities: systemCapabilities(n),
    lastChangeTime: discovered,
    neighborInterfaceInfo: {
      portAndProtocolVlanEnabled: {},
      unknownTlvs: [],
      interfaceIdType: 'interfaceName',
      // EOS keeps the quotes of an interface-name Port ID, as its CLI prints them.
      interfaceId: `"${portId(n)}"`,
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
