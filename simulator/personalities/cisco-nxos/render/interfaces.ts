/** `show interface brief`: the management port, then the Ethernet ports. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left, right } from '../../cisco-ios/render/text.js';
import { nxosShortName } from './names.js';

const RULE = '-'.repeat(80);

const MGMT_HEADER = [
  '',
  RULE,
  'Port   VRF          Status IP Address                              Speed    MTU',
  RULE,
];

const ETHERNET_HEADER = [
  '',
  RULE,
  'Ethernet      VLAN    Type Mode   Status  Reason                   Speed     Port',
  'Interface                                                                    Ch #',
  RULE,
];

export function isShutdown(ctx: RenderContext, iface: InterfaceState): boolean {
  return ctx.config.interfaces.get(iface.name)?.shutdown === true;
}

/** `10G(D)`, `1000(D)`, `auto(D)` while the link is down. */
function speed(iface: InterfaceState, up: boolean): string {
  if (!up) return 'auto(D)';
  return iface.speed >= 10_000 ? `${iface.speed / 1000}G(D)` : `${iface.speed}(D)`;
}

/** The `Port Ch #` column: a member's port-channel number, else `--`. */
function channelNumber(ctx: RenderContext, iface: InterfaceState): string {
  const lag = iface.memberOf && ctx.state.lags.find((l) => l.name === iface.memberOf);
  return lag ? String(lag.number) : '--';
}

function ethernetRow(ctx: RenderContext, iface: InterfaceState): string {
  const shut = isShutdown(ctx, iface);
  const up = iface.connected && !shut;
  const routed = iface.address !== undefined || iface.memberOf !== undefined;
  const reason = shut ? 'Administratively down' : up ? 'none' : 'Link not connected';
  return (
    left(nxosShortName(iface.name), 14) +
    left(routed ? '--' : '1', 8) +
    left('eth', 5) +
    left(routed ? 'routed' : 'access', 7) +
    left(up ? 'up' : 'down', 8) +
    left(reason, 25) +
    right(speed(iface, up), 9) +
    ` ${channelNumber(ctx, iface)}`
  );
}

function mgmtRow(ctx: RenderContext, iface: InterfaceState): string {
  const up = !isShutdown(ctx, iface);
  return (
    left(iface.name, 7) +
    left('--', 13) +
    left(up ? 'up' : 'down', 7) +
    left(iface.address?.ip ?? '--', 40) +
    left(up ? String(iface.speed) : '--', 9) +
    '1500'
  );
}

/** Renders `show interface brief`. */
export function renderShowInterfaceBrief(ctx: RenderContext): string {
  const mgmt = ctx.state.interfaces.filter((i) => i.mgmt);
  const ethernet = ctx.state.interfaces.filter((i) => !i.mgmt);
  return [
    ...MGMT_HEADER,
    ...mgmt.map((i) => mgmtRow(ctx, i)),
    ...ETHERNET_HEADER,
    ...ethernet.map((i) => ethernetRow(ctx, i)),
  ].join('\n');
}
