/** `show running-config`: the documented configuration plus what was changed in configuration mode. */
import type { InterfaceState } from '../../../state/device-state.js';
import { specOf } from '../../../state/identity.js';
import type { RenderContext } from '../../render-context.js';
import { isShutdown, listedInterfaces, portDescription } from './ports.js';

/** EOS indents sub-commands by three spaces. */
const IN = '   ';

function headerLines(ctx: RenderContext): string[] {
  const { state } = ctx;
  const { model } = specOf(state);
  const domain = state.fqdn.startsWith(`${state.name}.`) ? state.fqdn.slice(state.name.length + 1) : '';
  return [
    '! Command: show running-config',
    `! device: ${ctx.config.hostname} (${model.platform}, EOS-${state.version})`,
    '!',
    `! boot system flash:/EOS-${state.version}.swi`,
    '!',
    'no aaa root',
    '!',
    'username admin privilege 15 role network-admin secret sha512 $6$labfleet$0',
    '!',
    'service routing protocols model multi-agent',
    '!',
    `hostname ${ctx.config.hostname}`,
    ...(domain ? [`ip domain-name ${domain}`] : []),
    '!',
    'spanning-tree mode mstp',
    '!',
  ];
}

function interfaceStanza(ctx: RenderContext, iface: InterfaceState): string[] {
  const description = portDescription(ctx, iface);
  const routedPort = !iface.mgmt && iface.address !== undefined;
  return [
    `interface ${iface.name}`,
    ...(description ? [`${IN}description ${description}`] : []),
    ...(isShutdown(ctx, iface) ? [`${IN}shutdown`] : []),
    ...(routedPort ? [`${IN}no switchport`] : []),
    ...(iface.address ? [`${IN}ip address ${iface.address.ip}/${iface.address.prefix}`] : []),
    '!',
  ];
}

/** Renders `show running-config`. */
export function renderShowRunningConfig(ctx: RenderContext): string {
  const entered = ctx.config.lines;
  return [
    ...headerLines(ctx),
    ...listedInterfaces(ctx).flatMap((i) => interfaceStanza(ctx, i)),
    ...(entered.length > 0 ? [...entered, '!'] : []),
    'ip routing',
    '!',
    'management api http-commands',
    `${IN}no shutdown`,
    '!',
    'end',
  ].join('\n');
}
