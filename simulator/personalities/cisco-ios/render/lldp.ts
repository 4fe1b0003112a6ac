/** `show lldp neighbors` and `show lldp neighbors detail`. */
import { renderMacDotted } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import { getKind } from '../../../topology/kinds/index.js';
import { parseInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { lldpCapabilityLetters, lldpPortId } from '../../lldp-facts.js';
import { lldpSystemDescription } from '../../software.js';
import { peerModel, remainingHold } from './neighbor-facts.js';
import { iosShortName } from './ports.js';
import { left } from './text.js';

const HEADER = [
  'Capability codes:',
  '    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
  '    (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
  '',
  'Device ID           Local Intf     Hold-time  Capability      Port ID',
];

const ENTRY_SEPARATOR = '-'.repeat(48);

/** Every platform here advertises a 120-second TTL. */
const ADVERTISED_TTL = 120;

function lldpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.neighbors.filter((n) => n.protocol === 'lldp');
}

/** Renders `show lldp neighbors`; IOS cuts the Device ID at 20 characters without a gap. */
export function renderShowLldpNeighbors(ctx: RenderContext): string {
  if (!ctx.state.protocols.lldp) return '% LLDP is not enabled';
  const neighbors = lldpNeighbors(ctx);
  const rows = neighbors.map(
    (n) =>
      left(n.deviceId.slice(0, 20), 20) +
      left(iosShortName(n.localInterface), 15) +
      left(ADVERTISED_TTL, 11) +
      left(lldpCapabilityLetters(n).join(','), 16) +
      lldpPortId(n),
  );
  return [...HEADER, ...rows, '', `Total entries displayed: ${neighbors.length}`, ''].join('\n');
}

/** The 802.3 MAC/PHY lines: a gigabit link autonegotiates, faster optics do not. */
function mediaLines(ctx: RenderContext, n: Neighbor): string[] {
  const remote = parseInterfaceName(n.remoteInterface, getKind(n.peerPlatform).interfaceTypes)?.type.speed;
  const local = ctx.state.interfaces.find((i) => i.name === n.localInterface)?.speed;
  const speed = Math.min(remote ?? 1000, local ?? 1000);
  if (speed > 1000) {
    return [
      'Auto Negotiation - not supported',
      'Physical media capabilities - not advertised',
      'Media Attachment Unit type - not advertised',
    ];
  }
  // A Catalyst copper port advertises every speed it negotiates and its MAU type (30: 1000BASE-T FD).
  if (n.peerPlatform === 'cisco_ios' && remote === 1000) {
    return [
      'Auto Negotiation - supported, enabled',
      'Physical media capabilities:',
      ...['1000baseT(FD)', '100base-TX(FD)', '100base-TX(HD)', '10base-T(FD)', '10base-T(HD)'].map(
        (m) => `    ${m}`,
      ),
      'Media Attachment Unit type: 30',
    ];
  }
  return [
    'Auto Negotiation - supported, enabled',
    'Physical media capabilities:',
    '    1000baseT(FD)',
    'Media Attachment Unit type - not advertised',
  ];
}

function detailEntry(ctx: RenderContext, n: Neighbor): string[] {
  const capabilities = lldpCapabilityLetters(n).join(',');
  return [
    ENTRY_SEPARATOR,
    `Local Intf: ${iosShortName(n.localInterface)}`,
    'Local Intf service instance: -',
    `Chassis id: ${renderMacDotted(n.chassisMac)}`,
    `Port id: ${lldpPortId(n)}`,
    `Port Description: ${n.remoteInterface}`,
    `System Name: ${n.deviceId}`,
    '',
    'System Description:',
    ...lldpSystemDescription(n.peerPlatform, peerModel(n), n.version),
    '',
    `Time remaining: ${remainingHold(ctx, n)} seconds`,
    `System Capabilities: ${capabilities}`,
    `Enabled Capabilities: ${capabilities}`,
    'Management Addresses:',
    `    IP: ${n.mgmtAddress}`,
    ...mediaLines(ctx, n),
    'Vlan ID: - not advertised',
    `Peer Source MAC: ${renderMacDotted(n.portMac)}`,
    '',
  ];
}

/** Renders `show lldp neighbors detail`: 48-dash entries, two blank lines before the total. */
export function renderShowLldpNeighborsDetail(ctx: RenderContext): string {
  if (!ctx.state.protocols.lldp) return '% LLDP is not enabled';
  const neighbors = lldpNeighbors(ctx);
  const entries = neighbors.flatMap((n) => detailEntry(ctx, n));
  return [...entries, '', `Total entries displayed: ${neighbors.length}`, ''].join('\n');
}

/** Renders `show lldp`: the global timers (a blank line first), or `% LLDP is not enabled`. */
export function renderShowLldp(ctx: RenderContext): string {
  if (!ctx.state.protocols.lldp) return '% LLDP is not enabled';
  return [
    '',
    'Global LLDP Information:',
    '    Status: ACTIVE',
    '    LLDP advertisements are sent every 30 seconds',
    `    LLDP hold time advertised is ${ADVERTISED_TTL} seconds`,
    '    LLDP interface reinitialisation delay is 2 seconds',
  ].join('\n');
}
