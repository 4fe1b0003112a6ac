/**
 * `show interfaces` and `show interfaces <name>`: the physical block of each port (state, indexes,
 * link-level line, flags, addresses, last flap, rates) and its unit 0, laid out as EX and MX
 * captures have them; `lo0` as Junos prints a loopback. A /31 has no Broadcast field.
 */
import { renderMacColons } from '../../../state/mac.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isVirtualChassis } from './chassis.js';
import {
  isDisabled,
  junosDescription,
  junosSnmpIndexes,
  junosSpeed,
  lastFlap,
  portHash,
  portIndex,
} from './ports.js';
import { renderAgo } from './uptime.js';

const stamp = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;

/** When the port last changed state, as `Last flapped` prints it, and how many seconds ago (0: never). */
export function junosFlapped(ctx: RenderContext, iface: InterfaceState): { text: string; seconds: number } {
  const at = lastFlap(ctx, iface);
  if (at === undefined) return { text: 'Never', seconds: 0 };
  const seconds = Math.max(0, Math.floor((ctx.now - at) / 1000));
  return { text: `${stamp(at)} (${renderAgo((ctx.now - at) / 1000)} ago)`, seconds };
}

/** Packets and bits per second a port carries (LLDP, ARP, a little management traffic). */
export function junosTraffic(ctx: RenderContext, iface: InterfaceState) {
  const up = iface.connected && !isDisabled(ctx, iface);
  const since = up ? (ctx.now - (lastFlap(ctx, iface) ?? ctx.now)) / 1000 : 0;
  const inPps = up ? 1 + (portHash(iface, 3) % 4) : 0;
  const outPps = up ? 1 + (portHash(iface, 4) % 3) : 0;
  return {
    inBps: inPps * (600 + (portHash(iface, 5) % 400)),
    inPps,
    outBps: outPps * (500 + (portHash(iface, 6) % 300)),
    outPps,
    inPackets: Math.floor(since * inPps),
    outPackets: Math.floor(since * outPps),
  };
}

/** `Interface index` and the logical unit's `Index`: where Junos numbers its devices. */
export function junosLocalIndexes(
  ctx: RenderContext,
  iface: InterfaceState,
): { physical: number; logical: number } {
  return { physical: 140 + portIndex(ctx, iface), logical: 330 + portIndex(ctx, iface) };
}

/** Max nh cache / New hold nh limit: 75000 on routers, 100000 on EX/QFX. */
export const nhCacheLimit = (ctx: RenderContext) => (isVirtualChassis(ctx) ? 100000 : 75000);

function toDotted(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** The subnet (`10.0.0.0/31`) and, below /31, the broadcast address of an interface address. */
export function junosSubnet(ip: string, prefix: number): { destination: string; broadcast?: string } {
  const value = ip.split('.').reduce((acc, o) => (acc * 256 + Number(o)) >>> 0, 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const destination = `${toDotted((value & mask) >>> 0)}/${prefix}`;
  return prefix < 31 ? { destination, broadcast: toDotted((value | ~mask) >>> 0) } : { destination };
}

/** `Destination: 10.0.0.0/31, Local: 10.0.0.1` (+ `, Broadcast: …` below /31). */
function addressLine(ip: string, prefix: number): string {
  const { destination, broadcast } = junosSubnet(ip, prefix);
  return `        Destination: ${destination}, Local: ${ip}${broadcast ? `, Broadcast: ${broadcast}` : ''}`;
}

function logicalBlock(ctx: RenderContext, iface: InterfaceState, up: boolean): string[] {
  if (!iface.address) return [];
  const { logical } = junosSnmpIndexes(ctx, iface);
  const t = junosTraffic(ctx, iface);
  const router = !isVirtualChassis(ctx);
  const nh = nhCacheLimit(ctx);
  return [
    '',
    `  Logical interface ${iface.name}.0 (Index ${junosLocalIndexes(ctx, iface).logical}) (SNMP ifIndex ${logical})`,
    `    Flags: ${up ? 'Up' : 'Down'} SNMP-Traps 0x4004000 Encapsulation: ENET2`,
    `    Input packets : ${t.inPackets}`,
    `    Output packets: ${t.outPackets}`,
    '    Protocol inet, MTU: 1500',
    `    Max nh cache: ${nh}, New hold nh limit: ${nh}, Curr nh cnt: ${iface.connected ? 1 : 0}, Curr new hold cnt: 0, NH drop cnt: 0`,
    '      Flags: Sendbcast-pkt-to-re',
    '      Addresses, Flags: Is-Preferred Is-Primary',
    addressLine(iface.address.ip, iface.address.prefix),
    ...(router ? ['    Protocol multiservice, MTU: Unlimited'] : []),
  ];
}

function physicalBlock(ctx: RenderContext, iface: InterfaceState): string[] {
  const disabled = isDisabled(ctx, iface);
  const up = !disabled && iface.connected;
  const { physical } = junosSnmpIndexes(ctx, iface);
  const description = junosDescription(ctx, iface);
  const mac = renderMacColons(iface.mac);
  const t = junosTraffic(ctx, iface);
  const switchPort = isVirtualChassis(ctx) && !iface.mgmt;
  const linkLevel = iface.mgmt
    ? `  Type: Ethernet, Link-level type: Ethernet, MTU: 1514, Speed: ${junosSpeed(iface.speed)}`
    : `  Link-level type: Ethernet, MTU: 1514, LAN-PHY mode, Link-mode: Full-duplex, Speed: ${junosSpeed(iface.speed)}, BPDU Error: None, Loop Detect PDU Error: None, ${switchPort ? 'Ethernet-Switching Error: None, ' : ''}MAC-REWRITE Error: None, Loopback: Disabled, Source filtering: Disabled, Flow control: Enabled, Auto-negotiation: Enabled, Remote fault: Online`;
  return [
    `Physical interface: ${iface.name}, ${disabled ? 'Administratively down' : 'Enabled'}, Physical link is ${up ? 'Up' : 'Down'}`,
    `  Interface index: ${junosLocalIndexes(ctx, iface).physical}, SNMP ifIndex: ${physical}`,
    ...(description ? [`  Description: ${description}`] : []),
    linkLevel,
    `  Device flags   : Present Running${up ? '' : ' Down'}`,
    `  Interface flags: ${disabled ? 'Down ' : ''}SNMP-Traps Internal: 0x4000`,
    '  Link flags     : None',
    ...(iface.mgmt ? [] : ['  CoS queues     : 8 supported, 8 maximum usable queues']),
    `  Current address: ${mac}, Hardware address: ${mac}`,
    `  Last flapped   : ${junosFlapped(ctx, iface).text}`,
    `  Input rate     : ${t.inBps} bps (${t.inPps} pps)`,
    `  Output rate    : ${t.outBps} bps (${t.outPps} pps)`,
    ...(iface.mgmt
      ? []
      : [
          '  Active alarms  : None',
          `  Active defects : ${up ? 'None' : 'LINK'}`,
          '  PCS statistics                      Seconds',
          '    Bit errors                             0',
          '    Errored blocks                         0',
          '  Interface transmit statistics: Disabled',
        ]),
    ...logicalBlock(ctx, iface, up),
  ];
}

/** The loopback: no link-level type, and the internal unit the terse view lists. */
const LOOPBACK = [
  'Physical interface: lo0, Enabled, Physical link is Up',
  '  Interface index: 6, SNMP ifIndex: 6',
  '  Type: Loopback, MTU: Unlimited',
  '  Device flags   : Present Running Loopback',
  '  Interface flags: SNMP-Traps',
  '  Link flags     : None',
  '  Last flapped   : Never',
  '    Input packets : 0',
  '    Output packets: 0',
  '',
  '  Logical interface lo0.16385 (Index 322) (SNMP ifIndex 22)',
  '    Flags: SNMP-Traps Encapsulation: Unspecified',
  '    Input packets : 0',
  '    Output packets: 0',
  '    Protocol inet, MTU: Unlimited',
  '      Flags: None',
];

/** Ports in the order the terse view lists them (management port after the front-panel ports). */
export function junosListedInterfaces(ctx: RenderContext): InterfaceState[] {
  return [...ctx.state.interfaces].sort((a, b) => Number(a.mgmt) - Number(b.mgmt));
}

export function renderShowInterfaces(ctx: RenderContext): string {
  return [
    ...junosListedInterfaces(ctx).map((i) => physicalBlock(ctx, i).join('\n')),
    LOOPBACK.join('\n'),
  ].join('\n\n');
}

/** Whether a name is a pattern (`ge-*`, `[efgx][et]-*`): Junos matches those like a shell glob. */
export const isInterfaceGlob = (name: string) => /[*?[]/.test(name);

function globPattern(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/** The ports (and `lo0`) a glob names, in listing order. */
export function junosInterfacesMatching(
  ctx: RenderContext,
  glob: string,
): { ports: InterfaceState[]; loopback: boolean } {
  const re = globPattern(glob);
  return { ports: junosListedInterfaces(ctx).filter((i) => re.test(i.name)), loopback: re.test('lo0') };
}

/**
 * One interface by name (`ge-0/0/1`, `ge-0/0/1.0`, `lo0`) or every one a glob names; undefined when
 * the box has no such device.
 */
export function renderShowInterface(ctx: RenderContext, name: string): string | undefined {
  if (isInterfaceGlob(name)) {
    const { ports, loopback } = junosInterfacesMatching(ctx, name);
    const blocks = [
      ...ports.map((i) => physicalBlock(ctx, i).join('\n')),
      ...(loopback ? [LOOPBACK.join('\n')] : []),
    ];
    return blocks.length === 0 ? undefined : blocks.join('\n\n');
  }
  if (name === 'lo0') return LOOPBACK.join('\n');
  const [port, unit] = name.split('.');
  const iface = ctx.state.interfaces.find((i) => i.name === port);
  if (!iface) return undefined;
  if (unit === undefined) return physicalBlock(ctx, iface).join('\n');
  if (unit !== '0' || !iface.address) return undefined;
  const up = !isDisabled(ctx, iface) && iface.connected;
  return logicalBlock(ctx, iface, up).slice(1).join('\n');
}
