/** `show users`: the SSH sessions on the vty lines; this one is marked `*`. */
import type { RenderContext } from '../../../device/render-context.js';
import { left, right } from './text.js';

/** Who is asking, and how many SSH sessions the box has open (the renderer alone knows neither). */
export interface UsersView {
  user: string;
  sessions: number;
}

/** Line 1 is the console; vty lines follow. */
const FIRST_VTY_LINE = 2;

const row = (mark: string, line: number, user: string, idle: string, location: string) =>
  `${mark}${right(line, 3)} ${left(`vty ${line}`, 8)} ${left(user, 11)} ${left('idle', 13)} ${left(idle, 11)} ${left(location, 9)}`;

/**
 * Renders `show users`. Without a session (the golden files, eAPI) it shows one admin on the
 * first vty; every client of the fleet connects from loopback.
 */
export function renderShowUsers(
  _ctx: RenderContext,
  view: UsersView = { user: 'admin', sessions: 1 },
): string {
  const others = Math.max(0, view.sessions - 1);
  return [
    `    ${left('Line', 9)} ${left('User', 11)} ${left('Host(s)', 13)} ${left('Idle', 11)} ${left('Location', 9)}`,
    row('*', FIRST_VTY_LINE, view.user, '00:00:00', '127.0.0.1'),
    ...Array.from({ length: others }, (_, i) =>
      row(' ', FIRST_VTY_LINE + 1 + i, view.user, '00:00:01', '127.0.0.1'),
    ),
    '',
  ].join('\n');
}
