/** `show ip arp`: learnt neighbours only (EOS does not list its own addresses or unresolved ones). */
import type { ArpEntry } from '../../../state/arp.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left, right } from './text.js';

const HEADER = 'Address      Age (min) Hardware Addr  Interface';

/** ARP entries are refreshed when they reach four hours, so ages wrap. */
const ARP_TIMEOUT_MINUTES = 240;

function age(ctx: RenderContext, entry: ArpEntry): string {
  if (entry.ageMinutes === undefined) return 'N/A';
  const elapsed = Math.floor(Math.max(0, ctx.uptimeSeconds - ctx.state.uptimeAtStart) / 60);
  return String((entry.ageMinutes + elapsed) % ARP_TIMEOUT_MINUTES);
}

/** One row, `%-15s %6s %-14s %s`: the age column ends under `Age (min)`. */
export function renderEosArpRow(ctx: RenderContext, entry: ArpEntry): string {
  return `${left(entry.address, 15)} ${right(age(ctx, entry), 6)} ${left(renderMacDotted(entry.mac!), 14)} ${entry.interface}`;
}

/** Renders `show ip arp`. */
export function renderShowIpArp(ctx: RenderContext): string {
  const learnt = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
  return [HEADER, ...learnt.map((e) => renderEosArpRow(ctx, e))].join('\n');
}
