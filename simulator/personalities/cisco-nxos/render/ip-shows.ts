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

interface Vrf {
  name: string;
  id: number;
  interfaces: InterfaceState[];
}

function vrfsOf(ctx: RenderContext): Vrf[] {
  const addressed = ctx.state.interfaces.filter((i) => i.address);
  return [
    { name: 'default', id: 1, interfaces: addressed.filter((i) => !i.mgmt) },
    { name: 'management', id: 2, interfaces: addressed.filter((i) => i.mgmt) },
  ];
}

function briefRow(ctx: RenderContext, iface: InterfaceState): string {
  const f = nxosInterfaceFacts(ctx, iface);
  const updown = (up: boolean) => (up ? 'up' : 'down');
  const status = `protocol-${updown(f.up)}/link-${updown(f.up)}/admin-${updown(f.adminUp)}`;
  return left(nxosShortName(iface.name), 21) + left(iface.address!.ip, 16) + status;
}

function briefSection(ctx: RenderContext, vrf: Vrf): string[] {
  return [
    `IP Interface Status for VRF "${vrf.name}"(${vrf.id})`,
    'Interface            IP Address      Interface Status',
    ...vrf.interfaces.map((i) => briefRow(ctx, i)),
  ];
}

/** Renders `show ip interface brief`: VRF default only. */
export const renderShowIpInterfaceBrief = (ctx: RenderContext): string =>
  briefSection(ctx, vrfsOf(ctx)[0]!).join('\n');

/** Renders `show ip interface brief vrf all`: every VRF, a blank line between them. */
export const renderShowIpInterfaceBriefVrfAll = (ctx: RenderContext): string =>
  vrfsOf(ctx)
    .map((vrf) => briefSection(ctx, vrf).join('\n'))
    .join('\n\n');

interface Route {
  prefix: number;
  length: number;
  lines: string[];
}

const routeHead = (network: number, length: number, attached: boolean) =>
  `${renderIpv4(network)}/${length}, ubest/mbest: 1/0${attached ? ', attached' : ''}`;

/** The routes an up, addressed port contributes: its subnet (direct) and its own /32 (local). */
function connectedRoutes(ctx: RenderContext, iface: InterfaceState): Route[] {
  const f = nxosInterfaceFacts(ctx, iface);
  if (!f.up || !iface.address) return [];
  const ip = parseIpv4(iface.address.ip)!;
  const length = iface.address.prefix;
  const network = length === 0 ? 0 : (ip & ~(2 ** (32 - length) - 1)) >>> 0;
  const age = renderRouteAge(f.upSeconds);
  const port = nxosShortName(iface.name);
  const via = (kind: string) => `    *via ${iface.address!.ip}, ${port}, [0/0], ${age}, ${kind}`;
  return [
    { prefix: network, length, lines: [routeHead(network, length, true), via('direct')] },
    { prefix: ip, length: 32, lines: [routeHead(ip, 32, true), via('local')] },
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

function defaultRoute(ctx: RenderContext, vrf: Vrf): Route[] {
  if (vrf.name === 'management') {
    const gateway = mgmtGateway(ctx);
    if (!gateway) return [];
    const age = renderRouteAge(ctx.uptimeSeconds);
    return [
      { prefix: 0, length: 0, lines: [routeHead(0, 0, false), `    *via ${gateway}, [1/0], ${age}, static`] },
    ];
  }
  const peer = ctx.state.arp.find(
    (e) =>
      e.ageMinutes !== undefined &&
      vrf.interfaces.some((i) => i.name === e.interface && nxosInterfaceFacts(ctx, i).up),
  );
  if (!peer) return [];
  const iface = vrf.interfaces.find((i) => i.name === peer.interface)!;
  const age = renderRouteAge(nxosInterfaceFacts(ctx, iface).upSeconds);
  return [
    {
      prefix: 0,
      length: 0,
      lines: [routeHead(0, 0, false), `    *via ${peer.address}, [1/0], ${age}, static`],
    },
  ];
}

function routeTable(ctx: RenderContext, vrf: Vrf): string[] {
  const routes = [...defaultRoute(ctx, vrf), ...vrf.interfaces.flatMap((i) => connectedRoutes(ctx, i))];
  routes.sort((a, b) => a.prefix - b.prefix || a.length - b.length);
  return [
    `IP Route Table for VRF "${vrf.name}"`,
    "'*' denotes best ucast next-hop",
    "'**' denotes best mcast next-hop",
    "'[x/y]' denotes [preference/metric]",
    "'%<string>' in via output denotes VRF <string>",
    '',
    ...routes.flatMap((r) => r.lines),
  ];
}

/** Renders `show ip route` (VRF default). */
export const renderShowIpRoute = (ctx: RenderContext): string =>
  [...routeTable(ctx, vrfsOf(ctx)[0]!), ''].join('\n');

/** Renders `show ip route vrf management`. */
export const renderShowIpRouteVrfManagement = (ctx: RenderContext): string =>
  [...routeTable(ctx, vrfsOf(ctx)[1]!), ''].join('\n');

/** Renders `show ip route vrf all`: each VRF's table in turn. */
export const renderShowIpRouteVrfAll = (ctx: RenderContext): string =>
  [...vrfsOf(ctx).flatMap((vrf) => [...routeTable(ctx, vrf), ''])].join('\n');
