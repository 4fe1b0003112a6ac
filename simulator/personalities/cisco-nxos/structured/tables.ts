/**
 * `show ip arp` and `show interface brief` as NX-API structures, from the state the CLI renders.
 * Keys from NX-OS captures: napalm test/nxos/mocked_data/test_get_arp_table (TABLE_vrf/TABLE_adj,
 * time-stamp as the CLI prints it) and greenpau/go-cisco-nx-api resp.show.interface.brief.json.
 */
import { renderMacDotted } from '../../../state/mac.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { nxosArpEntries, renderArpAge } from '../render/arp.js';
import { isShutdown } from '../render/interfaces.js';
import { table, type JsonObject } from './json.js';
import { counter } from './values.js';

/** `show ip arp`: one VRF (default), unresolved entries flagged `incomplete` without a MAC. */
export function arpBody(ctx: RenderContext): JsonObject {
  const entries = nxosArpEntries(ctx);
  return {
    TABLE_vrf: {
      ROW_vrf: {
        'vrf-name-out': 'default',
        'cnt-total': counter(ctx, entries.length),
        ...table(
          'adj',
          entries.map((e) => ({
            'intf-out': e.interface,
            'ip-addr-out': e.address,
            'time-stamp': renderArpAge(ctx, e),
            ...(e.mac === undefined ? { incomplete: 'true' } : { mac: renderMacDotted(e.mac) }),
          })),
        ),
      },
    },
  };
}

function mgmtRow(ctx: RenderContext, iface: InterfaceState): JsonObject {
  const up = !isShutdown(ctx, iface);
  return {
    interface: iface.name,
    state: up ? 'up' : 'down',
    ip_addr: iface.address?.ip ?? '--',
    speed: up ? String(iface.speed) : '--',
    mtu: 1500,
  };
}

function ethernetRow(ctx: RenderContext, iface: InterfaceState): JsonObject {
  const shut = isShutdown(ctx, iface);
  const up = iface.connected && !shut;
  const routed = iface.address !== undefined;
  const speed = !up ? 'auto' : iface.speed >= 10_000 ? `${iface.speed / 1000}G` : String(iface.speed);
  return {
    interface: iface.name,
    vlan: routed ? '--' : '1',
    type: 'eth',
    portmode: routed ? 'routed' : 'access',
    state: up ? 'up' : 'down',
    state_rsn_desc: shut ? 'Administratively down' : up ? 'none' : 'Link not connected',
    speed,
    ratemode: 'D',
  };
}

/** `show interface brief`: the management port, then the Ethernet ports. */
export function interfaceBriefBody(ctx: RenderContext): JsonObject {
  const rows = [
    ...ctx.state.interfaces.filter((i) => i.mgmt).map((i) => mgmtRow(ctx, i)),
    ...ctx.state.interfaces.filter((i) => !i.mgmt).map((i) => ethernetRow(ctx, i)),
  ];
  return table('interface', rows);
}
