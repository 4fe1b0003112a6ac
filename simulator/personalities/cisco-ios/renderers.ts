/** Which renderer answers which show command. */
import type { RenderContext } from '../render-context.js';

type Renderer = (ctx: RenderContext) => string;

function renderClock(ctx: RenderContext): string {
  const d = new Date(ctx.now);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = d.toUTCString().slice(0, 3);
  const month = d.toUTCString().slice(8, 11);
  return `*${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)} UTC ${day} ${month} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
}

export const IOS_RENDERERS: Record<string, Renderer> = {
  'show clock': renderClock,
};
