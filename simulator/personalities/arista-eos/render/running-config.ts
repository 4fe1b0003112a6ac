/** `show running-config`: the documented configuration plus what was changed in configuration mode. */
import type { InterfaceState } from '../../../state/device-state.js';
import { specOf } from '../../../state/identity.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isShutdown, listedInterfaces, portDescription } from './ports.js';

/** EOS indents sub-commands by three spaces. */
const IN = '   ';

function headerLines(ctx: RenderContext, all: boolean): string[] {
  const { state } = ctx;
  const { model } = specOf(state);
  const domain = state.fqdn.startsWith(`${state.name}.`) ? state.fqdn.slice(state.name.length + 1) : '';
  return [
    `! Command: show running-config${all ? ' all' : ''}`,
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

function interfaceStanza(ctx: RenderContext, iface: InterfaceState, all: boolean): string[] {
  const description = portDescription(ctx, iface);
  const routedPort = !iface.mgmt && iface.address !== undefined;
  return [
    `interface ${iface.name}`,
    ...(description ? [`${IN}description ${description}`] : []),
    ...(isShutdown(ctx, iface) ? [`${IN}shutdown`] : all ? [`${IN}no shutdown`] : []),
    ...(routedPort ? [`${IN}no switchport`] : []),
    ...(iface.address ? [`${IN}ip address ${iface.address.ip}/${iface.address.prefix}`] : []),
    '!',
  ];
}

/** Renders `show running-config`. */
export function renderShowRunningConfig(ctx: RenderContext): string {
  return renderRunningConfig(ctx, false);
}

/**
 * Renders `show running-config all` (pyeapi's `running_config` asks for it): the same
 * configuration with the defaults labfleet models spelled out (`no shutdown`); the box lists
 * many more defaults, of features the fleet does not model.
 */
export function renderShowRunningConfigAll(ctx: RenderContext): string {
  return renderRunningConfig(ctx, true);
}

function renderRunningConfig(ctx: RenderContext, all: boolean): string {
  const entered = ctx.config.lines;
  return [
    ...headerLines(ctx, all),
    ...listedInterfaces(ctx).flatMap((i) => interfaceStanza(ctx, i, all)),
    ...(entered.length > 0 ? [...entered, '!'] : []),
    'ip routing',
    '!',
    'management api http-commands',
    `${IN}no shutdown`,
    '!',
    'end',
  ].join('\n');
}
