/**
 * `show interfaces status` as EOS's JSON: `interfaceStatuses` keyed by full name. Keys from eAPI
 * test data (including EOS's own misspelt `autoNegotigateActive`, kept beside the fixed spelling).
 */
import type { InterfaceState } from '../../../state/device-state.js';
import { isRouted, isShutdown, listedInterfaces, portDescription } from '../render/ports.js';
import { MEDIA_TYPES } from '../render/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';

function linkStatus(ctx: RenderContext, iface: InterfaceState): string {
  if (isShutdown(ctx, iface)) return 'disabled';
  return iface.connected ? 'connected' : 'notconnect';
}

function status(ctx: RenderContext, iface: InterfaceState): object {
  const link = linkStatus(ctx, iface);
  const copper = iface.speed <= 1000;
  return {
    description: portDescription(ctx, iface) ?? '',
    linkStatus: link,
    vlanInformation: isRouted(iface)
      ? { interfaceMode: 'routed', interfaceForwardingModel: 'routed' }
      : { interfaceMode: 'bridged', vlanId: 1, interfaceForwardingModel: 'bridged' },
    bandwidth: iface.speed * 1_000_000,
    interfaceType: MEDIA_TYPES[iface.speed] ?? MEDIA_TYPES[1000]!,
    duplex: 'duplexFull',
    autoNegotigateActive: copper,
    autoNegotiateActive: copper,
    lineProtocolStatus: link === 'connected' ? 'up' : 'down',
  };
}

export function interfacesStatusModel(ctx: RenderContext): object {
  const statuses: Record<string, object> = {};
  for (const iface of listedInterfaces(ctx)) statuses[iface.name] = status(ctx, iface);
  return { interfaceStatuses: statuses };
}
