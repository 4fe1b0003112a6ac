/** `show vlan` and `show vlan brief` on Catalyst switches: every switchport in VLAN 1. */
import type { RenderContext } from '../../../device/render-context.js';
import { iosShortName, isRouted, listedInterfaces } from './ports.js';
import { left } from './text.js';

/** Ports per line of the Ports column before it wraps under itself. */
const PORTS_PER_LINE = 4;
const PORTS_COLUMN = 48;

const LEGACY: ReadonlyArray<[id: number, name: string, type: string, stp: string]> = [
  [1002, 'fddi-default', 'fddi ', '-   '],
  [1003, 'token-ring-default', 'tr   ', '-   '],
  [1004, 'fddinet-default', 'fdnet', 'ieee'],
  [1005, 'trnet-default', 'trnet', 'ibm '],
];

/** The access ports of VLAN 1: switchports that are not shut down by err-disable (all of them here). */
function vlan1Ports(ctx: RenderContext): string[] {
  return listedInterfaces(ctx)
    .filter((i) => !i.mgmt && !isRouted(ctx, i))
    .map((i) => iosShortName(i.name));
}

function vlanRow(id: number, name: string, status: string, ports: readonly string[]): string[] {
  const head = `${left(id, 4)} ${left(name, 32)} ${left(status, 9)} `;
  if (ports.length === 0) return [head];
  const lines: string[] = [];
  for (let i = 0; i < ports.length; i += PORTS_PER_LINE) {
    const chunk = ports.slice(i, i + PORTS_PER_LINE).join(', ');
    lines.push((i === 0 ? head : ' '.repeat(PORTS_COLUMN)) + chunk);
  }
  return lines;
}

function briefTable(ctx: RenderContext): string[] {
  return [
    '',
    'VLAN Name                             Status    Ports',
    '---- -------------------------------- --------- -------------------------------',
    ...vlanRow(1, 'default', 'active', vlan1Ports(ctx)),
    ...LEGACY.flatMap(([id, name]) => vlanRow(id, name, 'act/unsup', [])),
  ];
}

/** Renders `show vlan brief`. */
export function renderShowVlanBrief(ctx: RenderContext): string {
  return briefTable(ctx).join('\n');
}

/** Renders `show vlan`: the brief table, the VLAN parameters, then empty RSPAN and private-VLAN tables. */
export function renderShowVlan(ctx: RenderContext): string {
  const said = (id: number) => String(100_000 + id).padEnd(10);
  return [
    ...briefTable(ctx),
    '',
    'VLAN Type  SAID       MTU   Parent RingNo BridgeNo Stp  BrdgMode Trans1 Trans2',
    '---- ----- ---------- ----- ------ ------ -------- ---- -------- ------ ------',
    `1    enet  ${said(1)} 1500  -      -      -        -    -        0      0   `,
    ...LEGACY.map(
      ([id, , type, stp]) =>
        `${id} ${type} ${said(id)} 1500  -      -      -        ${stp} ${id === 1003 ? 'srb' : '-  '}      0      0   `,
    ),
    '',
    'Remote SPAN VLANs',
    '------------------------------------------------------------------------------',
    '',
    '',
    'Primary Secondary Type              Ports',
    '------- --------- ----------------- ------------------------------------------',
    '',
  ].join('\n');
}
