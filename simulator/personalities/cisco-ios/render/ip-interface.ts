/** `show ip interface` and `show ipv6 interface`: the same interfaces, in the same order, as `show interfaces`. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { lineState, listedInterfaces, vlan1State } from './ports.js';

function addressedLines(
  address: { ip: string; prefix: number },
  vrf: string | undefined,
  up: boolean,
): string[] {
  return [
    `  Internet address is ${address.ip}/${address.prefix}`,
    '  Broadcast address is 255.255.255.255',
    '  Address determined by non-volatile memory',
    '  MTU is 1500 bytes',
    '  Helper address is not set',
    '  Directed broadcast forwarding is disabled',
    '  Outgoing Common access list is not set',
    '  Outgoing access list is not set',
    '  Inbound Common access list is not set',
    '  Inbound  access list is not set',
    '  Proxy ARP is enabled',
    '  Local Proxy ARP is disabled',
    '  Security level is default',
    '  Split horizon is enabled',
    '  ICMP redirects are always sent',
    '  ICMP unreachables are always sent',
    '  ICMP mask replies are never sent',
    '  IP fast switching is enabled',
    '  IP Flow switching is disabled',
    '  IP CEF switching is enabled',
    '  IP CEF switching turbo vector',
    '  IP Null turbo vector',
    ...(vrf ? [`  VPN Routing/Forwarding "${vrf}"`] : []),
    '  Associated unicast routing topologies:',
    `        Topology "base", operation state is ${up ? 'UP' : 'DOWN'}`,
    '  IP multicast fast switching is enabled',
    '  IP multicast distributed fast switching is disabled',
    '  IP route-cache flags are Fast, CEF',
    '  Router Discovery is disabled',
    '  IP output packet accounting is disabled',
    '  IP access violation accounting is disabled',
    '  TCP/IP header compression is disabled',
    '  RTP/IP header compression is disabled',
    '  Probe proxy name replies are disabled',
    '  Policy routing is disabled',
    '  Network address translation is disabled',
    '  BGP Policy Mapping is disabled',
    '  Input features: MCI Check',
    '  IPv4 WCCP Redirect outbound is disabled',
    '  IPv4 WCCP Redirect inbound is disabled',
    '  IPv4 WCCP Redirect exclude is disabled',
  ];
}

function ipInterfaceBlock(ctx: RenderContext, iface: InterfaceState): string[] {
  const { status, protocol } = lineState(ctx, iface);
  const vrf = iface.mgmt ? iosHardware(ctx).mgmtVrf : undefined;
  return [
    `${iface.name} is ${status}, line protocol is ${protocol}`,
    ...(iface.address
      ? addressedLines(iface.address, vrf, protocol === 'up')
      : ['  Internet protocol processing disabled']),
  ];
}

/** Renders bare `show ip interface`; unaddressed interfaces say IP processing is disabled. */
export function renderShowIpInterface(ctx: RenderContext): string {
  const svi = vlan1State(ctx);
  const vlan1 = iosHardware(ctx).catalyst
    ? [`Vlan1 is ${svi.status}, line protocol is ${svi.protocol}`, '  Internet protocol processing disabled']
    : [];
  return [...vlan1, ...listedInterfaces(ctx).flatMap((i) => ipInterfaceBlock(ctx, i))].join('\n');
}

/** Renders bare `show ipv6 interface`: nothing, as a box with no IPv6 address configured prints. */
export function renderShowIpv6Interface(): string {
  return '';
}
