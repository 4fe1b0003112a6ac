/**
 * `show log messages`: the syslog file since boot. It holds the boot commit and each port's link
 * traps at the moments render/ports.ts gives: a cabled port came up after boot; a documented port
 * with no cable came up too and went down later, when it was unplugged; then the links that went
 * down or up while the fleet ran. After a reboot at runtime the file starts there.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { beforeLinkEvents, loggedLinkEvents } from '../../link-events.js';
import { isDisabled, junosSnmpIndexes, lastFlap, portHash } from './ports.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Jan  5 09:30:00`: the BSD syslog stamp (no year, day padded with a space). */
export function renderSyslogStamp(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${clock}`;
}

/** A daemon's process id, stable per device. */
function pid(ctx: RenderContext, salt: number): number {
  let h = salt * 0x9e3779b1;
  for (const c of ctx.state.name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return 1200 + (h % 2800);
}

export function renderShowLogMessages(runtime: RenderContext): string {
  const ctx = beforeLinkEvents(runtime);
  const booted = ctx.now - ctx.uptimeSeconds * 1000;
  const host = ctx.config.hostname;
  const mib2d = pid(ctx, 1);
  const events: { at: number; text: string }[] = [
    {
      at: booted + 60_000,
      text: `mgd[${pid(ctx, 2)}]: UI_COMMIT: User 'root' requested 'commit' operation (comment: none)`,
    },
  ];
  const trap = (up: boolean, index: number, name: string) =>
    `mib2d[${mib2d}]: SNMP_TRAP_LINK_${up ? 'UP' : 'DOWN'}: ifIndex ${index}, ifAdminStatus up(1), ` +
    `ifOperStatus ${up ? 'up(1)' : 'down(2)'}, ifName ${name}`;
  for (const iface of ctx.state.interfaces) {
    const flap = lastFlap(ctx, iface);
    if (iface.mgmt || flap === undefined || isDisabled(ctx, iface)) continue;
    const index = junosSnmpIndexes(ctx, iface).physical;
    if (!iface.connected) {
      const cameUp = booted + (120 + (portHash(iface, 1) % 60)) * 1000;
      events.push({ at: cameUp, text: trap(true, index, iface.name) });
    }
    events.push({ at: flap, text: trap(iface.connected, index, iface.name) });
  }
  // A reboot at runtime: syslogd starts the file again as the box comes back.
  if (ctx.rebootedAt !== undefined) events.push({ at: ctx.rebootedAt, text: 'syslogd: restart' });
  const changes = loggedLinkEvents(runtime).flatMap(({ at, interface: name, state }) => {
    const iface = ctx.state.interfaces.find((i) => i.name === name);
    return iface ? [{ at, text: trap(state === 'up', junosSnmpIndexes(ctx, iface).physical, name) }] : [];
  });
  return [...events.filter((e) => e.at <= ctx.now).sort((a, b) => a.at - b.at), ...changes]
    .map((e) => `${renderSyslogStamp(e.at)}  ${host} ${e.text}`)
    .join('\n');
}
