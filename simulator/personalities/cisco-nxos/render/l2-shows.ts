/**
 * `show mac address-table` and `show port-channel summary`. Every cabled port here is routed
 * (a /31 each, or a routed port-channel's), so the MAC table holds only the router's own gateway
 * entry, as on a pure layer-3 Nexus.
 */
import type { LagMemberStatus, LagState } from '../../../state/index.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosShortName } from './names.js';

/** One entry of the MAC table, column by column as the CLI prints it. */
export interface NxosMacEntry {
  /** `G` gateway, `*` primary entry. */
  flag: string;
  vlan: string;
  mac: string;
  type: string;
  age: string;
  secure: string;
  ntfy: string;
  port: string;
}

/** The MAC table: the supervisor's gateway MAC, routed, in no VLAN. */
export function nxosMacEntries(ctx: RenderContext): NxosMacEntry[] {
  return [
    {
      flag: 'G',
      vlan: '-',
      mac: renderMacDotted(ctx.state.baseMac),
      type: 'static',
      age: '-',
      secure: 'F',
      ntfy: 'F',
      port: 'sup-eth1(R)',
    },
  ];
}

const entryLine = (e: NxosMacEntry) =>
  `${e.flag}${e.vlan.padStart(6)}    ${e.mac}   ${left(e.type, 8)}${e.age.padStart(6)}       ${e.secure}    ${e.ntfy}  ${e.port}`;

/** Renders `show mac address-table`: the legend and the entries. */
export function renderShowMacAddressTable(ctx: RenderContext): string {
  return [
    'Legend: ',
    '        * - primary entry, G - Gateway MAC, (R) - Routed MAC, O - Overlay MAC',
    '        age - seconds since last seen,+ - primary entry using vPC Peer-Link,',
    '        (T) - True, (F) - False, C - ControlPlane MAC, ~ - vsan,',
    '        (NA)- Not Applicable',
    '   VLAN     MAC Address      Type      age     Secure NTFY Ports',
    '---------+-----------------+--------+---------+------+----+------------------',
    ...nxosMacEntries(ctx).map(entryLine),
  ].join('\n');
}

/** A member's flag: up in the port-channel, suspended (LACP pairs it elsewhere) or down. */
export const NXOS_MEMBER_FLAGS: Record<LagMemberStatus, string> = { bundled: 'P', suspended: 's', down: 'D' };

/** A port-channel is up while a member is bundled. */
export const nxosLagUp = (lag: LagState): boolean => lag.members.some((m) => m.status === 'bundled');

/** One port-channel's rows: routed (R), up while a member is bundled; three members a line. */
function portChannelRows(lag: LagState): string[] {
  const up = nxosLagUp(lag);
  const head = `${left(String(lag.number), 5)} ${left(`Po${lag.number}(R${up ? 'U' : 'D'})`, 11)} Eth      LACP      `;
  const members = lag.members.map(
    (m) => left(`${nxosShortName(m.interface)}(${NXOS_MEMBER_FLAGS[m.status]})`, 12) + ' ',
  );
  const out: string[] = [];
  for (let i = 0; i < members.length; i += 3)
    out.push((i === 0 ? head : ' '.repeat(head.length)) + members.slice(i, i + 3).join(''));
  return out;
}

/** Renders `show port-channel summary`: the flags legend, then a row per port-channel. */
export function renderShowPortChannelSummary(ctx: RenderContext): string {
  const rule = '-'.repeat(80);
  return [
    'Flags:  D - Down        P - Up in port-channel (members)',
    '        I - Individual  H - Hot-standby (LACP only)',
    '        s - Suspended   r - Module-removed',
    '        b - BFD Session Wait',
    '        S - Switched    R - Routed',
    '        U - Up (port-channel)',
    '        p - Up in delay-lacp mode (member)',
    '        M - Not in use. Min-links not met',
    rule,
    'Group Port-       Type     Protocol  Member Ports',
    '      Channel',
    rule,
    ...ctx.state.lags.flatMap(portChannelRows),
  ].join('\n');
}
