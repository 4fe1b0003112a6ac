/**
 * `show port-channel summary` as EOS's JSON: the two counts and, per port-channel, its member
 * ports keyed by full name (the shape eAPI clients read: `numberOfChannelsInUse`,
 * `numberOfAggregators`, `portChannels` → `Port-Channel7` → `ports` → `Ethernet49/1`). The
 * per-member objects stay empty: no public capture shows their keys.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { lagInUse } from '../render/port-channel.js';

export function portChannelSummaryModel(ctx: RenderContext): object {
  const lags = ctx.state.lags;
  const inUse = lags.filter(lagInUse).length;
  return {
    numberOfChannelsInUse: inUse,
    numberOfAggregators: inUse,
    portChannels: Object.fromEntries(
      lags.map((lag) => [lag.name, { ports: Object.fromEntries(lag.members.map((m) => [m.interface, {}])) }]),
    ),
  };
}
