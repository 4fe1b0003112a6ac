/** `show running-config`: the documented configuration plus what was changed in configuration mode. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isShutdown } from './interfaces.js';
import { renderCtime } from './time.js';
import { nxosHardware } from './hardware.js';

function portDescription(ctx: RenderContext, iface: InterfaceState): string | undefined {
  const configured = ctx.config.interfaces.get(iface.name)?.description;
  if (configured !== undefined) return configured;
  const peer = iface.documentedPeer;
  return peer && `to ${peer.node} ${peer.interface}`;
}

function globalLines(ctx: RenderContext): string[] {
  const { state } = ctx;
  const features = [
    ...(state.protocols.lldp ? ['feature lldp'] : []),
    ...ctx.config.lines.filter((l) => l.startsWith('feature ')),
  ];
  return [
    '',
    '!Command: show running-config',
    `!Running configuration last done at: ${renderCtime(ctx.now)}`,
    `!Time: ${renderCtime(ctx.now)}`,
    '',
    `version ${state.version} Bios:version ${nxosHardware(ctx).bios}`,
    `hostname ${ctx.config.hostname}`,
    ...[...new Set(features)],
    '',
    'no password strength-check',
    'username admin password 5 $5$KMPLNH$4nJwR5tmZl3SmzV2vBRbGAQjyJ2UvO3Mm9XG8L6E8E/  role network-admin',
    ...(state.protocols.cdp ? [] : ['no cdp enable']),
    'ip domain-lookup',
    ...ctx.config.lines.filter((l) => !l.startsWith('feature ')),
    'copp profile strict',
    'rmon event 1 description FATAL(1) owner PMON@FATAL',
    'rmon event 2 description CRITICAL(2) owner PMON@CRITICAL',
    '',
    'vlan 1',
    '',
    'vrf context management',
  ];
}

function interfaceStanza(ctx: RenderContext, iface: InterfaceState): string[] {
  const description = portDescription(ctx, iface);
  const address = iface.address && `  ip address ${iface.address.ip}/${iface.address.prefix}`;
  const routed = !iface.mgmt && (address !== undefined || iface.memberOf !== undefined);
  const lag = iface.memberOf && ctx.state.lags.find((l) => l.name === iface.memberOf);
  return [
    '',
    `interface ${iface.name}`,
    ...(description ? [`  description ${description}`] : []),
    ...(iface.mgmt ? ['  vrf member management'] : []),
    ...(routed ? ['  no switchport'] : []),
    ...(lag ? [`  channel-group ${lag.number} mode active`] : []),
    ...(address ? [address] : []),
    ...(isShutdown(ctx, iface) ? ['  shutdown'] : routed ? ['  no shutdown'] : []),
  ];
}

/** Renders `show running-config`: port-channels, Ethernet ports, then mgmt0, as NX-OS orders them. */
export function renderShowRunningConfig(ctx: RenderContext): string {
  const channels = ctx.state.interfaces.filter((i) => i.aggregate !== undefined);
  const ports = ctx.state.interfaces.filter((i) => !i.mgmt && i.aggregate === undefined);
  const mgmt = ctx.state.interfaces.filter((i) => i.mgmt);
  return [
    ...globalLines(ctx),
    ...[...channels, ...ports, ...mgmt].flatMap((i) => interfaceStanza(ctx, i)),
    '',
    'line console',
    'line vty',
    '',
  ].join('\n');
}
