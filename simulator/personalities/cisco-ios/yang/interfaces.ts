/**
 * Interfaces: `ietf-interfaces:interfaces` (the configuration view, RFC 8343/8344 shapes) and
 * `Cisco-IOS-XE-interfaces-oper:interfaces` (operational state, leaf names from the YANG model),
 * from the ports, addresses and line states `show ip interface brief` prints.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import { renderMacColons } from '../../../state/mac.js';
import { renderMask } from '../../../topology/ip.js';
import { iosHardware } from '../render/hardware.js';
import { isShutdown, lineState, listedInterfaces, portDescription, vlan1State } from '../render/ports.js';
import { deviceSeconds, renderDateAndTime } from './system.js';
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
    ...leaves({ description: portDescription(ctx, iface) || undefined }),
    leaf('type', identity('iana-if-type', 'ethernetCsmacd')),
    leaf('enabled', !isShutdown(ctx, iface)),
    ipv4(iface),
    container('ipv6', [], 'ietf-ip'),
  ]);
  const vlan1 = [
    leaf('name', 'Vlan1'),
    ...leaves({ description: ctx.config.interfaces.get('Vlan1')?.description || undefined }),
    leaf('type', identity('iana-if-type', 'l3ipvlan')),
    leaf('enabled', vlan1State(ctx).status !== 'administratively down'),
    container('ipv4', [], 'ietf-ip'),
    container('ipv6', [], 'ietf-ip'),
  ];
  const all = iosHardware(ctx).catalyst ? [vlan1, ...ports] : ports;
  return container('interfaces', [list('interface', ['name'], all)], 'ietf-interfaces');
}

/**
 * `ietf-interfaces:interfaces-state` (RFC 7223, the 2014-05-08 revision IOS-XE serves): the
 * operational view of the same interfaces — admin and oper status, ifIndex in listing order, MAC,
 * speed in bit/s, and the statistics' discontinuity time (the boot).
 */
export function ietfInterfacesState(ctx: RenderContext): YangNode {
  const booted = renderDateAndTime(deviceSeconds(ctx) - ctx.uptimeSeconds);
  const statistics = container('statistics', [leaf('discontinuity-time', booted)]);
  const ports = listedInterfaces(ctx).map((iface, i) => {
    const { status, protocol } = lineState(ctx, iface);
    return [
      leaf('name', iface.name),
      leaf('type', identity('iana-if-type', 'ethernetCsmacd')),
      leaf('admin-status', status === 'administratively down' ? 'down' : 'up'),
      leaf('oper-status', protocol),
      leaf('if-index', i + 1),
      leaf('phys-address', renderMacColons(iface.mac)),
      leaf('speed', String(iface.speed * 1_000_000)),
      statistics,
    ];
  });
  const svi = vlan1State(ctx);
  const vlan1 = [
    leaf('name', 'Vlan1'),
    leaf('type', identity('iana-if-type', 'l3ipvlan')),
    leaf('admin-status', svi.status === 'administratively down' ? 'down' : 'up'),
    leaf('oper-status', svi.protocol),
    leaf('if-index', ports.length + 1),
    statistics,
  ];
  const all = iosHardware(ctx).catalyst ? [...ports, vlan1] : ports;
  return container('interfaces-state', [list('interface', ['name'], all)], 'ietf-interfaces');
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
