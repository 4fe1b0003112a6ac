/**
 * `show ip route`: VRF default (labfleet puts the management port there too), a static default
 * towards the management gateway and one connected route per live routed port.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import { cidrSize, parseIpv4, renderIpv4 } from '../../../topology/ip.js';
import type { RenderContext } from '../../../device/render-context.js';
import { linkHistory } from './link-history.js';
import { listedInterfaces } from './ports.js';
import { left } from './text.js';

/** The route codes legend of EOS 4.28 and later. */
const CODES = [
  'Codes: C - connected, S - static, K - kernel,',
  '       O - OSPF, IA - OSPF inter area, E1 - OSPF external type 1,',
  '       E2 - OSPF external type 2, N1 - OSPF NSSA external type 1,',
  '       N2 - OSPF NSSA external type2, B - Other BGP Routes,',
  '       B I - iBGP, B E - eBGP, R - RIP, I L1 - IS-IS level 1,',
  '       I L2 - IS-IS level 2, O3 - OSPFv3, A B - BGP Aggregate,',
  '       A O - OSPF Summary, NG - Nexthop Group Static Route,',
  '       V - VXLAN Control Service, M - Martian,',
  '       DH - DHCP client installed default route,',
  '       DP - Dynamic Policy Route, L - VRF Leaked,',
  '       G  - gRIBI, RC - Route Cache Route',
];

export interface ConnectedRoute {
  network: number;
  prefix: number;
  iface: InterfaceState;
}

/** The subnet of each routed port whose link is up, in address order. */
export function connectedRoutes(ctx: RenderContext): ConnectedRoute[] {
  return listedInterfaces(ctx)
    .filter((i) => i.address !== undefined && linkHistory(ctx, i).status === 'connected')
    .map((iface) => {
      const { ip, prefix } = iface.address!;
      const size = 2 ** (32 - prefix);
      return { network: Math.floor(parseIpv4(ip)! / size) * size, prefix, iface };
    })
    .sort((a, b) => a.network - b.network || a.prefix - b.prefix);
}

/** The management gateway, the last usable address of the management subnet, and its port. */
export function managementGateway(
  ctx: RenderContext,
): { address: string; iface: InterfaceState } | undefined {
  const mgmt = connectedRoutes(ctx).find((r) => r.iface.mgmt);
  if (!mgmt) return undefined;
  return { address: renderIpv4(mgmt.network + cidrSize(mgmt) - 2), iface: mgmt.iface };
}

const route = (code: string, text: string) => ` ${left(code, 9)}${text}`;

/** Renders `show ip route`. */
export function renderShowIpRoute(ctx: RenderContext): string {
  const gateway = managementGateway(ctx);
  const lines = ['VRF: default', ...CODES, ''];
  if (gateway) {
    lines.push(
      'Gateway of last resort:',
      route('S', `0.0.0.0/0 [1/0] via ${gateway.address}, ${gateway.iface.name}`),
      '',
    );
  } else lines.push('Gateway of last resort is not set', '');
  for (const { network, prefix, iface } of connectedRoutes(ctx)) {
    lines.push(route('C', `${renderIpv4(network)}/${prefix} is directly connected, ${iface.name}`));
  }
  lines.push('');
  return lines.join('\n');
}
