/** `show ip arp` and `show arp` (the same table on IOS). */
import type { ArpEntry } from '../../../state/arp.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { left, right } from './text.js';

const HEADER = 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface';

/** ARP entries are refreshed when they reach four hours, so ages wrap. */
const ARP_TIMEOUT_MINUTES = 240;

/** Minutes since the entry was learnt, moving with the fleet's clock; undefined for own addresses. */
export function arpAgeMinutes(ctx: RenderContext, entry: ArpEntry): number | undefined {
  if (entry.ageMinutes === undefined) return undefined;
  const elapsed = Math.floor(Math.max(0, ctx.uptimeSeconds - ctx.state.uptimeAtStart) / 60);
  return (entry.ageMinutes + elapsed) % ARP_TIMEOUT_MINUTES;
}

/** The Age column: minutes, or `-` for own addresses. */
const age = (ctx: RenderContext, entry: ArpEntry) => String(arpAgeMinutes(ctx, entry) ?? '-');

/** One row, `%-10s%-15s%10s   %-14s  %-5s  %s`; an unresolved entry has no interface. */
export function renderArpRow(ctx: RenderContext, entry: ArpEntry): string {
  const resolved = entry.mac !== undefined;
  const hardware = resolved ? renderMacDotted(entry.mac!) : 'Incomplete';
  const row = `${left('Internet', 10)}${left(entry.address, 15)}${right(age(ctx, entry), 10)}   ${left(hardware, 14)}  ${left('ARPA', 5)}  ${resolved ? entry.interface : ''}`;
  return resolved ? row : row.trimEnd();
}

/** Renders the global ARP table; a management port hard-wired into a VRF keeps its entries there. */
export function renderShowIpArp(ctx: RenderContext): string {
  const mgmtVrf = iosHardware(ctx).mgmtVrf;
  const mgmt = ctx.state.interfaces.find((i) => i.mgmt)?.name;
  const entries = ctx.state.arp.filter((e) => !(mgmtVrf && e.interface === mgmt));
  return [HEADER, ...entries.map((e) => renderArpRow(ctx, e))].join('\n');
}

/** `show arp` prints the same table as `show ip arp`. */
export const renderShowArp = renderShowIpArp;
