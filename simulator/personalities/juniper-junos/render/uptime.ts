/** `show system uptime`: clock, boot time and the BSD uptime line, from the fleet's clock. */
import type { RenderContext } from '../../../device/render-context.js';
import { perMember } from './chassis.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2026-01-15 09:30:00 UTC`. */
export function renderUtcStamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** `41w3d 19:57`, or `19:57:12` under a day: how long ago, as Junos words it. */
export function renderAgo(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const weeks = Math.floor(s / 604_800);
  const days = Math.floor((s % 604_800) / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (weeks === 0 && days === 0) return `${pad2(hours)}:${pad2(minutes)}:${pad2(s % 60)}`;
  return `${weeks > 0 ? `${weeks}w` : ''}${days}d ${pad2(hours)}:${pad2(minutes)}`;
}

/** ` 9:30AM`: a 12-hour clock as BSD `w` prints it. */
export function renderBsdClock(ms: number): string {
  const d = new Date(ms);
  const hour12 = d.getUTCHours() % 12 || 12;
  return `${String(hour12).padStart(2)}:${pad2(d.getUTCMinutes())}${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

/** What `show system uptime` reports: the moments (ms) and the `w` line's parts. */
export function junosUptimeFacts(ctx: RenderContext) {
  const booted = ctx.now - ctx.uptimeSeconds * 1000;
  const up = Math.floor(ctx.uptimeSeconds);
  const days = Math.floor(up / 86_400);
  const hm = `${String(Math.floor((up % 86_400) / 3600)).padStart(2)}:${pad2(Math.floor((up % 3600) / 60))}`;
  return {
    now: ctx.now,
    booted,
    // Just rebooted at runtime: nothing is dated after now.
    protocols: Math.min(ctx.now, booted + PROTOCOLS_AFTER * 1000),
    configured: Math.min(ctx.now, booted + CONFIGURED_AFTER * 1000),
    configuredBy: 'root',
    clock: renderBsdClock(ctx.now),
    upSeconds: up,
    /** `292 days, 19:57` */
    upTime: `${days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : ''}${hm}`,
    users: 1,
    loadAverages: ['0.04', '0.04', '0.01'] as const,
  };
}

const PROTOCOLS_AFTER = 126;
const CONFIGURED_AFTER = 60;

/** ` 9:30AM  up 292 days, 19:57, 1 user, load averages: 0.04, 0.04, 0.01`. */
export function bsdUptime(ctx: RenderContext): string {
  const f = junosUptimeFacts(ctx);
  const users = `${f.users} user${f.users === 1 ? '' : 's'}`;
  return `${f.clock}  up ${f.upTime}, ${users}, load averages: ${f.loadAverages.join(', ')}`;
}

/** `2026-01-15 09:30:00 UTC (2w1d 06:07 ago)`: a moment and how long ago it was. */
export function renderMomentAgo(ctx: RenderContext, ms: number): string {
  return `${renderUtcStamp(ms)} (${renderAgo((ctx.now - ms) / 1000)} ago)`;
}

export function renderShowSystemUptime(ctx: RenderContext): string {
  const f = junosUptimeFacts(ctx);
  return perMember(ctx, [
    `Current time: ${renderUtcStamp(f.now)}`,
    'Time Source:  LOCAL CLOCK ',
    `System booted: ${renderMomentAgo(ctx, f.booted)}`,
    `Protocols started: ${renderMomentAgo(ctx, f.protocols)}`,
    `Last configured: ${renderMomentAgo(ctx, f.configured)} by ${f.configuredBy}`,
    bsdUptime(ctx),
  ]).join('\n');
}
