/**
 * `show ip arp` as EOS's JSON (napalm's EOS test data, show_arp.json): the rows the CLI prints,
 * but `age` in seconds where the CLI prints whole minutes (cEOS captures show ages up to 14400).
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';

/** Entries are refreshed when they reach four hours, as the CLI's minute column wraps at 240. */
const ARP_TIMEOUT_SECONDS = 240 * 60;

export function ipArpModel(ctx: RenderContext): object {
  const elapsed = Math.floor(Math.max(0, ctx.uptimeSeconds - ctx.state.uptimeAtStart));
  const learnt = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
  return {
    dynamicEntries: learnt.length,
    ipV4Neighbors: learnt.map((e) => ({
      hwAddress: renderMacDotted(e.mac!),
      address: e.address,
      interface: e.interface,
      age: (e.ageMinutes! * 60 + elapsed) % ARP_TIMEOUT_SECONDS,
    })),
    notLearnedEntries: 0,
    totalEntries: learnt.length,
    staticEntries: 0,
  };
}
