/** `show interfaces [<name>]`: each port's state, addresses, link history and counters, as EOS prints them. */
import type { InterfaceState } from '../../../state/device-state.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { RenderContext } from '../../../device/render-context.js';
import { linkHistory, portCounters, type LinkStatus } from './link-history.js';
import { isRouted, listedInterfaces, portDescription } from './ports.js';

/** Routed ports and the management port carry IP's default MTU; switched ports EOS's jumbo one. */
export const IP_MTU = 1500;
export const ETHERNET_MTU = 9214;

/** `is up, line protocol is up (connected)` and the JSON words for the same state. */
export const LINE_STATES: Readonly<Record<LinkStatus, { link: string; protocol: string; json: string }>> = {
  connected: { link: 'up', protocol: 'up', json: 'up' },
  notconnect: { link: 'down', protocol: 'notpresent', json: 'notPresent' },
  disabled: { link: 'administratively down', protocol: 'down', json: 'down' },
};

/** `10Gb/s`, `1Gb/s`, `100Mb/s`. */
const speedText = (mbps: number) => (mbps >= 1000 ? `${mbps / 1000}Gb/s` : `${mbps}Mb/s`);

/** Copper (1G and below) autonegotiates; optics run at a fixed speed. */
export const autoNegotiates = (iface: InterfaceState): boolean => iface.speed <= 1000;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** `21 minutes, 40 seconds`, `6 days, 11 hours, 16 minutes, 54 seconds`: from the first non-zero unit. */
export function renderLinkDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86_400), 'day'],
    [Math.floor((s % 86_400) / 3600), 'hour'],
    [Math.floor((s % 3600) / 60), 'minute'],
    [s % 60, 'second'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first < 0 ? 3 : first)
    .map(([n, unit]) => plural(n, unit))
    .join(', ');
}

function addressLines(iface: InterfaceState): string[] {
  const mtu = isRouted(iface)
    ? `  IP MTU ${IP_MTU} bytes (default), BW ${iface.speed * 1000} kbit`
    : `  Ethernet MTU ${ETHERNET_MTU} bytes, BW ${iface.speed * 1000} kbit`;
  if (!iface.address) return [mtu];
  return [
    `  Internet address is ${iface.address.ip}/${iface.address.prefix}`,
    '  Broadcast address is 255.255.255.255',
    mtu,
  ];
}

function counterLines(ctx: RenderContext, iface: InterfaceState): string[] {
  const c = portCounters(ctx, iface);
  const pps = (bits: number, octets: number, packets: number) =>
    packets === 0 ? 0 : Math.round(bits / 8 / Math.max(1, octets / packets));
  return [
    `  5 minutes input rate ${c.inBitsRate} bps (0.0% with framing overhead), ${pps(c.inBitsRate, c.inOctets, c.inPackets)} packets/sec`,
    `  5 minutes output rate ${c.outBitsRate} bps (0.0% with framing overhead), ${pps(c.outBitsRate, c.outOctets, c.outPackets)} packets/sec`,
    `     ${c.inPackets} packets input, ${c.inOctets} bytes`,
    `     Received ${c.inBroadcast} broadcasts, ${c.inMulticast} multicast`,
    '     0 runts, 0 giants',
    '     0 input errors, 0 CRC, 0 alignment, 0 symbol, 0 input discards',
    '     0 PAUSE input',
    `     ${c.outPackets} packets output, ${c.outOctets} bytes`,
    `     Sent ${c.outBroadcast} broadcasts, ${c.outMulticast} multicast`,
    '     0 output errors, 0 collisions',
    '     0 late collision, 0 deferred, 0 output discards',
    '     0 PAUSE output',
  ];
}

/** A port-channel's counters: no runts, CRC, collisions or PAUSE lines. */
function portChannelCounterLines(ctx: RenderContext, iface: InterfaceState): string[] {
  const lines = counterLines(ctx, iface);
  return [
    ...lines.slice(0, 4),
    '     0 input errors, 0 input discards',
    ...lines.slice(7, 9),
    '     0 output errors, 0 output discards',
  ];
}

/**
 * A port-channel's block (EOS 4.2x capture): `Hardware is Port-Channel` with no bia, the bundled
 * members' sum as speed (`Unconfigured` with none), `Active members in this channel` and a
 * `... Ethernet47 , Full-duplex, 10Gb/s` line each, the fallback mode; down, it is
 * `lowerlayerdown`.
 */
function portChannelDetail(ctx: RenderContext, iface: InterfaceState): string[] {
  const history = linkHistory(ctx, iface);
  const line = LINE_STATES[history.status];
  const protocol = history.status === 'notconnect' ? 'lowerlayerdown' : line.protocol;
  const description = portDescription(ctx, iface);
  const lag = ctx.state.lags.find((l) => l.name === iface.name);
  const active = (lag?.members ?? []).filter((m) => m.status === 'bundled');
  const speedOf = (name: string) => ctx.state.interfaces.find((i) => i.name === name)?.speed ?? 0;
  return [
    `${iface.name} is ${line.link}, line protocol is ${protocol} (${history.status})`,
    `  Hardware is Port-Channel, address is ${renderMacDotted(iface.mac)}`,
    ...(description ? [`  Description: ${description}`] : []),
    ...addressLines(iface),
    `  Full-duplex, ${active.length > 0 ? speedText(iface.speed) : 'Unconfigured'}`,
    `  Active members in this channel: ${active.length}`,
    ...active.map((m) => `  ... ${m.interface} , Full-duplex, ${speedText(speedOf(m.interface))}`),
    '  Fallback mode is: off',
    `  ${history.status === 'connected' ? 'Up' : 'Down'} ${renderLinkDuration(history.sinceChange)}`,
    `  ${history.changes} link status changes since last clear`,
    '  Last clearing of "show interface" counters never',
    ...portChannelCounterLines(ctx, iface),
  ];
}

/** One interface's block; a LAG member says which port-channel it is in. */
export function renderInterfaceDetail(ctx: RenderContext, iface: InterfaceState): string[] {
  if (iface.aggregate !== undefined) return portChannelDetail(ctx, iface);
  const history = linkHistory(ctx, iface);
  const line = LINE_STATES[history.status];
  const mac = renderMacDotted(iface.mac);
  const description = portDescription(ctx, iface);
  const negotiation = autoNegotiates(iface) ? 'on' : 'off';
  return [
    `${iface.name} is ${line.link}, line protocol is ${line.protocol} (${history.status})`,
    `  Hardware is Ethernet, address is ${mac} (bia ${mac})`,
    ...(description ? [`  Description: ${description}`] : []),
    ...(iface.memberOf ? [`  Member of ${iface.memberOf}`] : []),
    ...addressLines(iface),
    `  Full-duplex, ${speedText(iface.speed)}, auto negotiation: ${negotiation}, uni-link: n/a`,
    `  ${history.status === 'connected' ? 'Up' : 'Down'} ${renderLinkDuration(history.sinceChange)}`,
    ...(iface.mgmt ? [] : ['  Loopback Mode : None']),
    `  ${history.changes} link status changes since last clear`,
    '  Last clearing of "show interface" counters never',
    ...counterLines(ctx, iface),
  ];
}

/** Renders `show interfaces`: every port, Ethernet first, then the management port, then port-channels. */
export function renderShowInterfaces(ctx: RenderContext): string {
  return listedInterfaces(ctx)
    .flatMap((iface) => renderInterfaceDetail(ctx, iface))
    .join('\n');
}
