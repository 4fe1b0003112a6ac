/** This device's ports as IOS sees them: names, order, descriptions and line state. */
import type { InterfaceState } from '../../../state/device-state.js';
import { getKind } from '../../../topology/kinds/index.js';
import { cdpInterfaceName, shortInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';

const IOS_TYPES = getKind('cisco_ios').interfaceTypes;

/** `GigabitEthernet1/0/1` → `Gi1/0/1`. */
export const iosShortName = (name: string): string => shortInterfaceName(name, IOS_TYPES);

/** `GigabitEthernet1/0/1` → `Gig 1/0/1`; other platforms' names abbreviated the IOS way (`Eth 1/1`). */
export const iosCdpName = (name: string): string => cdpInterfaceName(name, IOS_TYPES);

/** Physical ports in the order IOS lists them (routers put the management port last). */
export function listedInterfaces(ctx: RenderContext): InterfaceState[] {
  const all = ctx.state.interfaces;
  if (!iosHardware(ctx).mgmtLast) return all;
  return [...all.filter((i) => !i.mgmt), ...all.filter((i) => i.mgmt)];
}

/** The configured description, else one naming the documented peer. */
export function portDescription(ctx: RenderContext, iface: InterfaceState): string | undefined {
  const configured = ctx.config.interfaces.get(iface.name)?.description;
  if (configured !== undefined) return configured;
  const peer = iface.documentedPeer;
  return peer && `to ${peer.node} ${peer.interface}`;
}

/** Shut down in configuration mode (nothing is shut at boot). */
export function isShutdown(ctx: RenderContext, iface: InterfaceState): boolean {
  return ctx.config.interfaces.get(iface.name)?.shutdown === true;
}

/** `show ip interface brief` Status and Protocol. */
export function lineState(
  ctx: RenderContext,
  iface: InterfaceState,
): { status: 'up' | 'down' | 'administratively down'; protocol: 'up' | 'down' } {
  if (isShutdown(ctx, iface)) return { status: 'administratively down', protocol: 'down' };
  return iface.connected ? { status: 'up', protocol: 'up' } : { status: 'down', protocol: 'down' };
}

/**
 * Catalyst ports without an address are switchports; everything else is routed, including the
 * port-channels here (each takes a /31) and their members (`no switchport` to join a routed one).
 */
export function isRouted(ctx: RenderContext, iface: InterfaceState): boolean {
  return (
    iface.address !== undefined ||
    iface.memberOf !== undefined ||
    iface.aggregate !== undefined ||
    !iosHardware(ctx).catalyst
  );
}

/** Catalyst switches have an SVI for VLAN 1, shut unless `no shutdown` was entered under it (autostate). */
export function vlan1State(ctx: RenderContext): ReturnType<typeof lineState> {
  if (ctx.config.interfaces.get('Vlan1')?.shutdown !== false)
    return { status: 'administratively down', protocol: 'down' };
  const carrier = ctx.state.interfaces.some(
    (i) => !i.mgmt && i.connected && !isRouted(ctx, i) && !isShutdown(ctx, i),
  );
  return carrier ? { status: 'up', protocol: 'up' } : { status: 'down', protocol: 'down' };
}

/** What a Catalyst front-panel port adds after its line protocol: `(connected)`, `(notconnect)`, `(disabled)`. */
export function catalystPortState(ctx: RenderContext, iface: InterfaceState): string | undefined {
  if (!iosHardware(ctx).catalyst || iface.mgmt) return undefined;
  if (isShutdown(ctx, iface)) return 'disabled';
  return iface.connected ? 'connected' : 'notconnect';
}
