/**
 * `show interfaces [<name>]` (`interfaces` by full name) and `show interfaces status`
 * (`interfaceStatuses` by full name) as EOS's JSON. Keys from eAPI test data (including EOS's own
 * misspelt `autoNegotigateActive`, kept beside the fixed spelling) and the keys eos_facts reads.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import {
  findEosInterface,
  isRouted,
  isShutdown,
  listedInterfaces,
  portDescription,
} from '../render/ports.js';
import { MEDIA_TYPES } from '../render/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { renderMacColons } from '../../../state/mac.js';
import { linkHistory, portCounters } from '../render/link-history.js';
import { autoNegotiates, ETHERNET_MTU, IP_MTU, LINE_STATES } from '../render/interface-detail.js';
import { epochSeconds } from './time.js';

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

function interfaceAddress(iface: InterfaceState): object[] {
  if (!iface.address) return [];
  return [
    {
      primaryIp: { address: iface.address.ip, maskLen: iface.address.prefix },
      secondaryIps: {},
      secondaryIpsOrderedList: [],
      virtualIp: { address: '0.0.0.0', maskLen: 0 },
      virtualSecondaryIps: {},
      virtualSecondaryIpsOrderedList: [],
      broadcastAddress: '255.255.255.255',
      dhcp: false,
    },
  ];
}

function counters(ctx: RenderContext, iface: InterfaceState): object {
  const c = portCounters(ctx, iface);
  const errors = {
    runtFrames: 0,
    giantFrames: 0,
    fcsErrors: 0,
    alignmentErrors: 0,
    symbolErrors: 0,
    rxPause: 0,
  };
  return {
    inOctets: c.inOctets,
    inUcastPkts: c.inPackets - c.inMulticast - c.inBroadcast,
    inMulticastPkts: c.inMulticast,
    inBroadcastPkts: c.inBroadcast,
    inDiscards: 0,
    inTotalPkts: c.inPackets,
    outOctets: c.outOctets,
    outUcastPkts: c.outPackets - c.outMulticast - c.outBroadcast,
    outMulticastPkts: c.outMulticast,
    outBroadcastPkts: c.outBroadcast,
    outDiscards: 0,
    outErrors: 0,
    totalInErrors: 0,
    totalOutErrors: 0,
    inputErrorsDetail: errors,
    outputErrorsDetail: { collisions: 0, lateCollisions: 0, deferredTransmissions: 0, txPause: 0 },
    linkStatusChanges: linkHistory(ctx, iface).changes,
    counterRefreshTime: epochSeconds(ctx),
  };
}

/** One interface of `show interfaces` (the keys eos_facts reads first, then the rest of EOS's). */
export function interfaceModel(ctx: RenderContext, iface: InterfaceState): object {
  const history = linkHistory(ctx, iface);
  const mac = renderMacColons(iface.mac);
  const rate = portCounters(ctx, iface);
  return {
    name: iface.name,
    description: portDescription(ctx, iface) ?? '',
    physicalAddress: mac,
    burnedInAddress: mac,
    mtu: isRouted(iface) ? IP_MTU : ETHERNET_MTU,
    bandwidth: iface.speed * 1_000_000,
    duplex: 'duplexFull',
    lineProtocolStatus: LINE_STATES[history.status].json,
    interfaceStatus: history.status,
    forwardingModel: isRouted(iface) ? 'routed' : 'bridged',
    interfaceAddress: interfaceAddress(iface),
    hardware: 'ethernet',
    l3MtuConfigured: false,
    l2Mru: 0,
    lastStatusChangeTimestamp: epochSeconds(ctx) - history.sinceChange,
    autoNegotiate: autoNegotiates(iface) ? 'success' : 'off',
    loopbackMode: 'loopbackNone',
    lanes: 0,
    interfaceStatistics: {
      updateInterval: 300,
      inBitsRate: rate.inBitsRate,
      outBitsRate: rate.outBitsRate,
      inPktsRate: 0,
      outPktsRate: 0,
    },
    interfaceCounters: counters(ctx, iface),
  };
}

/** `show interfaces`: every port keyed by its full name. */
export function interfacesModel(ctx: RenderContext): object {
  const interfaces: Record<string, object> = {};
  for (const iface of listedInterfaces(ctx)) interfaces[iface.name] = interfaceModel(ctx, iface);
  return { interfaces };
}

/** `show interfaces <interface>`: the one port (the command refuses names the box does not have). */
export function interfaceNamedModel(ctx: RenderContext, args: Readonly<Record<string, string>>): object {
  const iface = findEosInterface(ctx, args.interface ?? '');
  return { interfaces: iface ? { [iface.name]: interfaceModel(ctx, iface) } : {} };
}
