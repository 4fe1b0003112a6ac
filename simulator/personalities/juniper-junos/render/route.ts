/**
 * `show route`: inet.0 as rpd holds it on a box with no routing protocol running: each addressed unit
 * whose link is up gives a Direct route for its subnet and a Local one for its address, and the
 * static default points at the management gateway.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { parseIpv4, renderIpv4 } from '../../../topology/ip.js';
import { junosUnit } from './arp.js';
import { lastFlap, portState } from './ports.js';

/** One route in inet.0. */
export interface JunosRoute {
  /** `10.0.0.240/31` */
  destination: string;
  protocol: 'Direct' | 'Local' | 'Static';
  preference: number;
  /** Seconds since the route was installed. */
  ageSeconds: number;
  /** `ge-0/0/0.0`, `fxp0.0`. */
  via: string;
  /** Next-hop address, for a static route. */
  to?: string;
}

/** Seconds after boot rpd started (`show system uptime` says the same). */
const PROTOCOLS_STARTED = 126;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `1w5d 20:30:29`, `6d 02:13:09`, `00:33:06`: a route's age, always to the second. */
export function renderRouteAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const weeks = Math.floor(s / 604_800);
  const days = Math.floor((s % 604_800) / 86_400);
  const clock = `${pad2(Math.floor((s % 86_400) / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
  if (weeks > 0) return `${weeks}w${days}d ${clock}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

function networkOf(ip: string, prefix: number): number {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (parseIpv4(ip)! & mask) >>> 0;
}

/** inet.0 in Junos order: by address, shorter prefix first. */
export function junosRoutes(ctx: RenderContext): JunosRoute[] {
  const booted = ctx.now - ctx.uptimeSeconds * 1000;
  const started = booted + PROTOCOLS_STARTED * 1000;
  const ageSince = (ms: number) => (ctx.now - Math.max(ms, started)) / 1000;
  const routes: (JunosRoute & { key: [number, number] })[] = [];
  for (const iface of ctx.state.interfaces) {
    if (!iface.address || portState(ctx, iface).link !== 'up') continue;
    const { ip, prefix } = iface.address;
    const via = junosUnit(iface.name);
    const ageSeconds = ageSince(iface.mgmt ? booted : (lastFlap(ctx, iface) ?? booted));
    const network = networkOf(ip, prefix);
    routes.push({
      destination: `${renderIpv4(network)}/${prefix}`,
      protocol: 'Direct',
      preference: 0,
      ageSeconds,
      via,
      key: [network, prefix],
    });
    if (prefix < 32) {
      routes.push({
        destination: `${ip}/32`,
        protocol: 'Local',
        preference: 0,
        ageSeconds,
        via,
        key: [parseIpv4(ip)!, 32],
      });
    }
    if (iface.mgmt) {
      const gateway = renderIpv4(network + 2 ** (32 - prefix) - 2);
      routes.push({
        destination: '0.0.0.0/0',
        protocol: 'Static',
        preference: 5,
        ageSeconds: ageSince(started),
        via,
        to: gateway,
        key: [0, 0],
      });
    }
  }
  routes.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  return routes.map(({ key: _key, ...route }) => route);
}

export function renderShowRoute(ctx: RenderContext): string {
  const routes = junosRoutes(ctx);
  const n = routes.length;
  const lines = [
    '',
    `inet.0: ${n} destinations, ${n} routes (${n} active, 0 holddown, 0 hidden)`,
    '+ = Active Route, - = Last Active, * = Both',
    '',
  ];
  for (const r of routes) {
    lines.push(
      `${r.destination.padEnd(18)} *[${r.protocol}/${r.preference}] ${renderRouteAge(r.ageSeconds)}`,
    );
    if (r.protocol === 'Local') lines.push(`${' '.repeat(22)}Local via ${r.via}`);
    else lines.push(`${' '.repeat(20)}> ${r.to ? `to ${r.to} ` : ''}via ${r.via}`);
  }
  return lines.join('\n');
}
