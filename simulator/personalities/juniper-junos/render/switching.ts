/**
 * `show ethernet-switching table` and `show vlans` in the ELS layout of EX switches. Every port
 * without an address is an access port of the VLAN `default` (tag 1), as a factory EX has it;
 * routed ports learn nothing. A switch port that is up learns the MAC of the port at its other end
 * (the one LLDP reports).
 */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { renderMacColons } from '../../../state/mac.js';
import { junosUnit } from './arp.js';
import { portState } from './ports.js';

/** One learnt MAC. */
export interface JunosSwitchingEntry {
  vlan: string;
  /** `00:1e:bd:ed:72:0e` */
  mac: string;
  /** `D`: dynamic. */
  flags: string;
  /** `ge-0/0/16.0` */
  interface: string;
}

/** The VLAN every switch port is in, as a factory EX has it. */
export const DEFAULT_VLAN = { name: 'default', tag: 1 };

/** The routing instance the ELS tables name. */
export const DEFAULT_SWITCH = 'default-switch';

/** `ge-0/0/3.0*`: a VLAN member unit, starred when its link is up (as `show vlans` prints it). */
export function junosVlanMembers(ctx: RenderContext): string[] {
  return junosSwitchPorts(ctx).map(
    (iface) => `${junosUnit(iface.name)}${portState(ctx, iface).link === 'up' ? '*' : ''}`,
  );
}

/** The ports in VLAN `default`: every non-management port with no address. */
export function junosSwitchPorts(ctx: RenderContext): InterfaceState[] {
  return ctx.state.interfaces.filter((i) => !i.mgmt && !i.address);
}

/** What the switch has learnt, in port order. */
export function junosSwitchingEntries(ctx: RenderContext): JunosSwitchingEntry[] {
  return junosSwitchPorts(ctx).flatMap((iface) => {
    const heard = ctx.state.neighbors.find((n) => n.localInterface === iface.name);
    if (!heard || portState(ctx, iface).link !== 'up') return [];
    return [
      {
        vlan: DEFAULT_VLAN.name,
        mac: renderMacColons(heard.portMac),
        flags: 'D',
        interface: junosUnit(iface.name),
      },
    ];
  });
}

export function renderShowEthernetSwitchingTable(ctx: RenderContext): string {
  const entries = junosSwitchingEntries(ctx);
  return [
    '',
    'MAC flags (S - static MAC, D - dynamic MAC, L - locally learned, P - Persistent static',
    '           SE - statistics enabled, NM - non configured MAC, R - remote PE MAC, O - ovsdb MAC)',
    '',
    '',
    `Ethernet switching table : ${entries.length} entries, ${entries.length} learned`,
    `Routing instance : ${DEFAULT_SWITCH}`,
    '    Vlan                MAC                 MAC         Age    Logical',
    '    name                address             flags              interface',
    ...entries.map(
      (e) =>
        `    ${e.vlan.padEnd(20)}${e.mac.padEnd(20)}${e.flags.padEnd(12)}${'-'.padStart(3)}   ${e.interface}`,
    ),
  ].join('\n');
}

/** `show vlans`: each VLAN of the default switch with its member units, `*` on those that are up. */
export function renderShowVlans(ctx: RenderContext): string {
  const members = junosVlanMembers(ctx).map((member) => `${' '.repeat(59)}${member}`);
  return [
    'Routing instance        VLAN name             Tag          Interfaces',
    `${DEFAULT_SWITCH.padEnd(24)}${DEFAULT_VLAN.name.padEnd(22)}${String(DEFAULT_VLAN.tag).padStart(4)}`,
    ...members,
  ].join('\n');
}
