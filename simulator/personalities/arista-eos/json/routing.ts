/**
 * `show ip route` and `show mac address-table` as EOS's JSON, the keys napalm's EOS driver reads
 * (`vrfs.<vrf>.routes.<prefix>` with `routeType`, `vias`, `preference`, `metric`;
 * `unicastTable.tableEntries` with `vlanId`, `macAddress`, `entryType`, `interface`, `moves`, `lastMove`).
 */
import { renderMacColons } from '../../../state/mac.js';
import { renderIpv4 } from '../../../topology/ip.js';
import type { RenderContext } from '../../../device/render-context.js';
import { macEntries } from '../render/mac-table.js';
import { connectedRoutes, managementGateway } from '../render/route.js';

const programmed = {
  hardwareProgrammed: true,
  kernelProgrammed: true,
  routeLeaked: false,
  routeAction: 'forward',
};

export function ipRouteModel(ctx: RenderContext): object {
  const routes: Record<string, object> = {};
  const gateway = managementGateway(ctx);
  if (gateway) {
    routes['0.0.0.0/0'] = {
      ...programmed,
      routeType: 'static',
      directlyConnected: false,
      preference: 1,
      metric: 0,
      vias: [{ nexthopAddr: gateway.address, interface: gateway.iface.name }],
    };
  }
  for (const { network, prefix, iface } of connectedRoutes(ctx)) {
    routes[`${renderIpv4(network)}/${prefix}`] = {
      ...programmed,
      routeType: 'connected',
      directlyConnected: true,
      preference: 0,
      metric: 0,
      vias: [{ interface: iface.name }],
    };
  }
  return {
    vrfs: {
      default: {
        routingDisabled: false,
        allRoutesProgrammedHardware: true,
        allRoutesProgrammedKernel: true,
        defaultRouteState: gateway ? 'reachable' : 'notSet',
        routes,
      },
    },
  };
}

export function macAddressTableModel(ctx: RenderContext): object {
  const nowSeconds = ctx.now / 1000;
  return {
    unicastTable: {
      tableEntries: macEntries(ctx).map((e) => ({
        vlanId: e.vlan,
        macAddress: renderMacColons(e.mac),
        entryType: 'dynamic',
        interface: e.port,
        moves: 1,
        lastMove: nowSeconds - e.lastMove,
      })),
    },
    multicastTable: { tableEntries: [] },
  };
}
