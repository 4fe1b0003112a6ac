/** `show etherchannel summary`: the flags legend, then one row per channel-group and its members. */
import type { RenderContext } from '../../../device/render-context.js';
import type { LagMemberStatus, LagState } from '../../../state/index.js';
import { iosHardware } from './hardware.js';
import { iosShortName } from './ports.js';
import { left } from './text.js';

/** Member flags: Catalyst letters; routers spell bundled and suspended out. */
const MEMBER_FLAGS: Record<LagMemberStatus, [catalyst: string, router: string]> = {
  bundled: ['P', 'bndl'],
  suspended: ['s', 'susp'],
  down: ['D', 'D'],
};

/** Port-channels here are routed (R, Layer3), in use while a member is bundled, else down. */
const channelFlags = (lag: LagState) => (lag.members.some((m) => m.status === 'bundled') ? 'RU' : 'RD');

/** Catalyst rows: fixed columns, three members a line, continuation lines under the first member. */
function catalystRows(lag: LagState): string[] {
  const members = lag.members.map(
    (m) => left(`${iosShortName(m.interface)}(${MEMBER_FLAGS[m.status][0]})`, 14) + ' ',
  );
  const head = `${left(String(lag.number), 6)} ${left(`Po${lag.number}(${channelFlags(lag)})`, 15)} ${left('LACP', 9)} `;
  const out: string[] = [];
  for (let i = 0; i < members.length; i += 3)
    out.push((i === 0 ? head : ' '.repeat(head.length)) + members.slice(i, i + 3).join(''));
  return out;
}

/** Router rows: tab-separated, members on one line, a legend of the flags used below. */
function routerRows(lags: readonly LagState[]): string[] {
  if (lags.length === 0) return [''];
  const rows = lags.map(
    (lag) =>
      `${lag.number}\tPo${lag.number}(${channelFlags(lag)})\t\tLACP\t ${lag.members
        .map((m) => `${iosShortName(m.interface)}(${MEMBER_FLAGS[m.status][1]})`)
        .join(' ')}`,
  );
  return [
    ...rows,
    '',
    'RU - L3 port-channel UP State',
    'SU - L2 port-channel UP state',
    'P/bndl -  Bundled',
    'S/susp  - Suspended',
  ];
}

/** Renders `show etherchannel summary`; Catalyst and router releases word the bundled/suspended flags differently. */
export function renderShowEtherchannelSummary(ctx: RenderContext): string {
  const catalyst = iosHardware(ctx).catalyst;
  const lags = ctx.state.lags;
  const inUse = lags.filter((l) => l.members.some((m) => m.status === 'bundled')).length;
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
    `Number of channel-groups in use: ${lags.length}`,
    `Number of aggregators:           ${inUse}`,
    '',
    'Group  Port-channel  Protocol    Ports',
    '------+-------------+-----------+-----------------------------------------------',
    ...(catalyst ? [...lags.flatMap(catalystRows), ''] : routerRows(lags)),
  ].join('\n');
}
