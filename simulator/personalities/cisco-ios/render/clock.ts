/** `show clock`. */
import type { RenderContext } from '../../../device/render-context.js';
import { renderIosTime } from './time.js';

/** The asterisk says the clock is not NTP-synchronised, as on a lab box. */
export function renderShowClock(ctx: RenderContext): string {
  return `*${renderIosTime(ctx.now, true)}`;
}
