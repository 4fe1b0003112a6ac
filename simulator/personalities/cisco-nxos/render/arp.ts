/** `show ip arp`: the flags legend, the table for all contexts, ages as hh:mm:ss. */
import type { ArpEntry } from '../../../state/arp.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';

const LEGEND = [
  '',
  'Flags: * - Adjacencies learnt on non-active FHRP router',
  '       + - Adjacencies synced via CFSoE',
  '       # - Adjacencies Throttled for Glean',
  '       D - Static Adjacencies attached to down interface',
  '',
  'IP ARP Table for all contexts',
];

const HEADER = 'Address         Age       MAC Address     Interface';

/** NX-OS refreshes an entry before its 1500-second timeout, so ages wrap. */
const ARP_TIMEOUT_SECONDS = 1500;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Seconds since learnt, moving with the fleet's clock, as `00:06:06`. */
export function renderArpAge(ctx: RenderContext, entry: ArpEntry): string {
  const minutes = entry.ageMinutes ?? 0;
  const elapsed = Math.floor(Math.max(0, ctx.uptimeSeconds - ctx.state.uptimeAtStart));
  const seconds = (minutes * 60 + ((minutes * 7) % 60) + elapsed) % ARP_TIMEOUT_SECONDS;
  return `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor((seconds % 3600) / 60))}:${pad2(seconds % 60)}`;
}

/** The entries NX-OS lists: learnt ones only, its own addresses are not adjacencies. */
export function nxosArpEntries(ctx: RenderContext): ArpEntry[] {
  return ctx.state.arp.filter((e) => e.ageMinutes !== undefined);
}

function row(ctx: RenderContext, entry: ArpEntry): string {
  const mac = entry.mac === undefined ? 'INCOMPLETE' : renderMacDotted(entry.mac);
  return left(entry.address, 16) + left(renderArpAge(ctx, entry), 10) + left(mac, 16) + entry.interface;
}

/** Renders `show ip arp`; it starts with a blank line. */
export function renderShowIpArp(ctx: RenderContext): string {
  const entries = nxosArpEntries(ctx);
  return [
    ...LEGEND,
    `Total number of entries: ${entries.length}`,
    HEADER,
    ...entries.map((e) => row(ctx, e)),
  ].join('\n');
}
