/** What IOS shows about a CDP/LLDP neighbour beyond the neighbour record itself. */
import type { Neighbor } from '../../../state/neighbors.js';
import { findModel, getKind, type ModelSpec } from '../../../topology/kinds/index.js';
import type { RenderContext } from '../../../device/render-context.js';
import { secondsSinceRelearnt } from '../../link-events.js';

/** The peer's hardware model. */
export function peerModel(neighbor: Neighbor): ModelSpec {
  const kind = getKind(neighbor.peerPlatform);
  return findModel(kind, neighbor.model) ?? kind.models[0]!;
}

/**
 * Seconds left before the entry expires, counting down as the fleet runs and refreshed by each
 * advertisement (CDP every 60 s from 180, LLDP every 30 s from 120).
 */
export function remainingHold(ctx: RenderContext, neighbor: Neighbor): number {
  const [full, interval] = neighbor.protocol === 'cdp' ? [180, 60] : [120, 30];
  // Learnt again at runtime (the link came back, the box rebooted): a full hold from then.
  const relearnt = secondsSinceRelearnt(ctx, neighbor.localInterface);
  if (relearnt !== undefined) return full - (relearnt % interval);
  const elapsed = Math.max(0, Math.floor(ctx.uptimeSeconds - ctx.state.uptimeAtStart));
  return full - ((full - neighbor.holdtime + elapsed) % interval);
}

/** The address the neighbour sends from its port: whatever is configured there, even when miswired. */
export function neighborAddress(_ctx: RenderContext, neighbor: Neighbor): string {
  return neighbor.address;
}
