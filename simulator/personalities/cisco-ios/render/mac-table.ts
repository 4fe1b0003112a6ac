/** `show mac address-table` on Catalyst switches: CPU entries, the SVI, and each live switchport's peer. */
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { SVI_MAC_OFFSET } from './interface-detail.js';
import { iosShortName, isRouted, isShutdown, listedInterfaces } from './ports.js';

/** Control-plane destinations the box punts to its CPU: CDP/VTP, STP/LACP/LLDP and friends, broadcast. */
const CPU_MACS = [
  0x01000ccccccc,
  0x01000ccccccd,
  ...Array.from({ length: 17 }, (_, i) => 0x0180c2000000 + i),
  0x0180c2000021,
  0xffffffffffff,
];

const row = (vlan: string, mac: number, type: string, port: string) =>
  `${vlan.padStart(4)}    ${renderMacDotted(mac)}    ${type.padEnd(8)}    ${port}`;

/**
 * The MAC of the port at the far end of each live switchport, as CDP/LLDP heard it (the neighbour's
 * port MAC, the same that the peer's own tables and LLDP `Peer Source MAC` show).
 */
function learntMacs(ctx: RenderContext): { mac: number; port: string }[] {
  const live = new Set(
    listedInterfaces(ctx)
      .filter((i) => !i.mgmt && !isRouted(ctx, i) && i.connected && !isShutdown(ctx, i))
      .map((i) => i.name),
  );
  const byPort = new Map<string, number>();
  for (const n of ctx.state.neighbors)
    if (live.has(n.localInterface)) byPort.set(n.localInterface, n.portMac);
  return [...byPort].map(([name, mac]) => ({ mac, port: iosShortName(name) })).sort((a, b) => a.mac - b.mac);
}

/** Renders `show mac address-table`: dynamic entries are the peers of up switchports, in VLAN 1. */
export function renderShowMacAddressTable(ctx: RenderContext): string {
  const learnt = learntMacs(ctx);
  const rows = [
    ...CPU_MACS.map((mac) => row('All', mac, 'STATIC', 'CPU')),
    row('1', ctx.state.baseMac + SVI_MAC_OFFSET, 'STATIC', 'Vl1 '),
    ...learnt.map((e) => row('1', e.mac, 'DYNAMIC', e.port)),
  ];
  return [
    '          Mac Address Table',
    '-------------------------------------------',
    '',
    'Vlan    Mac Address       Type        Ports',
    '----    -----------       --------    -----',
    ...rows,
    `Total Mac Addresses for this criterion: ${rows.length}`,
  ].join('\n');
}
