/**
 * `show users`: the SSH sessions on pseudo-terminals, the asking one marked `*` at the end of its
 * line. Columns as NX-OS prints them (NAME 9, LINE 13, TIME 12, IDLE, PID right-aligned to column
 * 52, then the comment: where the session comes from and how).
 */
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left, right } from '../../cisco-ios/render/text.js';
import { renderLoginStamp } from './time.js';

/** Who is asking, and how many SSH sessions the box has open (the render context knows neither). */
export interface NxosUsersView {
  user: string;
  sessions: number;
}

/** One logged-in session. */
export interface NxosUserLine {
  name: string;
  line: string;
  loginMs: number;
  /** `.`: active within the last minute. */
  idle: string;
  pid: number;
  comment: string;
  own: boolean;
}

/** The sessions, the asking one on pts/0; every client of the fleet connects from loopback. */
export function nxosUserLines(ctx: RenderContext, view: NxosUsersView): NxosUserLine[] {
  const rng = createRng(ctx.state.serial, ctx.state.name, 'vsh');
  return Array.from({ length: Math.max(1, view.sessions) }, (_, i) => ({
    name: view.user,
    line: `pts/${i}`,
    loginMs: ctx.now,
    idle: '.',
    pid: rng.int(4000, 32000),
    comment: '(127.0.0.1) session=ssh',
    own: i === 0,
  }));
}

const userLine = (u: NxosUserLine) =>
  `${left(u.name, 9)}${left(u.line, 13)}${renderLoginStamp(u.loginMs)}${right(u.idle, 4)}${right(u.pid, 14)} ${u.comment} ${u.own ? '*' : ''}`;

/** Renders `show users`; without a session (golden files) one admin on pts/0. */
export function renderShowUsers(
  ctx: RenderContext,
  view: NxosUsersView = { user: 'admin', sessions: 1 },
): string {
  return [
    'NAME     LINE         TIME         IDLE          PID COMMENT',
    ...nxosUserLines(ctx, view).map(userLine),
  ].join('\n');
}
