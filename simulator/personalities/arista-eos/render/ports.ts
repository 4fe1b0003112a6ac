/** This device's ports as EOS names and reports them. */
import type { InterfaceState } from '../../../state/device-state.js';
import { getKind } from '../../../topology/kinds/index.js';
import { parseInterfaceName, shortInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';

const EOS_TYPES = getKind('arista_eos').interfaceTypes;

/** `Ethernet49/1` → `Et49/1`, `Management1` → `Ma1`. */
export const eosShortName = (name: string): string => shortInterfaceName(name, EOS_TYPES);

/**
 * Front-panel ports first, in order, then the management port, then the port-channels: EOS sorts
 * by type name (Ethernet, Management, Port-Channel).
 */
export function listedInterfaces(ctx: RenderContext): InterfaceState[] {
  const all = ctx.state.interfaces;
  const front = all.filter((i) => !i.mgmt && i.aggregate === undefined);
  return [...front, ...all.filter((i) => i.mgmt), ...all.filter((i) => i.aggregate !== undefined)];
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

/** A port with an address is routed (`no switchport`); the rest are access ports in VLAN 1. */
export function isRouted(iface: InterfaceState): boolean {
  return iface.mgmt || iface.address !== undefined;
}

/** The port a typed name means (`et3`, `Ethernet 3`, `Ma1`), if the box has it. */
export function findEosInterface(ctx: RenderContext, typed: string): InterfaceState | undefined {
  const name = parseInterfaceName(typed.replace(/\s+/g, ''), EOS_TYPES);
  return name && ctx.state.interfaces.find((i) => i.name === name.full);
}
