/**
 * `show ip interface brief [vrf all]` and `show ip route [vrf management|all]`: routed ports live
 * in VRF default, mgmt0 in VRF management. Connected routes exist while their link is up; the
 * default route points at the first routed peer that answers, the management VRF's at the gateway.
 */
import { parseIpv4, renderIpv4 } from '../../../topology/ip.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosInterfaceFacts } from './interface-facts.js';
import { nxosShortName } from './names.js';
import { renderRouteAge } from './time.js';

/** A VRF and its addressed ports. */
export interface NxosVrf {
  name: string;
  id: number;
  interfaces: InterfaceState[];
}

/** VRF default (routed ports), then VRF management (mgmt0). */
export function nxosVrfs(ctx: RenderContext): NxosVrf[] {
  const addressed = ctx.state.interfaces.filter((i) => i.address);
  return [
    { name: 'default', id: 1, interfaces: addressed.filter((i) => !i.mgmt) },
    { name: 'management', id: 2, interfaces: addressed.filter((i) => i.mgmt) },
  ];
}

/** One row of `show ip interface brief`. */
export interface NxosIpBriefRow {
  vrf: string;
  name: string;
  ip: string;
  protocolUp: boolean;
  linkUp: boolean;
  adminUp: boolean;
}

/** The addressed ports of `vrf`, as `show ip interface brief` lists them. */
export function nxosIpBriefRows(ctx: RenderContext, vrf: NxosVrf): NxosIpBriefRow[] {
  return vrf.interfaces.map((iface) => {
    const f = nxosInterfaceFacts(ctx, iface);
    return {
      vrf: vrf.name,
      name: iface.name,
      ip: iface.address!.ip,
      protocolUp: f.up,
      linkUp: f.up,
      adminUp: f.adminUp,
    };
  });
}

function briefLine(row: NxosIpBriefRow): string {
  const updown = (up: boolean) => (up ? 'up' : 'down');
  const status = `protocol-${updown(row.protocolUp)}/link-${updown(row.linkUp)}/admin-${updown(row.adminUp)}`;
  return left(nxosShortName(row.name), 21) + left(row.ip, 16) + status;
}

function briefSection(ctx: RenderContext, vrf: NxosVrf): string[] {
  return [
    `IP Interface Status for VRF "${vrf.name}"(${vrf.id})`,
    'Interface            IP Address      Interface Status',
    ...nxosIpBriefRows(ctx, vrf).map(briefLine),
  ];
}

/** Renders `show ip interface brief`: VRF default only. */
export const renderShowIpInterfaceBrief = (ctx: RenderContext): string =>
  briefSection(ctx, nxosVrfs(ctx)[0]!).join('\n');

/** Renders `show ip interface brief vrf all`: every VRF, a blank line between them. */
export const renderShowIpInterfaceBriefVrfAll = (ctx: RenderContext): string =>
  nxosVrfs(ctx)
    .map((vrf) => briefSection(ctx, vrf).join('\n'))
    .join('\n\n');

/** One next hop of a route: `*via 10.0.0.97, Eth1/1, [0/0], 4d22h, direct`. */
export interface NxosRoutePath {
  nextHop: string;
  /** Full port name; static routes have none. */
  interface?: string;
  preference: number;
  metric: number;
  /** Seconds since the route was installed. */
  ageSeconds: number;
  /** `direct`, `local`, `static`. */
  client: string;
}

/** One prefix of the routing table and its paths. */
export interface NxosRoute {
  network: number;
  length: number;
  attached: boolean;
  paths: NxosRoutePath[];
}

/** The routes an up, addressed port contributes: its subnet (direct) and its own /32 (local). */
function connectedRoutes(ctx: RenderContext, iface: InterfaceState): NxosRoute[] {
  const f = nxosInterfaceFacts(ctx, iface);
  if (!f.up || !iface.address) return [];
  const ip = parseIpv4(iface.address.ip)!;
  const length = iface.address.prefix;
  const network = length === 0 ? 0 : (ip & ~(2 ** (32 - length) - 1)) >>> 0;
  const path = (client: string): NxosRoutePath => ({
    nextHop: iface.address!.ip,
    interface: iface.name,
    preference: 0,
    metric: 0,
    ageSeconds: f.upSeconds,
    client,
  });
  return [
    { network, length, attached: true, paths: [path('direct')] },
    { network: ip, length: 32, attached: true, paths: [path('local')] },
  ];
}

/** The gateway of the management network: its last usable address. */
export function mgmtGateway(ctx: RenderContext): string | undefined {
  const mgmt = ctx.state.interfaces.find((i) => i.mgmt)?.address;
  if (!mgmt) return undefined;
  const ip = parseIpv4(mgmt.ip)!;
  const size = 2 ** (32 - mgmt.prefix);
  const network = (ip & ~(size - 1)) >>> 0;
  return renderIpv4(network + size - 2);
}

const staticDefault = (nextHop: string, ageSeconds: number): NxosRoute => ({
  network: 0,
  length: 0,
  attached: false,
  paths: [{ nextHop, preference: 1, metric: 0, ageSeconds, client: 'static' }],
});

function defaultRoute(ctx: RenderContext, vrf: NxosVrf): NxosRoute[] {
  if (vrf.name === 'management') {
    const gateway = mgmtGateway(ctx);
    return gateway ? [staticDefault(gateway, ctx.uptimeSeconds)] : [];
  }
  const peer = ctx.state.arp.find(
    (e) =>
      e.ageMinutes !== undefined &&
      vrf.interfaces.some((i) => i.name === e.interface && nxosInterfaceFacts(ctx, i).up),
  );
  if (!peer) return [];
  const iface = vrf.interfaces.find((i) => i.name === peer.interface)!;
  return [staticDefault(peer.address, nxosInterfaceFacts(ctx, iface).upSeconds)];
}

/** The routing table of `vrf`, in prefix order: the text table and the structured body print it. */
export function nxosRoutes(ctx: RenderContext, vrf: NxosVrf): NxosRoute[] {
  const routes = [...defaultRoute(ctx, vrf), ...vrf.interfaces.flatMap((i) => connectedRoutes(ctx, i))];
  return routes.sort((a, b) => a.network - b.network || a.length - b.length);
}

function routeLines(route: NxosRoute): string[] {
  const head = `${renderIpv4(route.network)}/${route.length}, ubest/mbest: ${route.paths.length}/0${route.attached ? ', attached' : ''}`;
  const via = (p: NxosRoutePath) =>
    [
      `    *via ${p.nextHop}`,
      ...(p.interface ? [nxosShortName(p.interface)] : []),
      `[${p.preference}/${p.metric}]`,
      renderRouteAge(p.ageSeconds),
      p.client,
    ].join(', ');
  return [head, ...route.paths.map(via)];
}

function routeTable(ctx: RenderContext, vrf: NxosVrf): string[] {
  return [
    `IP Route Table for VRF "${vrf.name}"`,
    "'*' denotes best ucast next-hop",
    "'**' denotes best mcast next-hop",
    "'[x/y]' denotes [preference/metric]",
    "'%<string>' in via output denotes VRF <string>",
    '',
    ...nxosRoutes(ctx, vrf).flatMap(routeLines),
  ];
}

/** Renders `show ip route` (VRF default). */
export const renderShowIpRoute = (ctx: RenderContext): string =>
  [...routeTable(ctx, nxosVrfs(ctx)[0]!), ''].join('\n');

/** Renders `show ip route vrf management`. */
export const renderShowIpRouteVrfManagement = (ctx: RenderContext): string =>
  [...routeTable(ctx, nxosVrfs(ctx)[1]!), ''].join('\n');

/** Renders `show ip route vrf all`: each VRF's table in turn. */
export const renderShowIpRouteVrfAll = (ctx: RenderContext): string =>
  [...nxosVrfs(ctx).flatMap((vrf) => [...routeTable(ctx, vrf), ''])].join('\n');
