/** `show cdp neighbors` and `show cdp neighbors detail`. */
import type { Neighbor } from '../../../state/neighbors.js';
import type { RenderContext } from '../../../device/render-context.js';
import { cdpVersionText } from '../../software.js';
import { neighborAddress, peerModel, remainingHold } from './neighbor-facts.js';
import { iosCdpName } from './ports.js';
import { centre, left } from './text.js';

/** Capabilities IOS knows, with their brief codes; others (NX-OS `Filtering`, …) it does not show. */
const CAPABILITY_CODES: Readonly<Record<string, string>> = {
  Router: 'R',
  'Trans-Bridge': 'T',
  'Source-Route-Bridge': 'B',
  Switch: 'S',
  Host: 'H',
  IGMP: 'I',
  Repeater: 'r',
  Phone: 'P',
  Remote: 'D',
  CVTA: 'C',
  'Two-port Mac Relay': 'M',
};

const LEGEND = [
  'Capability Codes: R - Router, T - Trans Bridge, B - Source Route Bridge',
  '                  S - Switch, H - Host, I - IGMP, r - Repeater, P - Phone, ',
  '                  D - Remote, C - CVTA, M - Two-port Mac Relay ',
  '',
  'Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID',
];

const ENTRY_SEPARATOR = '-'.repeat(25);

function cdpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.neighbors.filter((n) => n.protocol === 'cdp');
}

/** The capabilities IOS names (in `show cdp neighbors detail` and RESTCONF); it drops the others. */
export const knownCapabilities = (n: Neighbor) => n.capabilities.filter((c) => c in CAPABILITY_CODES);

/** Brief rows: a Device ID of 16 or more characters takes a line of its own. */
function briefRows(ctx: RenderContext, n: Neighbor): string[] {
  const codes = knownCapabilities(n)
    .map((c) => `${CAPABILITY_CODES[c]!} `)
    .join('');
  const platform = n.platform.replace(/^cisco /i, '').slice(0, 9);
  const rest =
    left(iosCdpName(n.localInterface), 18) +
    left(remainingHold(ctx, n), 15) +
    centre(codes, 8) +
    left(platform, 10) +
    iosCdpName(n.remoteInterface);
  return n.deviceId.length >= 16 ? [n.deviceId, ' '.repeat(17) + rest] : [left(n.deviceId, 17) + rest];
}

/** Renders `show cdp neighbors`. */
export function renderShowCdpNeighbors(ctx: RenderContext): string {
  if (!ctx.state.protocols.cdp) return '% CDP is not enabled';
  const neighbors = cdpNeighbors(ctx);
  const rows = neighbors.flatMap((n) => briefRows(ctx, n));
  return [...LEGEND, ...rows, '', `Total cdp entries displayed : ${neighbors.length}`].join('\n');
}

function detailEntry(ctx: RenderContext, n: Neighbor): string[] {
  const address = neighborAddress(ctx, n);
  const capabilities = knownCapabilities(n).join(' ');
  const advertisesVtp = n.peerPlatform === 'cisco_ios' && n.capabilities.includes('Switch');
  return [
    ENTRY_SEPARATOR,
    `Device ID: ${n.deviceId}`,
    'Entry address(es): ',
    `  IP address: ${address}`,
    `Platform: ${n.platform},  Capabilities: ${capabilities} `,
    `Interface: ${n.localInterface},  Port ID (outgoing port): ${n.remoteInterface}`,
    `Holdtime : ${remainingHold(ctx, n)} sec`,
    '',
    'Version :',
    ...cdpVersionText(n.peerPlatform, peerModel(n), n.version),
    '',
    'advertisement version: 2',
    ...(advertisesVtp ? ["VTP Management Domain: ''"] : []),
    'Duplex: full',
    'Management address(es): ',
    `  IP address: ${n.mgmtAddress}`,
    '',
  ];
}

/** Renders `show cdp neighbors detail`: 25-dash entries, two blank lines before the total. */
export function renderShowCdpNeighborsDetail(ctx: RenderContext): string {
  if (!ctx.state.protocols.cdp) return '% CDP is not enabled';
  const neighbors = cdpNeighbors(ctx);
  const entries = neighbors.flatMap((n) => detailEntry(ctx, n));
  return [...entries, '', `Total cdp entries displayed : ${neighbors.length}`].join('\n');
}

/** Renders `show cdp`: the global timers, or `% CDP is not enabled`. */
export function renderShowCdp(ctx: RenderContext): string {
  if (!ctx.state.protocols.cdp) return '% CDP is not enabled';
  return [
    'Global CDP information:',
    '        Sending CDP packets every 60 seconds',
    '        Sending a holdtime value of 180 seconds',
    '        Sending CDPv2 advertisements is  enabled',
  ].join('\n');
}
