/**
 * `show mac address-table` and `show port-channel summary`. Every cabled port here is routed
 * (a /31 each) and no topology builds port-channels, so the MAC table holds only the router's
 * own gateway entry and the port-channel table is empty, as on a pure layer-3 Nexus.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';

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

/** Renders `show port-channel summary` of a box with no port-channels. */
export function renderShowPortChannelSummary(_ctx: RenderContext): string {
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
  ].join('\n');
}
