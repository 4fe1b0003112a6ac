/** `show interfaces` (every interface, or one) and `show interfaces description`. */
import type { InterfaceState } from '../../../state/device-state.js';
import { renderMacDotted } from '../../../state/mac.js';
import { getKind } from '../../../topology/kinds/index.js';
import { parseInterfaceName } from '../../../topology/interfaces.js';
import type { RenderContext } from '../../../device/render-context.js';
import { interfaceCounters, type InterfaceCounters } from './counters.js';
import { iosHardware } from './hardware.js';
import { MEDIA_TYPES } from './interfaces.js';
import {
  catalystPortState,
  iosShortName,
  lineState,
  listedInterfaces,
  portDescription,
  vlan1State,
} from './ports.js';
import { left } from './text.js';

const IOS_TYPES = getKind('cisco_ios').interfaceTypes;

/** Catalyst ports name their speed class in `Hardware is …`. */
const CATALYST_HARDWARE: Readonly<Record<number, string>> = {
  100: 'Fast Ethernet',
  1000: 'Gigabit Ethernet',
  2500: 'Two Gigabit Ethernet',
  10_000: 'Ten Gigabit Ethernet',
  25_000: 'Twenty Five Gigabit Ethernet',
  40_000: 'Forty Gigabit Ethernet',
  100_000: 'Hundred Gigabit Ethernet',
};

const COPPER_MAX_SPEED = 2500;

/** The SVI's MAC: past the last port's, as the box allocates them from its base. */
export const SVI_MAC_OFFSET = 0x40;

/** `10Gb/s` for 10 G and up, `1000Mb/s` below (the Catalyst spelling). */
const catalystSpeed = (mbps: number) => (mbps >= 10_000 ? `${mbps / 1000}Gb/s` : `${mbps}Mb/s`);

function hardwareName(ctx: RenderContext, iface: InterfaceState): string {
  const hw = iosHardware(ctx);
  if (iface.mgmt) return hw.portHardware === 'CSR vNIC' ? hw.portHardware : 'RP management port';
  if (iface.aggregate !== undefined) return 'EtherChannel';
  if (!hw.catalyst) return hw.portHardware ?? 'CSR vNIC';
  return CATALYST_HARDWARE[iface.speed] ?? 'Gigabit Ethernet';
}

/** Catalyst copper ports that never linked fall back to 10 Mb/s figures; everything else is nominal. */
function bandwidth(ctx: RenderContext, iface: InterfaceState, up: boolean): { kbit: number; delay: number } {
  const catalystCopper = iosHardware(ctx).catalyst && !iface.mgmt && iface.speed <= COPPER_MAX_SPEED;
  const mbps = catalystCopper && !up ? 10 : iface.speed;
  return { kbit: mbps * 1000, delay: mbps >= 1000 ? 10 : mbps >= 100 ? 100 : 1000 };
}

/** The duplex/speed/media line: Catalyst `Full-duplex, 1000Mb/s, …`, routers `Full Duplex, 1000Mbps, …`. */
function mediaLine(ctx: RenderContext, iface: InterfaceState, up: boolean): string {
  const hw = iosHardware(ctx);
  const copper = iface.speed <= COPPER_MAX_SPEED;
  if (iface.aggregate !== undefined) {
    // A port-channel runs at its members' speed; its BW is theirs added up.
    const member = ctx.state.interfaces.find((i) => i.memberOf === iface.name);
    const speed = catalystSpeed(member?.speed ?? iface.speed);
    return iface.connected
      ? `Full-duplex, ${speed}, link type is auto, media type is N/A`
      : 'Auto-duplex, Unknown Speed, media type is unknown';
  }
  if (hw.catalyst && !iface.mgmt) {
    const media = MEDIA_TYPES[iface.speed] ?? MEDIA_TYPES[1000]!;
    if (copper) {
      return up
        ? `Full-duplex, ${catalystSpeed(iface.speed)}, media type is ${media}`
        : `Auto-duplex, Auto-speed, media type is ${media}`;
    }
    return iface.connected
      ? `Full-duplex, ${catalystSpeed(iface.speed)}, link type is auto, media type is ${media}`
      : 'Auto-duplex, Auto-speed, link type is auto, media type is unknown';
  }
  const virtual = hw.portHardware === 'CSR vNIC';
  const media = virtual
    ? 'Virtual'
    : copper
      ? 'RJ45'
      : iface.connected
        ? (MEDIA_TYPES[iface.speed] ?? 'unknown media type')
        : 'unknown media type';
  return `Full Duplex, ${iface.speed}Mbps, link type is auto, media type is ${media}`;
}

function flowControl(ctx: RenderContext, iface: InterfaceState): string {
  const hw = iosHardware(ctx);
  if (hw.catalyst && !iface.mgmt) return 'input flow-control is off, output flow-control is unsupported';
  if (iface.mgmt || hw.portHardware === 'CSR vNIC')
    return 'output flow-control is unsupported, input flow-control is unsupported';
  return 'output flow-control is on, input flow-control is on';
}

function counterLines(c: InterfaceCounters, catalyst: boolean): string[] {
  const multicasts = catalyst ? 'multicasts' : 'IP multicasts';
  return [
    `  5 minute input rate ${c.inBits} bits/sec, ${c.inPps} packets/sec`,
    `  5 minute output rate ${c.outBits} bits/sec, ${c.outPps} packets/sec`,
    `     ${c.inPackets} packets input, ${c.inBytes} bytes, 0 no buffer`,
    `     Received ${c.inBroadcasts} broadcasts (${catalyst ? c.inMulticasts : 0} ${multicasts})`,
    '     0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    `     0 watchdog, ${c.inMulticasts} multicast, 0 pause input`,
    ...(catalyst ? ['     0 input packets with dribble condition detected'] : []),
    `     ${c.outPackets} packets output, ${c.outBytes} bytes, 0 underruns`,
    `     Output ${c.outBroadcasts} broadcasts (${catalyst ? c.outMulticasts : 0} ${multicasts})`,
    `     0 output errors, 0 collisions, ${c.resets} interface resets`,
    '     0 unknown protocol drops',
    '     0 babbles, 0 late collision, 0 deferred',
    '     0 lost carrier, 0 no carrier, 0 pause output',
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

/** A port-channel lists the members bundled in it, short names, each followed by a space. */
function membersLine(ctx: RenderContext, iface: InterfaceState): string[] {
  const lag = ctx.state.lags.find((l) => l.number === iface.aggregate);
  const bundled = lag?.members.filter((m) => m.status === 'bundled') ?? [];
  if (bundled.length === 0) return [];
  return [`  Members in this channel: ${bundled.map((m) => `${iosShortName(m.interface)} `).join('')}`];
}

/** One port's block of `show interfaces`. */
export function renderInterfaceBlock(ctx: RenderContext, iface: InterfaceState): string[] {
  const hw = iosHardware(ctx);
  const { status, protocol } = lineState(ctx, iface);
  const suffix = catalystPortState(ctx, iface);
  const up = status === 'up';
  const description = portDescription(ctx, iface);
  const mac = renderMacDotted(iface.mac);
  const { kbit, delay } = bandwidth(ctx, iface, up);
  const frontPanel = hw.catalyst && !iface.mgmt;
  const last = up ? '00:00:00' : 'never';
  return [
    `${iface.name} is ${status}, line protocol is ${protocol}${suffix ? ` (${suffix})` : ''}`,
    `  Hardware is ${hardwareName(ctx, iface)}, address is ${mac} (bia ${mac})`,
    ...(description ? [`  Description: ${description}`] : []),
    ...(iface.address ? [`  Internet address is ${iface.address.ip}/${iface.address.prefix}`] : []),
    `  MTU 1500 bytes, BW ${kbit} Kbit/sec, DLY ${delay} usec,`,
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation ARPA, loopback not set',
    '  Keepalive set (10 sec)',
    `  ${mediaLine(ctx, iface, up)}`,
    `  ${flowControl(ctx, iface)}`,
    ...membersLine(ctx, iface),
    '  ARP type: ARPA, ARP Timeout 04:00:00',
    `  Last input ${last}, output ${last}, output hang never`,
    '  Last clearing of "show interface" counters never',
    `  Input queue: 0/${frontPanel ? 2000 : 375}/0/0 (size/max/drops/flushes); Total output drops: 0`,
    '  Queueing strategy: fifo',
    '  Output queue: 0/40 (size/max)',
    ...counterLines(interfaceCounters(ctx, iface), frontPanel),
  ];
}

/** The Catalyst VLAN 1 SVI's block: no media, no physical counters. */
export function renderVlan1Block(ctx: RenderContext): string[] {
  const { status, protocol } = vlan1State(ctx);
  const mac = renderMacDotted(ctx.state.baseMac + SVI_MAC_OFFSET);
  const description = ctx.config.interfaces.get('Vlan1')?.description;
  return [
    `Vlan1 is ${status}, line protocol is ${protocol} , Autostate Enabled`,
    `  Hardware is Ethernet SVI, address is ${mac} (bia ${mac})`,
    ...(description ? [`  Description: ${description}`] : []),
    '  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,',
    '     reliability 255/255, txload 1/255, rxload 1/255',
    '  Encapsulation ARPA, loopback not set',
    '  Keepalive not supported',
    '  ARP type: ARPA, ARP Timeout 04:00:00',
    '  Last input never, output never, output hang never',
    '  Last clearing of "show interface" counters never',
    '  Input queue: 0/375/0/0 (size/max/drops/flushes); Total output drops: 0',
    '  Queueing strategy: fifo',
    '  Output queue: 0/40 (size/max)',
    '  5 minute input rate 0 bits/sec, 0 packets/sec',
    '  5 minute output rate 0 bits/sec, 0 packets/sec',
    '     0 packets input, 0 bytes, 0 no buffer',
    '     Received 0 broadcasts (0 IP multicasts)',
    '     0 runts, 0 giants, 0 throttles',
    '     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored',
    '     0 packets output, 0 bytes, 0 underruns',
    '     Output 0 broadcasts (0 IP multicasts)',
    '     0 output errors, 0 interface resets',
    '     0 unknown protocol drops',
    '     0 output buffer failures, 0 output buffers swapped out',
  ];
}

/** Renders bare `show interfaces`: Vlan1 first on Catalyst, then the ports in `show ip interface brief` order. */
export function renderShowInterfaces(ctx: RenderContext): string {
  const vlan1 = iosHardware(ctx).catalyst ? renderVlan1Block(ctx) : [];
  return [...vlan1, ...listedInterfaces(ctx).flatMap((i) => renderInterfaceBlock(ctx, i))].join('\n');
}

/**
 * The interface a typed name means (`Gi1/0/1`, `gigabitethernet 1/0/1`, `Vlan1` on Catalyst), by
 * its full name; undefined when the box has no such interface.
 */
export function resolveIosInterface(ctx: RenderContext, typed: string): string | undefined {
  const name = parseInterfaceName(typed.replace(/\s+/g, ''), IOS_TYPES)?.full;
  if (name === undefined) return undefined;
  if (name === 'Vlan1' && iosHardware(ctx).catalyst) return name;
  return ctx.state.interfaces.some((i) => i.name === name) ? name : undefined;
}

/** Renders `show interfaces <name>` for a name resolveIosInterface returned. */
export function renderShowInterfacesNamed(ctx: RenderContext, name: string): string {
  if (name === 'Vlan1') return renderVlan1Block(ctx).join('\n');
  const iface = ctx.state.interfaces.find((i) => i.name === name)!;
  return renderInterfaceBlock(ctx, iface).join('\n');
}

/** `show interfaces description` Status: the brief's words, `admin down` for a shut port. */
function descriptionRow(name: string, state: ReturnType<typeof lineState>, description: string): string {
  const status = state.status === 'administratively down' ? 'admin down' : state.status;
  return `${left(name, 30)} ${left(status, 14)} ${left(state.protocol, 8)} ${description}`.trimEnd();
}

/** Renders `show interfaces description`: short names, Vlan1 first on Catalyst. */
export function renderShowInterfacesDescription(ctx: RenderContext): string {
  const header = `${left('Interface', 30)} ${left('Status', 14)} ${left('Protocol', 8)} Description`;
  const vlan1 = iosHardware(ctx).catalyst
    ? [descriptionRow('Vl1', vlan1State(ctx), ctx.config.interfaces.get('Vlan1')?.description ?? '')]
    : [];
  const rows = listedInterfaces(ctx).map((i) =>
    descriptionRow(iosShortName(i.name), lineState(ctx, i), portDescription(ctx, i) ?? ''),
  );
  return [header, ...vlan1, ...rows].join('\n');
}
