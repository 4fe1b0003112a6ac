/** `show arp no-resolve`: learnt entries only (Junos lists neither its own addresses nor unresolved ones). */
import { renderMacColons } from '../../../state/mac.js';
import type { RenderContext } from '../../render-context.js';
import { isVirtualChassis } from './chassis.js';

/** EX/QFX print a narrow Interface column (rows one wider than the header); MX a 25-wide one. */
const LAYOUT = {
  switch: { header: 'MAC Address       Address         Interface     Flags', width: 15 },
  router: { header: 'MAC Address       Address         Interface                Flags', width: 25 },
};

/** The logical unit ARP is learnt on: `ge-0/0/1.0`, `me0.0`. */
export function junosUnit(name: string): string {
  return name.includes('.') ? name : `${name}.0`;
}

export function renderShowArpNoResolve(ctx: RenderContext): string {
  const layout = isVirtualChassis(ctx) ? LAYOUT.switch : LAYOUT.router;
  const entries = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
  const rows = entries.map(
    (e) =>
      `${renderMacColons(e.mac!)} ${e.address.padEnd(16)}${junosUnit(e.interface).padEnd(layout.width - 1)} none`,
  );
  return [layout.header, ...rows, `Total entries: ${entries.length}`].join('\n');
}
