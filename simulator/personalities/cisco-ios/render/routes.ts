/** `show ip route`: connected and local routes of the up, addressed ports, and a static default. */
import { parseIpv4, renderIpv4 } from '../../../topology/ip.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { lineState, listedInterfaces } from './ports.js';

/** The VRRP MAC the management gateway answers ARP with (state/arp.ts). */
const GATEWAY_MAC = 0x00005e000101;

const LEGEND_16 = [
  'Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2',
  '       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2',
  '       ia - IS-IS inter area, * - candidate default, U - per-user static route',
  '       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP',
  '       a - application route',
  '       + - replicated route, % - next hop override, p - overrides from PfR',
];

/** 17.x adds OMP, NAT and NHRP registration codes. */
const LEGEND_17 = [
  'Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2, m - OMP',
  '       n - NAT, Ni - NAT inside, No - NAT outside, Nd - NAT DIA',
  '       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2',
  '       ia - IS-IS inter area, * - candidate default, U - per-user static route',
  '       H - NHRP, G - NHRP registered, g - NHRP registration summary',
  '       o - ODR, P - periodic downloaded static route, l - LISP',
  '       a - application route',
  '       + - replicated route, % - next hop override, p - overrides from PfR',
];

/** Ports whose routes are in the global table: the management port may live in its own VRF. */
function globalPorts(ctx: RenderContext): InterfaceState[] {
  const vrf = iosHardware(ctx).mgmtVrf;
  return listedInterfaces(ctx).filter((i) => i.address && !(i.mgmt && vrf));
}

/** The management network's gateway, as ARP learnt it on the management port. */
export function mgmtGateway(ctx: RenderContext): string | undefined {
  const mgmt = ctx.state.interfaces.find((i) => i.mgmt)?.name;
  return ctx.state.arp.find((e) => e.interface === mgmt && e.mac === GATEWAY_MAC)?.address;
}

/**
 * The configured static defaults, global first (running-config order): through the management
 * gateway where the management port is in the global table (CSR); else towards the far end of the
 * first addressed point-to-point link, plus one in the management VRF through its gateway.
 */
export function defaultRoute(ctx: RenderContext): { vrf?: string; nextHop: string }[] {
  const vrf = iosHardware(ctx).mgmtVrf;
  const gateway = mgmtGateway(ctx);
  if (!vrf) return gateway ? [{ nextHop: gateway }] : [];
  const routes: { vrf?: string; nextHop: string }[] = [];
  const uplink = listedInterfaces(ctx).find((i) => !i.mgmt && i.address?.prefix === 31);
  if (uplink?.address) {
    const own = parseIpv4(uplink.address.ip)!;
    routes.push({ nextHop: renderIpv4(own % 2 === 0 ? own + 1 : own - 1) });
  }
  if (gateway) routes.push({ vrf, nextHop: gateway });
  return routes;
}

interface Route {
  code: 'C' | 'L';
  network: number;
  prefix: number;
  via: string;
}

const classfulPrefix = (address: number) => (address >>> 24 < 128 ? 8 : address >>> 24 < 192 ? 16 : 24);
const maskOf = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

function connectedRoutes(ctx: RenderContext): Route[] {
  return globalPorts(ctx)
    .filter((i) => lineState(ctx, i).protocol === 'up')
    .flatMap((i) => {
      const ip = parseIpv4(i.address!.ip)!;
      const prefix = i.address!.prefix;
      return [
        { code: 'C' as const, network: (ip & maskOf(prefix)) >>> 0, prefix, via: i.name },
        { code: 'L' as const, network: ip, prefix: 32, via: i.name },
      ];
    })
    .sort((a, b) => a.network - b.network || a.prefix - b.prefix);
}

/** One classful network's header and its routes, as IOS groups them. */
function majorNetworkLines(major: number, majorPrefix: number, routes: readonly Route[]): string[] {
  const masks = new Set(routes.map((r) => r.prefix));
  const subnets = `${routes.length} subnet${routes.length === 1 ? '' : 's'}`;
  const header =
    masks.size === 1
      ? `      ${renderIpv4(major)}/${[...masks][0]} is subnetted, ${subnets}`
      : `      ${renderIpv4(major)}/${majorPrefix} is variably subnetted, ${subnets}, ${masks.size} masks`;
  return [
    header,
    ...routes.map(
      (r) => `${r.code.padEnd(9)}${renderIpv4(r.network)}/${r.prefix} is directly connected, ${r.via}`,
    ),
  ];
}

/** Renders `show ip route` (the global table). */
export function renderShowIpRoute(ctx: RenderContext): string {
  const legend = ctx.state.version.startsWith('16.') ? LEGEND_16 : LEGEND_17;
  const fallback = defaultRoute(ctx).find((r) => r.vrf === undefined);
  const routes = connectedRoutes(ctx);
  const majors = new Map<number, Route[]>();
  for (const route of routes) {
    const prefix = classfulPrefix(route.network);
    const major = (route.network & maskOf(prefix)) >>> 0;
    majors.set(major, [...(majors.get(major) ?? []), route]);
  }
  return [
    ...legend,
    '',
    fallback
      ? `Gateway of last resort is ${fallback.nextHop} to network 0.0.0.0`
      : 'Gateway of last resort is not set',
    '',
    ...(fallback ? [`S*    0.0.0.0/0 [1/0] via ${fallback.nextHop}`] : []),
    ...[...majors].flatMap(([major, list]) => majorNetworkLines(major, classfulPrefix(major), list)),
  ].join('\n');
}
