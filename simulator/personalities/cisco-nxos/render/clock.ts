/** `show clock`. */
import type { RenderContext } from '../../../device/render-context.js';
import { renderNxosClock } from './time.js';
import { nxosMajor } from './version.js';

/** 9.x and later name the time source (a lab box has no NTP); earlier releases do not. */
export function nxosTimeSource(ctx: RenderContext): string | undefined {
  return nxosMajor(ctx.state.version) >= 9 ? 'Hardware Calendar' : undefined;
}

/** The time, then its source on a second line where the release names it. */
export function renderShowClock(ctx: RenderContext): string {
  const time = renderNxosClock(ctx.now);
  const source = nxosTimeSource(ctx);
  return source ? `${time}\nTime source is ${source}` : time;
}
