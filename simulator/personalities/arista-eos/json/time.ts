/** Timestamps as EOS's JSON gives them: seconds since the epoch, from the fleet clock. */
import type { RenderContext } from '../../../device/render-context.js';

/** `now` in epoch seconds (`utcTime`, `lastContactTime`). */
export const epochSeconds = (ctx: RenderContext): number => ctx.now / 1000;

/** When the box booted (`bootupTimestamp`). */
export const bootEpochSeconds = (ctx: RenderContext): number => epochSeconds(ctx) - ctx.uptimeSeconds;
