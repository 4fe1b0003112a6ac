/**
 * `show arp` and `show arp no-resolve`: learnt entries only (Junos lists neither its own addresses
 * nor unresolved ones).
 */
import { renderMacColons } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isVirtualChassis } from './chassis.js';

/** One learnt entry as Junos states it. */
export interface JunosArpEntry {
  /** `00:1e:bd:ed:72:0e` */
  mac: string;
  address: string;
  /**
   * What the address resolves to. The fleet has no DNS, so it is the address itself, as Junos
   * prints it when a name does not resolve.
   */
  name: string;
  /** The logical unit: `ge-0/0/1.0`, `me0.0`. */
  interface: string;
  flags: string;
}

/** The logical unit ARP is learnt on: `ge-0/0/1.0`, `me0.0`. */
export function junosUnit(name: string): string {
  return name.includes('.') ? name : `${name}.0`;
}

/** The entries both forms of `show arp` list, and the REST RPC returns. */
export function junosArpEntries(ctx: RenderContext): JunosArpEntry[] {
  return ctx.state.arp
    .filter((e) => e.mac !== undefined && e.ageMinutes !== undefined)
    .map((e) => ({
      mac: renderMacColons(e.mac!),
      address: e.address,
      name: e.address,
      interface: junosUnit(e.interface),
      flags: 'none',
    }));
}

/** EX/QFX print a narrow Interface column (rows one wider than the header); MX a 25-wide one. */
const NO_RESOLVE_LAYOUT = {
  switch: { header: 'MAC Address       Address         Interface     Flags', width: 15 },
  router: { header: 'MAC Address       Address         Interface                Flags', width: 25 },
};

export function renderShowArpNoResolve(ctx: RenderContext): string {
  const layout = isVirtualChassis(ctx) ? NO_RESOLVE_LAYOUT.switch : NO_RESOLVE_LAYOUT.router;
  const entries = junosArpEntries(ctx);
  const rows = entries.map(
    (e) => `${e.mac} ${e.address.padEnd(16)}${e.interface.padEnd(layout.width - 1)} ${e.flags}`,
  );
  return [layout.header, ...rows, `Total entries: ${entries.length}`].join('\n');
}

/**
 * `show arp`: the Name column between Address and Interface, one layout on every box (vMX, QFX
 * and MX captures: `MAC Address       Address         Name                      Interface …`).
 */
export function renderShowArp(ctx: RenderContext): string {
  const entries = junosArpEntries(ctx);
  const rows = entries.map(
    (e) => `${e.mac} ${e.address.padEnd(16)}${e.name.padEnd(26)}${e.interface.padEnd(24)}${e.flags}`,
  );
  return [
    'MAC Address       Address         Name                      Interface               Flags',
    ...rows,
    `Total entries: ${entries.length}`,
  ].join('\n');
}
