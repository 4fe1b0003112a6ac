/**
 * `show port-channel summary` as NX-OS structures it (`| json` captures from Nexus boxes, the keys
 * Ansible's nxos_vpc_interface reads): TABLE_channel/ROW_channel with group (a number),
 * port-channel (lower-case full name), layer (`R`: every port-channel here is routed), status
 * (`U`/`D`), type `Eth`, prtcl `LACP`, and TABLE_member/ROW_member with each member's full name
 * and the flag the text prints (`P`, `s`, `D`). No table at all without port-channels.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { NXOS_MEMBER_FLAGS, nxosLagUp } from '../render/l2-shows.js';
import { table, type JsonObject } from './json.js';

export function portChannelSummaryBody(ctx: RenderContext): JsonObject {
  return table(
    'channel',
    ctx.state.lags.map((lag) => ({
      group: lag.number,
      'port-channel': lag.name,
      layer: 'R',
      status: nxosLagUp(lag) ? 'U' : 'D',
      type: 'Eth',
      prtcl: 'LACP',
      ...table(
        'member',
        lag.members.map((m) => ({ port: m.interface, 'port-status': NXOS_MEMBER_FLAGS[m.status] })),
      ),
    })),
  );
}
