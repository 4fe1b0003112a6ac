/** `show running-config`: the documented configuration plus what was changed in configuration mode. */
import type { InterfaceState } from '../../../state/device-state.js';
import { renderMask } from '../../../topology/ip.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { isRouted, isShutdown, listedInterfaces, portDescription } from './ports.js';
import { defaultRoute } from './routes.js';

const VTY_LINES = [' login local', ' transport input ssh'];

function mgmtVrfDefinition(vrf: string | undefined): string[] {
  if (!vrf) return [];
  return [
    `vrf definition ${vrf}`,
    ' !',
    ' address-family ipv4',
    ' exit-address-family',
    ' !',
    ' address-family ipv6',
    ' exit-address-family',
    '!',
  ];
}

function globalLines(ctx: RenderContext): string[] {
  const { state } = ctx;
  const hw = iosHardware(ctx);
  const csr = state.model === 'CSR1000V';
  const domain = state.fqdn.startsWith(`${state.name}.`) ? state.fqdn.slice(state.name.length + 1) : '';
  const stackable = hw.catalyst && !state.model.startsWith('C9500');
  return [
    '!',
    `version ${state.version.split('.').slice(0, 2).join('.')}`,
    'service timestamps debug datetime msec',
    'service timestamps log datetime msec',
    ...(hw.catalyst ? [] : ['platform qfp utilization monitor load 80']),
    'platform punt-keepalive disable-kernel-core',
    ...(csr ? ['platform console serial'] : []),
    '!',
    `hostname ${ctx.config.hostname}`,
    '!',
    'boot-start-marker',
    'boot-end-marker',
    '!',
    ...mgmtVrfDefinition(hw.mgmtVrf),
    'no aaa new-model',
    ...(stackable ? [`switch 1 provision ${state.model.toLowerCase()}`] : []),
    '!',
    ...(domain ? [`ip domain name ${domain}`, '!'] : []),
    'login on-success log',
    '!',
    ...(hw.catalyst ? [] : [`license udi pid ${state.model} sn ${state.serial}`]),
    'diagnostic bootup level minimal',
    '!',
    ...(hw.catalyst ? ['spanning-tree mode rapid-pvst'] : []),
    'spanning-tree extend system-id',
    '!',
    'redundancy',
    ...(hw.catalyst ? [' mode sso'] : []),
    '!',
  ];
}

function interfaceStanza(ctx: RenderContext, iface: InterfaceState): string[] {
  const hw = iosHardware(ctx);
  const csr = ctx.state.model === 'CSR1000V';
  const description = portDescription(ctx, iface);
  const routedSwitchPort = hw.catalyst && !iface.mgmt && isRouted(ctx, iface);
  const lag = iface.memberOf && ctx.state.lags.find((l) => l.name === iface.memberOf);
  const address = iface.address && ` ip address ${iface.address.ip} ${renderMask(iface.address.prefix)}`;
  const negotiates = (!hw.catalyst || iface.mgmt) && iface.speed <= 1000;
  return [
    `interface ${iface.name}`,
    ...(description ? [` description ${description}`] : []),
    ...(routedSwitchPort ? [' no switchport'] : []),
    ...(iface.mgmt && hw.mgmtVrf ? [` vrf forwarding ${hw.mgmtVrf}`] : []),
    ...(address ? [address] : isRouted(ctx, iface) ? [' no ip address'] : []),
    ...(isShutdown(ctx, iface) ? [' shutdown'] : []),
    ...(negotiates ? [' negotiation auto'] : []),
    ...(lag ? [` channel-group ${lag.number} mode active`] : []),
    ...(csr ? [' no mop enabled', ' no mop sysid'] : []),
    '!',
  ];
}

function trailerLines(ctx: RenderContext): string[] {
  const catalyst = iosHardware(ctx).catalyst;
  const entered = ctx.config.lines;
  return [
    ...(entered.length > 0 ? [...entered, '!'] : []),
    'ip forward-protocol nd',
    'no ip http server',
    'no ip http secure-server',
    ...defaultRoute(ctx).map((r) => `ip route ${r.vrf ? `vrf ${r.vrf} ` : ''}0.0.0.0 0.0.0.0 ${r.nextHop}`),
    'ip ssh version 2',
    '!',
    'control-plane',
    ...(catalyst ? [' service-policy input system-cpp-policy'] : []),
    '!',
    'line con 0',
    ' stopbits 1',
    'line vty 0 4',
    ...VTY_LINES,
    ...(catalyst ? ['line vty 5 15', ...VTY_LINES] : []),
    '!',
    'end',
  ];
}

/** Renders `show running-config`; the byte count is that of everything after its own line. */
export function renderShowRunningConfig(ctx: RenderContext): string {
  const vlan1 = iosHardware(ctx).catalyst ? ['interface Vlan1', ' no ip address', ' shutdown', '!'] : [];
  const body = [
    ...globalLines(ctx),
    // Port-channels come first in the configuration, then the ports in their usual order.
    ...listedInterfaces(ctx)
      .filter((i) => i.aggregate !== undefined)
      .flatMap((i) => interfaceStanza(ctx, i)),
    ...listedInterfaces(ctx)
      .filter((i) => i.aggregate === undefined)
      .flatMap((i) => interfaceStanza(ctx, i)),
    ...vlan1,
    ...trailerLines(ctx),
  ];
  const text = body.join('\n') + '\n';
  return `Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(text)} bytes\n${text}`;
}
