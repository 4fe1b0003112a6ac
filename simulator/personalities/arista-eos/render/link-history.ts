/**
 * What each port has been through since boot, one story the interface, logging and JSON views all
 * tell: a cabled port came up a minute after boot; a port drift unplugged went down halfway
 * through the uptime; a port without a cable never came up. Counters grow with the time it was up.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isShutdown } from './ports.js';

/** Links come up a minute after boot (LLDP neighbours are learnt then too). */
export const LINK_UP_AFTER_BOOT = 60;

export type LinkStatus = 'connected' | 'notconnect' | 'disabled';

export interface LinkHistory {
  status: LinkStatus;
  /** Seconds since the last change (or since boot when there was none). */
  sinceChange: number;
  /** Up/down transitions since boot. */
  changes: number;
  /** Seconds the link was up in all. */
  secondsUp: number;
  /** When the link went down, seconds ago, for a port that was up and is no longer. */
  wentDownAgo?: number;
}

/** The documentation says a cable is there but none is: drift unplugged it while the box ran. */
export const wasUnplugged = (iface: InterfaceState): boolean =>
  !iface.mgmt && !iface.connected && iface.documentedPeer !== undefined;

export function linkHistory(ctx: RenderContext, iface: InterfaceState): LinkHistory {
  const uptime = ctx.uptimeSeconds;
  const upFor = Math.max(0, uptime - LINK_UP_AFTER_BOOT);
  const status: LinkStatus = isShutdown(ctx, iface)
    ? 'disabled'
    : iface.connected
      ? 'connected'
      : 'notconnect';
  if (iface.connected) return { status, sinceChange: upFor, changes: 1, secondsUp: upFor };
  if (wasUnplugged(iface)) {
    const wentDownAgo = Math.floor(upFor / 2);
    return { status, sinceChange: wentDownAgo, changes: 2, secondsUp: upFor - wentDownAgo, wentDownAgo };
  }
  return { status, sinceChange: uptime, changes: 0, secondsUp: 0 };
}

export interface PortCounters {
  inPackets: number;
  inOctets: number;
  inBroadcast: number;
  inMulticast: number;
  outPackets: number;
  outOctets: number;
  outBroadcast: number;
  outMulticast: number;
  /** Five-minute rates, bits per second. */
  inBitsRate: number;
  outBitsRate: number;
}

/** Counters from the time the link was up and the port's own MAC (so ports differ, reproducibly). */
export function portCounters(ctx: RenderContext, iface: InterfaceState): PortCounters {
  const { secondsUp, status } = linkHistory(ctx, iface);
  const salt = iface.mac % 997;
  const inMulticast = Math.floor(secondsUp / 30);
  const outMulticast = Math.floor(secondsUp / 30);
  const inBroadcast = Math.floor(secondsUp / 600);
  const outBroadcast = Math.floor(secondsUp / 1200);
  const inUnicast = Math.floor((secondsUp * (20 + (salt % 40))) / 100);
  const outUnicast = Math.floor((secondsUp * (15 + (salt % 35))) / 100);
  const inPackets = inUnicast + inMulticast + inBroadcast;
  const outPackets = outUnicast + outMulticast + outBroadcast;
  const live = status === 'connected';
  return {
    inPackets,
    inOctets: inPackets * (180 + (salt % 220)),
    inBroadcast,
    inMulticast,
    outPackets,
    outOctets: outPackets * (160 + (salt % 190)),
    outBroadcast,
    outMulticast,
    inBitsRate: live ? 200 + (salt % 700) : 0,
    outBitsRate: live ? 150 + ((salt * 7) % 650) : 0,
  };
}
