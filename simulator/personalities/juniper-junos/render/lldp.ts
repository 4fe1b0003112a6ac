/** `show lldp neighbors` and `show lldp neighbors detail`, as Junos prints them. */
import { portInfo, specOf } from '../../../state/identity.js';
import { renderMacColons } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import type { RenderContext } from '../../../device/render-context.js';
import { lldpSystemDescription } from '../../software.js';
import { junosIfIndex } from './chassis.js';

const HEADER = 'Local Interface    Parent Interface    Chassis Id          Port info          System Name';

/** Every platform here advertises a 120-second TTL, refreshed every 30 seconds. */
const TTL = 120;
const INTERVAL = 30;

function lldpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.protocols.lldp ? ctx.state.neighbors.filter((n) => n.protocol === 'lldp') : [];
}

/** A field padded to its column; one that overruns still gets a single space after it. */
const cell = (text: string, width: number) => (text.length < width ? text.padEnd(width) : `${text} `);

/** Renders the brief table; Junos prints nothing at all when it has no neighbours. */
export function renderShowLldpNeighbors(ctx: RenderContext): string {
  const neighbors = lldpNeighbors(ctx);
  if (neighbors.length === 0) return '';
  const rows = neighbors.map(
    (n) =>
      cell(n.localInterface, 19) +
      cell('-', 20) +
      cell(renderMacColons(n.chassisMac), 20) +
      cell(n.remoteInterface, 19) +
      n.deviceId,
  );
  return [HEADER, ...rows].join('\n');
}

/** Port ID TLV: Junos sends its ifIndex (locally assigned), IOS its short name, the others the name. */
function portId(n: Neighbor): { type: string; id: string } {
  if (n.peerPlatform === 'juniper_junos') {
    const index = portInfo({ platform: n.peerPlatform, model: n.model }, n.remoteInterface).index;
    return { type: 'Locally assigned', id: String(junosIfIndex(index)) };
  }
  if (n.peerPlatform === 'cisco_ios') {
    const { kind } = specOf({ platform: n.peerPlatform, model: n.model });
    const type = kind.interfaceTypes.find((t) => n.remoteInterface.startsWith(t.name));
    const short = type ? type.short + n.remoteInterface.slice(type.name.length) : n.remoteInterface;
    return { type: 'Interface name', id: short };
  }
  return { type: 'Interface name', id: n.remoteInterface };
}

/** LLDP system capabilities in TLV bit order, from the names the state keeps. */
const CAPABILITIES: ReadonlyArray<[name: string, aliases: readonly string[]]> = [
  ['Other', ['Other']],
  ['Repeater', ['Repeater']],
  ['Bridge', ['Bridge', 'Switch']],
  ['WLAN Access Point', ['WLAN Access Point']],
  ['Router', ['Router']],
  ['Telephone', ['Telephone', 'Phone']],
  ['DOCSIS Cable Device', ['DOCSIS Cable Device']],
  ['Station Only', ['Station', 'Host']],
];

function lldpCapabilities(n: Neighbor): string {
  return CAPABILITIES.filter(([, aliases]) => aliases.some((a) => n.capabilities.includes(a)))
    .map(([name]) => name)
    .join(' ');
}

/** Seconds since the last advertisement, moving with the fleet's clock. */
function age(ctx: RenderContext, n: Neighbor): number {
  const elapsed = Math.max(0, Math.floor(ctx.uptimeSeconds - ctx.state.uptimeAtStart));
  return (TTL - n.holdtime + elapsed) % INTERVAL;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `Thu Jan 15 09:29:41 2026`: when the last advertisement arrived. */
function timeMark(ms: number): string {
  const d = new Date(ms);
  const clock = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${pad2(d.getUTCDate())} ${clock} ${d.getUTCFullYear()}`;
}

/** One neighbour's full record, as `show lldp neighbors detail` lists it. */
export interface JunosLldpDetail {
  index: number;
  ttl: number;
  /** `Thu Jan 15 09:29:41 2026` */
  timeMark: string;
  ageSeconds: number;
  localInterface: string;
  localPortId: number;
  chassisMac: string;
  portIdType: string;
  portId: string;
  portDescription: string;
  systemName: string;
  systemDescription: string;
  /** `Bridge Router` */
  capabilities: string;
  mgmtAddress: string;
}

/** Every neighbour's record, numbered from 1. */
export function junosLldpDetails(ctx: RenderContext): JunosLldpDetail[] {
  return lldpNeighbors(ctx).map((n, i) => {
    const seconds = age(ctx, n);
    const port = portId(n);
    return {
      index: i + 1,
      ttl: TTL,
      timeMark: timeMark(ctx.now - seconds * 1000),
      ageSeconds: seconds,
      localInterface: n.localInterface,
      localPortId: junosIfIndex(portInfo(ctx.state, n.localInterface).index),
      chassisMac: renderMacColons(n.chassisMac),
      portIdType: port.type,
      portId: port.id,
      portDescription: n.remoteInterface,
      systemName: n.deviceId,
      systemDescription: lldpSystemDescription(
        n.peerPlatform,
        specOf({ platform: n.peerPlatform, model: n.model }).model,
        n.version,
      ).join(' '),
      capabilities: lldpCapabilities(n),
      mgmtAddress: n.mgmtAddress,
    };
  });
}

function detailEntry(d: JunosLldpDetail): string[] {
  return [
    'LLDP Neighbor Information:',
    'Local Information:',
    `Index: ${d.index} Time to live: ${d.ttl} Time mark: ${d.timeMark} Age: ${d.ageSeconds} secs `,
    `Local Interface    : ${d.localInterface}`,
    'Parent Interface   : -',
    `Local Port ID      : ${d.localPortId}`,
    'Ageout Count       : 0',
    '',
    'Neighbour Information:',
    'Chassis type       : Mac address',
    `Chassis ID         : ${d.chassisMac}`,
    `Port type          : ${d.portIdType}`,
    `Port ID            : ${d.portId}`,
    `Port description   : ${d.portDescription}`,
    `System name        : ${d.systemName}`,
    '',
    `System Description : ${d.systemDescription}`,
    '',
    '',
    'System capabilities ',
    `        Supported: ${d.capabilities} `,
    `        Enabled  : ${d.capabilities} `,
    '',
    'Management address ',
    '        Address Type      : IPv4(1)',
    `        Address           : ${d.mgmtAddress}`,
    '        Interface Number  : 1',
    '        Interface Subtype : ifIndex(2)',
    '        OID               : 1.3.6.1.2.1.31.1.1.1.1.1.',
    '',
  ];
}

/** Renders every neighbour's full record, one `LLDP Neighbor Information:` block each. */
export function renderShowLldpNeighborsDetail(ctx: RenderContext): string {
  return junosLldpDetails(ctx).flatMap(detailEntry).join('\n').trimEnd();
}
