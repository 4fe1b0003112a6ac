/** `show cdp neighbors` and `show cdp neighbors detail`, NX-OS layout. */
import type { Neighbor } from '../../../state/neighbors.js';
import type { RenderContext } from '../../../device/render-context.js';
import { cdpVersionText } from '../../software.js';
import { peerModel, remainingHold } from '../../cisco-ios/render/neighbor-facts.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosCdpPortName, nxosShortName } from './names.js';

/** Capabilities NX-OS has brief codes for; others (`Filtering`) appear only in the detail. */
const CAPABILITY_CODES: Readonly<Record<string, string>> = {
  Router: 'R',
  'Trans-Bridge': 'T',
  'Source-Route-Bridge': 'B',
  Switch: 'S',
  Host: 'H',
  IGMP: 'I',
  Repeater: 'r',
  'VoIP-Phone': 'V',
  Phone: 'V',
  'Remotely-Managed-Device': 'D',
  Remote: 'D',
  'Supports-STP-Dispute': 's',
};

const LEGEND = [
  'Capability Codes: R - Router, T - Trans-Bridge, B - Source-Route-Bridge',
  '                  S - Switch, H - Host, I - IGMP, r - Repeater,',
  '                  V - VoIP-Phone, D - Remotely-Managed-Device,',
  '                  s - Supports-STP-Dispute',
  '',
  'Device-ID          Local Intrfce  Hldtme Capability  Platform      Port ID',
];

const ENTRY_SEPARATOR = '-'.repeat(40);

/** What NX-OS prints when CDP is disabled globally (`no cdp enable`). */
export const CDP_DISABLED = '% CDP is not enabled';

function cdpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.neighbors.filter((n) => n.protocol === 'cdp');
}

/** The platform column is 14 wide; a longer model name still gets one space after it. */
const platformField = (platform: string) => (platform.length >= 14 ? `${platform} ` : left(platform, 14));

/** Brief rows (`%-20s%-15s%-7s%-10s%-14s%s`): a Device ID of 20 or more characters takes its own line. */
function briefRows(ctx: RenderContext, n: Neighbor): string[] {
  const codes = n.capabilities
    .map((c) => CAPABILITY_CODES[c])
    .filter((c) => c !== undefined)
    .join(' ');
  const rest =
    left(nxosShortName(n.localInterface), 15) +
    left(remainingHold(ctx, n), 7) +
    left(codes, 10) +
    platformField(n.platform.replace(/^cisco /i, '')) +
    nxosCdpPortName(n.remoteInterface);
  return n.deviceId.length >= 20 ? [n.deviceId, ' '.repeat(20) + rest] : [left(n.deviceId, 20) + rest];
}

/** Renders `show cdp neighbors`. */
export function renderShowCdpNeighbors(ctx: RenderContext): string {
  if (!ctx.state.protocols.cdp) return CDP_DISABLED;
  const neighbors = cdpNeighbors(ctx);
  const rows = neighbors.flatMap((n) => briefRows(ctx, n));
  return [...LEGEND, ...rows, '', `Total entries displayed: ${neighbors.length}`].join('\n');
}

const isSwitch = (n: Neighbor) => n.capabilities.includes('Switch');

/** The lines after `Device ID:`: NX-OS peers send their system name, IOS switches their VTP domain. */
function identityLines(n: Neighbor): string[] {
  if (n.peerPlatform === 'cisco_nxos') return [`System Name: ${n.hostname}`];
  if (n.peerPlatform === 'cisco_ios' && isSwitch(n)) return ['VTP Management Domain Name: null'];
  return [];
}

/** Trailing TLVs: NX-OS peers add MTU and location after a blank line. */
function trailerLines(n: Neighbor): string[] {
  const vlan = isSwitch(n) ? ['Native VLAN: 1'] : [];
  if (n.peerPlatform !== 'cisco_nxos') return [...vlan, 'Duplex: full'];
  return [...vlan, 'Duplex: full', '', 'MTU: 1500', 'Physical Location: snmplocation'];
}

function detailEntry(ctx: RenderContext, n: Neighbor): string[] {
  return [
    ENTRY_SEPARATOR,
    `Device ID:${n.deviceId}`,
    ...identityLines(n),
    '',
    'Interface address(es):',
    `    IPv4 Address: ${n.address}`,
    `Platform: ${n.platform}, Capabilities: ${n.capabilities.join(' ')}`,
    `Interface: ${n.localInterface}, Port ID (outgoing port): ${n.remoteInterface}`,
    `Holdtime: ${remainingHold(ctx, n)} sec`,
    '',
    'Version:',
    ...cdpVersionText(n.peerPlatform, peerModel(n), n.version),
    '',
    'Advertisement Version: 2',
    '',
    ...trailerLines(n),
    'Mgmt address(es):',
    `    IPv4 Address: ${n.mgmtAddress}`,
  ];
}

/** Renders `show cdp neighbors detail`: 40-dash entries back to back, no total. */
export function renderShowCdpNeighborsDetail(ctx: RenderContext): string {
  if (!ctx.state.protocols.cdp) return CDP_DISABLED;
  return cdpNeighbors(ctx)
    .flatMap((n) => detailEntry(ctx, n))
    .join('\n');
}
