/**
 * `show port-channel summary`: the flags legend, the channel counts and a row per port-channel.
 * Layout from EOS captures: every cell padded to its column plus one space (so lines keep trailing
 * blanks), the Port-Channel and Protocol cells indented three, the Ports column as wide as its
 * widest line, four members a line. Every LAG here runs LACP active; a member bundled and in sync
 * is `PG+`, an unplugged one `D`, one LACP cannot pair (cabled elsewhere) aggregable but out of
 * sync, `G-`.
 */
import type { LagMemberStatus, LagState } from '../../../state/index.js';
import type { RenderContext } from '../../../device/render-context.js';
import { eosShortName } from './ports.js';
import { left } from './text.js';

const LEGEND = [
  ['Flags', '', ''],
  ['-'.repeat(26), '-'.repeat(29), '-'.repeat(25)],
  ['   a - LACP Active', '   p - LACP Passive', '* - static fallback'],
  ['   F - Fallback enabled', '   f - Fallback configured', '^ - individual fallback'],
  ['   U - In Use', '   D - Down', ''],
  ['   + - In-Sync', '   - - Out-of-Sync', 'i - incompatible with agg'],
  ['   P - bundled in Po', '   s - suspended', 'G - Aggregable'],
  ['   I - Individual', '   S - ShortTimeout', 'w - wait for agg'],
] as const;

const LEGEND_WIDTHS = [26, 29, 25] as const;

/** A legend line: cells padded to their columns, a blank after each (the `Flags` line stops at 65). */
function legendLine(cells: readonly string[]): string {
  if (cells[0] === 'Flags') return left('Flags', 65);
  return cells.map((cell, i) => `${left(cell, LEGEND_WIDTHS[i]!)} `).join('');
}

const MEMBER_FLAGS: Record<LagMemberStatus, string> = { bundled: 'PG+', suspended: 'G-', down: 'D' };

/** Whether a member is bundled: the port-channel is then in use. */
export const lagInUse = (lag: LagState): boolean => lag.members.some((m) => m.status === 'bundled');

/** The Ports column's lines of one port-channel: `Et47(PG+) ` each, four a line. */
function memberLines(lag: LagState): string[] {
  const cells = lag.members.map((m) => `${eosShortName(m.interface)}(${MEMBER_FLAGS[m.status]}) `);
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 4) lines.push(cells.slice(i, i + 4).join(''));
  return lines;
}

/** Renders `show port-channel summary`. */
export function renderShowPortChannelSummary(ctx: RenderContext): string {
  const lags = ctx.state.lags;
  const inUse = lags.filter(lagInUse).length;
  const members = lags.map(memberLines);
  const portsWidth = Math.max('Ports'.length, ...members.flat().map((line) => line.length));
  const row = (channel: string, protocol: string, ports: string) =>
    `${left(channel, 18)} ${left(protocol, 15)} ${left(ports, portsWidth)} `;
  const rows = lags.flatMap((lag, i) =>
    members[i]!.map((ports, line) =>
      line === 0
        ? row(`   Po${lag.number}(${lagInUse(lag) ? 'U' : 'D'})`, '   LACP(a)', ports)
        : row('', '', ports),
    ),
  );
  return [
    ...LEGEND.map(legendLine),
    '',
    `Number of channels in use: ${inUse}`,
    `Number of aggregators: ${inUse}`,
    '',
    row('   Port-Channel', '   Protocol', 'Ports'),
    `${'-'.repeat(18)} ${'-'.repeat(15)} ${'-'.repeat(portsWidth)} `,
    ...rows,
  ].join('\n');
}
