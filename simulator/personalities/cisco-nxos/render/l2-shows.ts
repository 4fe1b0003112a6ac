/**
 * `show mac address-table` and `show port-channel summary`. Every cabled port here is routed
 * (a /31 each) and no topology builds port-channels, so the MAC table holds only the router's
 * own gateway entry and the port-channel table is empty, as on a pure layer-3 Nexus.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';

/** Renders `show mac address-table`: the legend and the supervisor's gateway MAC. */
export function renderShowMacAddressTable(ctx: RenderContext): string {
  return [
    'Legend: ',
    '        * - primary entry, G - Gateway MAC, (R) - Routed MAC, O - Overlay MAC',
    '        age - seconds since last seen,+ - primary entry using vPC Peer-Link,',
    '        (T) - True, (F) - False, C - ControlPlane MAC, ~ - vsan,',
    '        (NA)- Not Applicable',
    '   VLAN     MAC Address      Type      age     Secure NTFY Ports',
    '---------+-----------------+--------+---------+------+----+------------------',
    `G     -    ${renderMacDotted(ctx.state.baseMac)}   static       -       F    F  sup-eth1(R)`,
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
