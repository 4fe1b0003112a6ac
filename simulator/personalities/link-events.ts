/**
 * Link changes at runtime in a log buffer. Each platform's buffer tells what the derived state says
 * happened since boot, then appends the links that went down or up while the fleet ran. The derived
 * part is told from the wiring as it stood before the first of those changes, so a port that a flap
 * took down is not also told as unplugged before the fleet started.
 */
import type { LinkEvent, RenderContext } from '../device/render-context.js';

/**
 * The context as it stood before the runtime link changes: each port they touched cabled as it was
 * then (a port whose first change went down was up), and no runtime changes. Unchanged when there
 * are none, so a buffer without runtime events is the same as before.
 */
export function beforeLinkEvents(ctx: RenderContext): RenderContext {
  if (ctx.linkEvents.length === 0) return ctx;
  const first = new Map<string, LinkEvent>();
  for (const event of ctx.linkEvents) if (!first.has(event.interface)) first.set(event.interface, event);
  const interfaces = ctx.state.interfaces.map((iface) => {
    const event = first.get(iface.name);
    return event ? { ...iface, connected: event.state === 'down' } : iface;
  });
  return { ...ctx, state: { ...ctx.state, interfaces }, linkEvents: [] };
}

/** The runtime link changes a buffer lists, oldest first: those up to the context's time. */
export const loggedLinkEvents = (ctx: RenderContext): LinkEvent[] =>
  ctx.linkEvents.filter((e) => e.at <= ctx.now);

/**
 * Seconds since the neighbours on `iface` were learnt afresh at runtime: since the port last came
 * up, or since the device rebooted. Undefined when neither happened (the derived ages hold).
 */
export function secondsSinceRelearnt(ctx: RenderContext, iface: string): number | undefined {
  const up = ctx.linkEvents.findLast((e) => e.interface === iface && e.state === 'up');
  if (up) return Math.max(0, Math.floor((ctx.now - up.at) / 1000));
  return ctx.rebootedAt === undefined ? undefined : ctx.uptimeSeconds;
}
