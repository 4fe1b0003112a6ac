/**
 * Interfaces: `ietf-interfaces:interfaces` (the configuration view, RFC 8343/8344 shapes) and
 * `Cisco-IOS-XE-interfaces-oper:interfaces` (operational state, leaf names from the YANG model),
 * from the ports, addresses and line states `show ip interface brief` prints.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import { renderMacColons } from '../../../state/mac.js';
import { renderMask } from '../../../topology/ip.js';
import { iosHardware } from '../render/hardware.js';
import { isShutdown, lineState, listedInterfaces, portDescription } from '../render/ports.js';
import type { RenderContext } from '../../../device/render-context.js';
import { container, identity, leaf, leaves, list, type YangNode } from './tree.js';

function ipv4(iface: InterfaceState): YangNode {
  const addresses = iface.address
    ? [[leaf('ip', iface.address.ip), leaf('netmask', renderMask(iface.address.prefix))]]
    : [];
  return container('ipv4', [list('address', ['ip'], addresses)], 'ietf-ip');
}

/** `ietf-interfaces:interfaces`: Catalyst switches list their (shut) Vlan1 too, as the CLI does. */
export function ietfInterfaces(ctx: RenderContext): YangNode {
  const ports = listedInterfaces(ctx).map((iface) => [
    leaf('name', iface.name),
    ...leaves({ description: portDescription(ctx, iface) }),
    leaf('type', identity('iana-if-type', 'ethernetCsmacd')),
    leaf('enabled', !isShutdown(ctx, iface)),
    ipv4(iface),
    container('ipv6', [], 'ietf-ip'),
  ]);
  const vlan1 = [
    leaf('name', 'Vlan1'),
    leaf('type', identity('iana-if-type', 'l3ipvlan')),
    leaf('enabled', false),
    container('ipv4', [], 'ietf-ip'),
    container('ipv6', [], 'ietf-ip'),
  ];
  const all = iosHardware(ctx).catalyst ? [vlan1, ...ports] : ports;
  return container('interfaces', [list('interface', ['name'], all)], 'ietf-interfaces');
}

/** `Cisco-IOS-XE-interfaces-oper:interfaces`: admin and operational state per port. */
export function operInterfaces(ctx: RenderContext): YangNode {
  const ports = listedInterfaces(ctx).map((iface) => {
    const { status, protocol } = lineState(ctx, iface);
    return leaves({
      name: iface.name,
      'interface-type': 'iana-iftype-ethernet-csmacd',
      'admin-status': status === 'administratively down' ? 'if-state-down' : 'if-state-up',
      'oper-status': protocol === 'up' ? 'if-oper-state-ready' : 'if-oper-state-no-pass',
      description: portDescription(ctx, iface) ?? '',
      'phys-address': renderMacColons(iface.mac),
      speed: String(iface.speed * 1_000_000),
      mtu: 1500,
      ipv4: iface.address?.ip ?? '0.0.0.0',
      'ipv4-subnet-mask': iface.address ? renderMask(iface.address.prefix) : '0.0.0.0',
    });
  });
  return container('interfaces', [list('interface', ['name'], ports)], 'Cisco-IOS-XE-interfaces-oper');
}
