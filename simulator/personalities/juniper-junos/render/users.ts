/**
 * `show system users`: BSD `w` on the Routing Engine. The uptime line, then one row for the CLI
 * session (the renderer does not see the session, so it is the fleet's default user, logged in now
 * over SSH from the loopback the fleet serves on).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { perMember } from './chassis.js';
import { bsdUptime, renderBsdClock } from './uptime.js';

/** Junos's `w` prints a 32-wide FROM column. */
const HOST_WIDTH = 32;

/** One login session as `w` lists it. */
export interface JunosUserSession {
  user: string;
  tty: string;
  from: string;
  /** Login time, ms since the epoch. */
  loginAt: number;
  /** `-`: idle under a minute. */
  idle: string;
  what: string;
}

/** The CLI session (the fleet's default user, logged in now over SSH from the loopback). */
export function junosUserSessions(ctx: RenderContext): JunosUserSession[] {
  return [
    { user: 'admin', tty: 'pts/0', from: '127.0.0.1', loginAt: ctx.now, idle: '-', what: '-cli (cli)' },
  ];
}

function row(user: string, tty: string, from: string, rest: string): string {
  return `${user.padEnd(8)} ${tty.padEnd(8)} ${from.padEnd(HOST_WIDTH)}${rest}`;
}

export function renderShowSystemUsers(ctx: RenderContext): string {
  return perMember(ctx, [
    bsdUptime(ctx),
    row('USER', 'TTY', 'FROM', '  LOGIN@  IDLE WHAT'),
    ...junosUserSessions(ctx).map((s) =>
      row(s.user, s.tty, s.from, ` ${renderBsdClock(s.loginAt)}${s.idle.padStart(6)} ${s.what}`),
    ),
  ]).join('\n');
}
