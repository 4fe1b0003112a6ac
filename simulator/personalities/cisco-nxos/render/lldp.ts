/** `show lldp neighbors` and `show lldp neighbors detail`, NX-OS layout. */
import { renderMacDotted } from '../../../state/mac.js';
import type { Neighbor } from '../../../state/neighbors.js';
import type { RenderContext } from '../../../device/render-context.js';
import { lldpCapabilityLetters, lldpPortId } from '../../lldp-facts.js';
import { lldpSystemDescription } from '../../software.js';
import { peerModel, remainingHold } from '../../cisco-ios/render/neighbor-facts.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosShortName } from './names.js';
import { nxosMajor } from './version.js';

const HEADER = [
  'Capability codes:',
  '  (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS Cable Device',
  '  (W) WLAN Access Point, (P) Repeater, (S) Station, (O) Other',
  'Device ID            Local Intf      Hold-time  Capability  Port ID  ',
];

/** Every platform here advertises a 120-second TTL. */
const ADVERTISED_TTL = 120;

function lldpNeighbors(ctx: RenderContext): Neighbor[] {
  return ctx.state.neighbors.filter((n) => n.protocol === 'lldp');
}

/** Renders `show lldp neighbors`: the Device ID is cut at 20 characters. */
export function renderShowLldpNeighbors(ctx: RenderContext): string {
  const neighbors = lldpNeighbors(ctx);
  const rows = neighbors.map(
    (n) =>
      left(n.deviceId.slice(0, 20), 21) +
      left(nxosShortName(n.localInterface), 16) +
      left(ADVERTISED_TTL, 11) +
      left(lldpCapabilityLetters(n).join(''), 12) +
      lldpPortId(n),
  );
  return [...HEADER, ...rows, '', `Total entries displayed: ${neighbors.length}`].join('\n');
}

function detailEntry(ctx: RenderContext, n: Neighbor): string[] {
  const [first = '', ...more] = lldpSystemDescription(n.peerPlatform, peerModel(n), n.version);
  const capabilities = lldpCapabilityLetters(n).join(', ');
  const ipv6 = nxosMajor(ctx.state.version) >= 9 ? ['Management Address IPV6: not advertised'] : [];
  return [
    `Chassis id: ${renderMacDotted(n.chassisMac)}`,
    `Port id: ${lldpPortId(n)}`,
    `Local Port id: ${nxosShortName(n.localInterface)}`,
    `Port Description: ${n.remoteInterface}`,
    `System Name: ${n.deviceId}`,
    `System Description: ${first}`,
    ...more,
    `Time remaining: ${remainingHold(ctx, n)} seconds`,
    `System Capabilities: ${capabilities}`,
    `Enabled Capabilities: ${capabilities}`,
    `Management Address: ${n.mgmtAddress}`,
    ...ipv6,
    `Vlan ID: ${lldpCapabilityLetters(n).includes('B') ? '1' : 'not advertised'}`,
  ];
}

/** Renders `show lldp neighbors detail`: entries two blank lines apart, one before the total. */
export function renderShowLldpNeighborsDetail(ctx: RenderContext): string {
  const neighbors = lldpNeighbors(ctx);
  const entries = neighbors.flatMap((n, i) => [...(i > 0 ? ['', ''] : []), ...detailEntry(ctx, n)]);
  const body = entries.length > 0 ? [...entries, ''] : [];
  return [...HEADER, '', ...body, `Total entries displayed: ${neighbors.length}`].join('\n');
}
