/** `show system uptime`: clock, boot time and the BSD uptime line, from the fleet's clock. */
import type { RenderContext } from '../../../device/render-context.js';
import { perMember } from './chassis.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2026-01-15 09:30:00 UTC`. */
function stamp(ms: number): string {
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

/** ` 9:30AM  up 292 days, 19:57, 1 user, load averages: 0.04, 0.04, 0.01`. */
export function bsdUptime(ctx: RenderContext): string {
  const d = new Date(ctx.now);
  const hour12 = d.getUTCHours() % 12 || 12;
  const clock = `${String(hour12).padStart(2)}:${pad2(d.getUTCMinutes())}${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  const up = Math.floor(ctx.uptimeSeconds);
  const days = Math.floor(up / 86_400);
  const hm = `${String(Math.floor((up % 86_400) / 3600)).padStart(2)}:${pad2(Math.floor((up % 3600) / 60))}`;
  const dayPart = days > 0 ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  return `${clock}  up ${dayPart}${hm}, 1 user, load averages: 0.04, 0.04, 0.01`;
}

export function renderShowSystemUptime(ctx: RenderContext): string {
  const booted = ctx.now - ctx.uptimeSeconds * 1000;
  const protocols = booted + 126_000;
  return perMember(ctx, [
    `Current time: ${stamp(ctx.now)}`,
    'Time Source:  LOCAL CLOCK ',
    `System booted: ${stamp(booted)} (${renderAgo(ctx.uptimeSeconds)} ago)`,
    `Protocols started: ${stamp(protocols)} (${renderAgo(ctx.uptimeSeconds - 126)} ago)`,
    `Last configured: ${stamp(booted + 60_000)} (${renderAgo(ctx.uptimeSeconds - 60)} ago) by root`,
    bsdUptime(ctx),
  ]).join('\n');
}
