/**
 * `show mac address-table`: the MAC of the neighbour on each live switched port, learnt in VLAN 1
 * when the link came up. Routed ports and the management port bridge nothing, so learn nothing.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { linkHistory } from './link-history.js';
import { eosShortName, isRouted, listedInterfaces } from './ports.js';
import { left, renderEosDuration, right } from './text.js';

export interface MacEntry {
  vlan: number;
  mac: number;
  port: string;
  /** Seconds since it was learnt (its one move). */
  lastMove: number;
}

/** The learnt entries, by VLAN then MAC; the peer's MAC is what its LLDP/CDP frames carry. */
export function macEntries(ctx: RenderContext): MacEntry[] {
  const entries: MacEntry[] = [];
  for (const iface of listedInterfaces(ctx)) {
    if (isRouted(iface)) continue;
    const history = linkHistory(ctx, iface);
    if (history.status !== 'connected') continue;
    const heard = ctx.state.neighbors.find((n) => n.localInterface === iface.name);
    if (!heard) continue;
    entries.push({ vlan: 1, mac: heard.portMac, port: iface.name, lastMove: history.sinceChange });
  }
  return entries.sort((a, b) => a.vlan - b.vlan || a.mac - b.mac);
}

const TITLE_RULE = '-'.repeat(66);

const total = (count: number) => `Total Mac Addresses for this criterion: ${count}`;

/** Renders `show mac address-table`: the unicast table, then the (empty) multicast one. */
export function renderShowMacAddressTable(ctx: RenderContext): string {
  const entries = macEntries(ctx);
  const rows = entries.map(
    (e) =>
      `${right(e.vlan, 4)}    ${left(renderMacDotted(e.mac), 14)}    ${left('DYNAMIC', 8)}    ${left(eosShortName(e.port), 10)} ${left(1, 7)} ${renderEosDuration(e.lastMove)} ago`,
  );
  return [
    '          Mac Address Table',
    TITLE_RULE,
    '',
    'Vlan    Mac Address       Type        Ports      Moves   Last Move',
    '----    -----------       ----        -----      -----   ---------',
    ...rows,
    total(entries.length),
    '',
    '          Multicast Mac Address Table',
    TITLE_RULE,
    '',
    'Vlan    Mac Address       Type        Ports',
    '----    -----------       ----        -----',
    total(0),
    '',
  ].join('\n');
}
