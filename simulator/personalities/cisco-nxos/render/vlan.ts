/** `show vlan` and `show vlan brief`: VLAN 1 with the switched ports, plus VLANs configured since. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosShortName } from './names.js';

export interface NxosVlan {
  id: number;
  name: string;
  /** Full port names, in order. */
  ports: string[];
}

/** Switched ports (no address) sit in VLAN 1; `vlan N` typed in configuration mode adds an empty one. */
export function nxosVlans(ctx: RenderContext): NxosVlan[] {
  const switched = ctx.state.interfaces
    .filter((i: InterfaceState) => !i.mgmt && !i.address)
    .map((i) => i.name);
  const configured = ctx.config.lines
    .map((line) => /^vlan (\d+)$/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
    .filter((id) => id !== 1);
  const ids = [...new Set(configured)].sort((a, b) => a - b);
  return [
    { id: 1, name: 'default', ports: switched },
    ...ids.map((id) => ({ id, name: `VLAN${String(id).padStart(4, '0')}`, ports: [] })),
  ];
}

/** The Ports column holds at most 32 characters a line; longer lists wrap under it. */
const PORTS_WIDTH = 32;

function portLines(ports: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const port of ports.map(nxosShortName)) {
    const next = line === '' ? port : `${line}, ${port}`;
    if (next.length > PORTS_WIDTH && line !== '') {
      lines.push(`${line},`);
      line = port;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => l.replace(/,$/, ''));
}

function briefLines(ctx: RenderContext): string[] {
  return [
    '',
    'VLAN Name                             Status    Ports',
    '---- -------------------------------- --------- -------------------------------',
    ...nxosVlans(ctx).flatMap((vlan) => {
      const [first, ...rest] = portLines(vlan.ports);
      const head = left(vlan.id, 5) + left(vlan.name, 33) + 'active';
      return [first ? `${left(head, 48)}${first}` : head, ...rest.map((l) => ' '.repeat(48) + l)];
    }),
  ];
}

/** Renders `show vlan brief`. */
export const renderShowVlanBrief = (ctx: RenderContext): string => [...briefLines(ctx), ''].join('\n');

/** Renders `show vlan`: the brief table, the VLAN types, then the (empty) SPAN and private VLAN tables. */
export function renderShowVlan(ctx: RenderContext): string {
  return [
    ...briefLines(ctx),
    '',
    'VLAN Type         Vlan-mode',
    '---- -----        ----------',
    ...nxosVlans(ctx).map((vlan) => `${left(vlan.id, 5)}enet         CE     `),
    '',
    'Remote SPAN VLANs',
    '-'.repeat(79),
    '',
    'Primary  Secondary  Type             Ports',
    '-------  ---------  ---------------  -------------------------------------------',
    '',
  ].join('\n');
}
