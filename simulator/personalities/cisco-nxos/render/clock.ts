/** `show clock`. */
import type { RenderContext } from '../../render-context.js';
import { renderNxosClock } from './time.js';
import { nxosMajor } from './version.js';

/** 9.x and later name the time source on a second line; a lab box has no NTP. */
export function renderShowClock(ctx: RenderContext): string {
  const time = renderNxosClock(ctx.now);
  return nxosMajor(ctx.state.version) >= 9 ? `${time}\nTime source is Hardware Calendar` : time;
}
