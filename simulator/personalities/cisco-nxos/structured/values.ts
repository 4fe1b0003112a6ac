/** How NX-OS types its JSON values, which changed between trains. */
import type { RenderContext } from '../../../device/render-context.js';
import { nxosMajor } from '../render/version.js';

/** 7.x (the I-train) predates the 9.x JSON clean-up. */
export const isLegacy = (ctx: RenderContext): boolean => nxosMajor(ctx.state.version) < 9;

/**
 * A counter or integer field: 7.x sends JSON numbers, 9.3 and later strings ("NXOS 9.3 changed
 * CDP TTL format to string", greenpau/go-cisco-nx-api v1.0.5; 9.2+ `show version` captures).
 */
export const counter = (ctx: RenderContext, value: number): number | string =>
  isLegacy(ctx) ? value : String(value);

/**
 * SNMP ifIndex NX-OS reports for a port: `mgmt0` 0x5000000, `EthernetS/P` 0x1a000000 + (S-1)<<19
 * + (P-1)<<9 (Ethernet1/1 436207616, Ethernet1/3 436208640, Ethernet2/1 436731904 in captures).
 */
export function ifIndex(name: string): number {
  const eth = /^Ethernet(\d+)\/(\d+)$/.exec(name);
  if (eth) return 0x1a000000 + (Number(eth[1]) - 1) * 2 ** 19 + (Number(eth[2]) - 1) * 2 ** 9;
  const mgmt = /^mgmt(\d+)$/.exec(name);
  return mgmt ? 0x5000000 + Number(mgmt[1]) : 0;
}
