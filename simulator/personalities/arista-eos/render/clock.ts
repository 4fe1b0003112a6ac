/** `show clock`. */
import type { RenderContext } from '../../../device/render-context.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Thu Jan 15 09:30:00 2026`: EOS's date line, UTC. */
export function renderEosTime(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${pad2(d.getUTCDate())} ${clock} ${d.getUTCFullYear()}`;
}

/** Renders `show clock`; a lab box keeps its own time (no NTP). */
export function renderShowClock(ctx: RenderContext): string {
  return [renderEosTime(ctx.now), 'Timezone: UTC', 'Clock source: local'].join('\n');
}
