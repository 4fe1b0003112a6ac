/**
 * `show ip interface brief [vrf all]` and `show ip route [vrf management|all]` as NX-OS
 * structures, from the rows and routes the CLI tables print.
 * Keys: `show ip interface | json` captures (napalm test/nxos/mocked_data/test_get_interfaces_ip:
 * TABLE_vrf repeated once per interface next to TABLE_intf, each a list of `{ROW_…}` objects;
 * intf-name, proto-state, link-state, admin-state, iod, prefix, ip-disabled) and
 * `show ip route | json` captures (TABLE_vrf/TABLE_addrf/TABLE_prefix/TABLE_path; ipprefix,
 * ucast-nhops, mcast-nhops, attached; ipnexthop, ifname, uptime as an ISO 8601 duration
 * `P15DT16H28M27S`, pref, metric, clientname, ubest).
 */
import { renderIpv4 } from '../../../topology/ip.js';
import type { RenderContext } from '../../../device/render-context.js';
import {
  nxosIpBriefRows,
  nxosRoutes,
  nxosVrfs,
  type NxosRoutePath,
  type NxosVrf,
} from '../render/ip-shows.js';
import { nxosShortName } from '../render/names.js';
import { uptimeParts } from '../render/time.js';
import { rowTables, table, type JsonObject } from './json.js';
import { counter } from './values.js';

const updown = (up: boolean) => (up ? 'up' : 'down');

/**
 * The interface's IOD (NX-OS's internal index): in captures mgmt0 is low and the front ports
 * follow in order; here mgmt0 is 2 and each port its position after it, plus 4.
 */
function iod(ctx: RenderContext, name: string): number {
  const index = ctx.state.interfaces.findIndex((i) => i.name === name);
  return ctx.state.interfaces[index]?.mgmt ? 2 : index + 4;
}

function ipBriefBody(ctx: RenderContext, vrfs: readonly NxosVrf[]): JsonObject {
  const rows = vrfs.flatMap((vrf) => nxosIpBriefRows(ctx, vrf));
  return {
    ...rowTables(
      'vrf',
      rows.map((row) => ({ 'vrf-name-out': row.vrf })),
    ),
    ...rowTables(
      'intf',
      rows.map((row) => ({
        'intf-name': nxosShortName(row.name),
        'proto-state': updown(row.protocolUp),
        'link-state': updown(row.linkUp),
        'admin-state': updown(row.adminUp),
        iod: counter(ctx, iod(ctx, row.name)),
        prefix: row.ip,
        'ip-disabled': 'FALSE',
      })),
    ),
  };
}

/** `show ip interface brief`: VRF default. */
export const ipInterfaceBriefBody = (ctx: RenderContext): JsonObject => ipBriefBody(ctx, [nxosVrfs(ctx)[0]!]);

/** `show ip interface brief vrf all`. */
export const ipInterfaceBriefVrfAllBody = (ctx: RenderContext): JsonObject => ipBriefBody(ctx, nxosVrfs(ctx));

/** `P4DT22H13M5S`, `PT17H3M49S`: a route's age as NX-OS's JSON spells it. */
export function renderIsoDuration(totalSeconds: number): string {
  const { days, hours, minutes, seconds } = uptimeParts(totalSeconds);
  return `P${days > 0 ? `${days}D` : ''}T${hours}H${minutes}M${seconds}S`;
}

function pathRow(ctx: RenderContext, path: NxosRoutePath): JsonObject {
  return {
    ipnexthop: path.nextHop,
    ...(path.interface ? { ifname: nxosShortName(path.interface) } : {}),
    uptime: renderIsoDuration(path.ageSeconds),
    pref: counter(ctx, path.preference),
    metric: counter(ctx, path.metric),
    clientname: path.client,
    ubest: 'true',
  };
}

function vrfRow(ctx: RenderContext, vrf: NxosVrf): JsonObject {
  const prefixes = nxosRoutes(ctx, vrf).map((route) => ({
    ipprefix: `${renderIpv4(route.network)}/${route.length}`,
    'ucast-nhops': counter(ctx, route.paths.length),
    'mcast-nhops': counter(ctx, 0),
    attached: String(route.attached),
    ...table(
      'path',
      route.paths.map((p) => pathRow(ctx, p)),
    ),
  }));
  return {
    'vrf-name-out': vrf.name,
    ...table('addrf', [{ addrf: 'ipv4', ...table('prefix', prefixes) }]),
  };
}

function routeBody(ctx: RenderContext, vrfs: readonly NxosVrf[]): JsonObject {
  return table(
    'vrf',
    vrfs.map((vrf) => vrfRow(ctx, vrf)),
  );
}

/** `show ip route`: VRF default. */
export const ipRouteBody = (ctx: RenderContext): JsonObject => routeBody(ctx, [nxosVrfs(ctx)[0]!]);

/** `show ip route vrf management`. */
export const ipRouteVrfManagementBody = (ctx: RenderContext): JsonObject =>
  routeBody(ctx, [nxosVrfs(ctx)[1]!]);

/** `show ip route vrf all`. */
export const ipRouteVrfAllBody = (ctx: RenderContext): JsonObject => routeBody(ctx, nxosVrfs(ctx));
