/** `show lldp neighbors` and `show lldp neighbors detail`, as EOS prints them. */
import { renderMacDotted } from '../../../state/mac.js';
import { sinceDiscovered, type Neighbor } from '../../../state/neighbors.js';
import { secondsSinceRelearnt } from '../../link-events.js';
import { findModel, getKind, type ModelSpec } from '../../../topology/kinds/index.js';
import { shortInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { lldpSystemDescription } from '../../software.js';
import { eosShortName, listedInterfaces } from './ports.js';
import { left, renderEosDuration } from './text.js';

/** EOS's answer when LLDP is turned off (`no lldp run`). */
export const LLDP_DISABLED = '% LLDP is not enabled';

/** Every platform here advertises a 120-second TTL, refreshed every 30 seconds. */
export const ADVERTISED_TTL = 120;
const ADVERTISE_INTERVAL = 30;

/**
 * LLDP system capabilities in TLV bit order: the CLI's word, eAPI's JSON key, and the names
 * platforms give them.
 */
export const LLDP_CAPABILITIES: ReadonlyArray<[word: string, key: string, names: readonly string[]]> = [
  ['Other', 'other', ['Other']],
  ['Repeater', 'repeater', ['Repeater']],
  ['Bridge', 'bridge', ['Bridge', 'Switch']],
  ['WLAN Access Point', 'wlanAccessPoint', ['WLAN Access Point']],
  ['Router', 'router', ['Router']],
  ['Telephone', 'telephone', ['Telephone', 'Phone']],
  ['DOCSIS Cable Device', 'docsisCableDevice', ['DOCSIS Cable Device']],
  ['Station Only', 'stationOnly', ['Station', 'Host']],
];

/** What each peer platform puts in its management-address TLV besides the address. */
export const MGMT_INTERFACE: Readonly<Record<Neighbor['peerPlatform'], { ifIndex: number; oid: string }>> = {
  arista_eos: { ifIndex: 999001, oid: '' },
  cisco_ios: { ifIndex: 1, oid: '' },
  cisco_nxos: { ifIndex: 83886080, oid: '' },
  juniper_junos: { ifIndex: 1, oid: '0.1.3.6.1.2.1.31.1.1.1.1.1' },
};

function lldpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.neighbors.filter((n) => n.protocol === 'lldp');
}

function capabilityWords(n: Neighbor): string {
  return LLDP_CAPABILITIES.filter(([, , names]) => names.some((name) => n.capabilities.includes(name)))
    .map(([word]) => word)
    .join(', ');
}

function peerModel(n: Neighbor): ModelSpec {
  const kind = getKind(n.peerPlatform);
  return findModel(kind, n.model) ?? kind.models[0]!;
}

/** The Port ID TLV: IOS sends its short port name, the others their full interface name. */
export function portId(n: Neighbor): string {
  return n.peerPlatform === 'cisco_ios'
    ? shortInterfaceName(n.remoteInterface, getKind('cisco_ios').interfaceTypes)
    : n.remoteInterface;
}

/** Seconds since the neighbour's last advertisement, moving with the fleet's clock. */
export function sinceLastAdvert(ctx: RenderContext, n: Neighbor): number {
  const relearnt = secondsSinceRelearnt(ctx, n.localInterface);
  if (relearnt !== undefined) return relearnt % ADVERTISE_INTERVAL;
  const elapsed = Math.max(0, Math.floor(ctx.uptimeSeconds - ctx.state.uptimeAtStart));
  return (ADVERTISED_TTL - n.holdtime + elapsed) % ADVERTISE_INTERVAL;
}

/** Seconds since `n` was learnt (state bounds it by both ends' uptimes). */
export function secondsSinceDiscovered(ctx: RenderContext, n: Neighbor): number {
  return (
    secondsSinceRelearnt(ctx, n.localInterface) ??
    sinceDiscovered(n, ctx.uptimeSeconds - ctx.state.uptimeAtStart)
  );
}

/** Seconds since the table last changed: when its newest entry was learnt. */
export function secondsSinceTableChange(ctx: RenderContext, neighbors: readonly Neighbor[]): number {
  return Math.min(...neighbors.map((n) => secondsSinceDiscovered(ctx, n)));
}

/** Renders `show lldp neighbors`: table counters, then one row per neighbour. */
export function renderShowLldpNeighbors(ctx: RenderContext): string {
  if (!ctx.state.protocols.lldp) return LLDP_DISABLED;
  const neighbors = lldpNeighbors(ctx);
  const changed =
    neighbors.length > 0 ? `${renderEosDuration(secondsSinceTableChange(ctx, neighbors))} ago` : 'never';
  const rows = neighbors.map(
    (n) =>
      `${left(eosShortName(n.localInterface), 13)} ${left(n.deviceId, 24)} ${left(portId(n), 19)} ${ADVERTISED_TTL}`,
  );
  return [
    `Last table change time   : ${changed}`,
    `Number of table inserts  : ${neighbors.length}`,
    'Number of table deletes  : 0',
    'Number of table drops    : 0',
    'Number of table age-outs : 0',
    '',
    'Port          Neighbor Device ID       Neighbor Port ID    TTL',
    '---------- ------------------------ ---------------------- ---',
    ...rows,
  ].join('\n');
}

/** The 802.1/802.3 TLVs: an EOS peer sends its port VLAN, aggregation state and frame size. */
function ieeeLines(n: Neighbor): string[] {
  const mgmt = n.remoteInterface.startsWith('Management');
  if (n.peerPlatform === 'arista_eos')
    return [
      `  - IEEE802.1 Port VLAN ID: ${mgmt ? 0 : 1}`,
      '  - IEEE802.1/IEEE802.3 Link Aggregation',
      `    Link Aggregation Status: ${mgmt ? 'Not Capable (0x00)' : 'Capable, Disabled (0x01)'}`,
      '    Port ID                : 0',
      `  - IEEE802.3 Maximum Frame Size: ${mgmt ? 1518 : 9236} bytes`,
    ];
  if (n.peerPlatform === 'juniper_junos')
    return [
      '  - IEEE802.1/IEEE802.3 Link Aggregation',
      '    Link Aggregation Status: Capable, Disabled (0x01)',
      '    Port ID                : 0',
      '  - IEEE802.3 Maximum Frame Size: 1514 bytes',
    ];
  return [];
}

function neighborEntry(ctx: RenderContext, n: Neighbor): string[] {
  const chassis = renderMacDotted(n.chassisMac);
  const port = portId(n);
  const capabilities = capabilityWords(n);
  const description = lldpSystemDescription(n.peerPlatform, peerModel(n), n.version).join('\n');
  const mgmt = MGMT_INTERFACE[n.peerPlatform];
  const age = sinceLastAdvert(ctx, n);
  const discovered = renderEosDuration(secondsSinceDiscovered(ctx, n));
  return [
    `  Neighbor ${chassis}/"${port}", age ${age} seconds`,
    `  Discovered ${discovered} ago; Last changed ${discovered} ago`,
    '  - Chassis ID type: MAC address (4)',
    `    Chassis ID     : ${chassis}`,
    '  - Port ID type: Interface name (5)',
    `    Port ID     : "${port}"`,
    `  - Time To Live: ${ADVERTISED_TTL} seconds`,
    ...(n.peerPlatform === 'arista_eos' ? [] : [`  - Port Description: "${n.remoteInterface}"`]),
    `  - System Name: "${n.deviceId}"`,
    `  - System Description: "${description}"`,
    `  - System Capabilities : ${capabilities}`,
    `    Enabled Capabilities: ${capabilities}`,
    '  - Management Address Subtype: IPv4 ',
    `    Management Address        : ${n.mgmtAddress}`,
    '    Interface Number Subtype  : ifIndex (2)',
    `    Interface Number          : ${mgmt.ifIndex}`,
    `    OID String                : ${mgmt.oid}`,
    ...ieeeLines(n),
    '',
  ];
}

/** Renders `show lldp neighbors detail`: every port, with or without neighbours, Ethernet first. */
export function renderShowLldpNeighborsDetail(ctx: RenderContext): string {
  if (!ctx.state.protocols.lldp) return LLDP_DISABLED;
  const neighbors = lldpNeighbors(ctx);
  // LLDP runs on physical ports only; port-channels have no section.
  return listedInterfaces(ctx)
    .filter((iface) => iface.aggregate === undefined)
    .flatMap((iface) => {
      const heard = neighbors.filter((n) => n.localInterface === iface.name);
      return [
        `Interface ${iface.name} detected ${heard.length} LLDP neighbors:`,
        '',
        ...heard.flatMap((n) => neighborEntry(ctx, n)),
      ];
    })
    .join('\n');
}
