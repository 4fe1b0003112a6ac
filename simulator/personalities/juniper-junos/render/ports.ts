/** What Junos says about one port: description, admin and link state, indexes, last flap. */
import { portInfo } from '../../../state/identity.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { junosIfIndex } from './chassis.js';

/** The configured description, else one naming the documented peer (`to r2-tor1 Gi1/0/14`). */
export function junosDescription(ctx: RenderContext, iface: InterfaceState): string | undefined {
  const configured = ctx.config.interfaces.get(iface.name)?.description;
  if (configured !== undefined) return configured;
  const peer = iface.documentedPeer;
  return peer && `to ${peer.node} ${peer.interface}`;
}

/** `disable` in configuration mode (nothing is disabled at boot). */
export function isDisabled(ctx: RenderContext, iface: InterfaceState): boolean {
  return ctx.config.interfaces.get(iface.name)?.shutdown === true;
}

/** Admin and link state as `show interfaces terse` words them. */
export function portState(
  ctx: RenderContext,
  iface: InterfaceState,
): { admin: 'up' | 'down'; link: 'up' | 'down' } {
  const disabled = isDisabled(ctx, iface);
  return { admin: disabled ? 'down' : 'up', link: !disabled && iface.connected ? 'up' : 'down' };
}

/** Position of the port on its model (the management port is 0). */
export function portIndex(ctx: RenderContext, iface: InterfaceState): number {
  return portInfo(ctx.state, iface.name).index;
}

/** The SNMP ifIndex of a port (LLDP sends it as the Port ID), and of its unit 0. */
export function junosSnmpIndexes(
  ctx: RenderContext,
  iface: InterfaceState,
): { physical: number; logical: number } {
  const index = portIndex(ctx, iface);
  return { physical: junosIfIndex(index), logical: junosIfIndex(index) + 100 };
}

/** A stable small number per port and purpose (rates, flap offsets): no randomness at render time. */
export function portHash(iface: InterfaceState, salt: number): number {
  let h = (iface.mac ^ (salt * 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * When the port last changed state, ms since the epoch; undefined when it never came up (no cable,
 * none documented). A cabled port came up two to three minutes after boot; a documented port with
 * no cable went down later, at a seeded moment (it was unplugged: `show log messages` says so).
 */
export function lastFlap(ctx: RenderContext, iface: InterfaceState): number | undefined {
  const booted = ctx.now - ctx.uptimeSeconds * 1000;
  if (iface.connected) return booted + (120 + (portHash(iface, 1) % 60)) * 1000;
  if (!iface.documentedPeer) return undefined;
  const span = Math.max(1, ctx.uptimeSeconds - 600);
  return booted + (600 + (portHash(iface, 2) % span)) * 1000;
}

/** `1000mbps`, `10Gbps`, `100Gbps`: Junos's speed words. */
export function junosSpeed(mbps: number): string {
  return mbps >= 10_000 ? `${mbps / 1000}Gbps` : `${mbps}mbps`;
}
