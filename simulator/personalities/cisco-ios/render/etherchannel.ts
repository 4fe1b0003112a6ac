/** `show etherchannel summary`: the flags legend and an empty table (no IOS device here bundles links). */
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';

/** Renders `show etherchannel summary`; Catalyst and router releases word the bundled/suspended flags differently. */
export function renderShowEtherchannelSummary(ctx: RenderContext): string {
  const catalyst = iosHardware(ctx).catalyst;
  return [
    `Flags:  D - down        ${catalyst ? 'P' : 'P/bndl'} - bundled in port-channel`,
    `        I - stand-alone ${catalyst ? 's' : 's/susp'} - suspended`,
    '        H - Hot-standby (LACP only)',
    '        R - Layer3      S - Layer2',
    '        U - in use      f - failed to allocate aggregator',
    '',
    '        M - not in use, minimum links not met',
    '        u - unsuitable for bundling',
    '        w - waiting to be aggregated',
    '        d - default port',
    '',
    ...(catalyst ? ['        A - formed by Auto LAG', ''] : []),
    '',
    'Number of channel-groups in use: 0',
    'Number of aggregators:           0',
    '',
    'Group  Port-channel  Protocol    Ports',
    '------+-------------+-----------+-----------------------------------------------',
    '',
  ].join('\n');
}
