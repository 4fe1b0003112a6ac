/**
 * `show system users`: BSD `w` on the Routing Engine. The uptime line, then one row for the CLI
 * session (the renderer does not see the session, so it is the fleet's default user, logged in now
 * over SSH from the loopback the fleet serves on).
 */
import type { RenderContext } from '../../../device/render-context.js';
import { perMember } from './chassis.js';
import { bsdUptime } from './uptime.js';

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Junos's `w` prints a 32-wide FROM column. */
const HOST_WIDTH = 32;

/** ` 9:30AM`: `w`'s login time for a session that started today. */
function loginClock(ms: number): string {
  const d = new Date(ms);
  const hour12 = d.getUTCHours() % 12 || 12;
  return `${String(hour12).padStart(2)}:${pad2(d.getUTCMinutes())}${d.getUTCHours() < 12 ? 'AM' : 'PM'}`;
}

function row(user: string, tty: string, from: string, rest: string): string {
  return `${user.padEnd(8)} ${tty.padEnd(8)} ${from.padEnd(HOST_WIDTH)}${rest}`;
}

export function renderShowSystemUsers(ctx: RenderContext): string {
  return perMember(ctx, [
    bsdUptime(ctx),
    row('USER', 'TTY', 'FROM', '  LOGIN@  IDLE WHAT'),
    row('admin', 'pts/0', '127.0.0.1', ` ${loginClock(ctx.now)}${'-'.padStart(6)} -cli (cli)`),
  ]).join('\n');
}
