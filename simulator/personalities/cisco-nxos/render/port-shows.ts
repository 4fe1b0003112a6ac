/** `show interface status` and `show interface description`: one line per port. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { left } from '../../cisco-ios/render/text.js';
import { nxosInterfaceFacts, nxosInterfacesInOrder, nxosPortDescription } from './interface-facts.js';
import { nxosShortName } from './names.js';

const RULE = '-'.repeat(80);

/** `10G`, `1000`: the nominal speed as the brief tables print it. */
const nominalSpeed = (iface: InterfaceState) =>
  iface.speed >= 10_000 ? `${iface.speed / 1000}G` : String(iface.speed);

/** The port states `show interface status` knows; the text column keeps their first nine letters. */
export type NxosPortStatus = 'connected' | 'disabled' | 'notconnect' | 'xcvrAbsent';

/** One row of `show interface status`, as data: the text table and the structured body print it. */
export interface NxosStatusRow {
  name: string;
  description?: string;
  status: NxosPortStatus;
  /** `routed` or the access VLAN. */
  vlan: string;
  duplex: string;
  speed: string;
  /** The optic (`10Gbase-SR`), `--` when there is none. */
  type: string;
}

/**
 * The Status column: `connected`, `disabled` when shut, `notconnect` for a cabled port whose link
 * is down (an optic sits in it), `xcvrAbsent` for a port nobody ever cabled.
 */
function status(ctx: RenderContext, iface: InterfaceState): NxosPortStatus {
  const f = nxosInterfaceFacts(ctx, iface);
  if (!f.adminUp) return 'disabled';
  if (f.up) return 'connected';
  return iface.documentedPeer ? 'notconnect' : 'xcvrAbsent';
}

function statusRowOf(ctx: RenderContext, iface: InterfaceState): NxosStatusRow {
  const f = nxosInterfaceFacts(ctx, iface);
  const optic = iface.mgmt ? '--' : iface.connected || iface.documentedPeer ? '10Gbase-SR' : '--';
  return {
    name: iface.name,
    ...(f.description === undefined ? {} : { description: f.description }),
    status: status(ctx, iface),
    vlan: iface.address || iface.memberOf ? 'routed' : '1',
    duplex: f.duplex,
    speed: f.up ? (iface.mgmt ? String(iface.speed) : nominalSpeed(iface)) : 'auto',
    type: optic,
  };
}

/** The rows of `show interface status`: mgmt0, then the Ethernet ports. */
export const nxosStatusRows = (ctx: RenderContext): NxosStatusRow[] =>
  nxosInterfacesInOrder(ctx).map((i) => statusRowOf(ctx, i));

function statusLine(row: NxosStatusRow): string {
  return (
    left(nxosShortName(row.name), 14) +
    left((row.description ?? '--').slice(0, 18), 19) +
    left(row.status.slice(0, 9), 10) +
    left(row.vlan, 10) +
    left(row.duplex, 8) +
    left(row.speed, 8) +
    row.type
  );
}

/** Renders `show interface status`. */
export function renderShowInterfaceStatus(ctx: RenderContext): string {
  return [
    '',
    RULE,
    'Port          Name               Status    Vlan      Duplex  Speed   Type',
    RULE,
    ...nxosStatusRows(ctx).map(statusLine),
  ].join('\n');
}

/** One row of `show interface description`; `type` and `speed` only for Ethernet ports. */
export interface NxosDescriptionRow {
  name: string;
  mgmt: boolean;
  speed: string;
  description?: string;
}

/** The rows of `show interface description`: mgmt0's, then the Ethernet ports'. */
export function nxosDescriptionRows(ctx: RenderContext): NxosDescriptionRow[] {
  const row = (iface: InterfaceState): NxosDescriptionRow => {
    const description = nxosPortDescription(ctx, iface);
    return {
      name: iface.name,
      mgmt: iface.mgmt === true,
      speed: nominalSpeed(iface),
      ...(description === undefined ? {} : { description }),
    };
  };
  return [
    ...ctx.state.interfaces.filter((i) => i.mgmt).map(row),
    ...ctx.state.interfaces.filter((i) => !i.mgmt).map(row),
  ];
}

/** Renders `show interface description`: mgmt0's table, then the Ethernet ports'. */
export function renderShowInterfaceDescription(ctx: RenderContext): string {
  const rule = '-'.repeat(79);
  const rows = nxosDescriptionRows(ctx);
  const description = (row: NxosDescriptionRow) => row.description ?? '--';
  return [
    '',
    rule,
    `${left('Interface', 25)}${left('Description', 55)}`,
    rule,
    ...rows.filter((r) => r.mgmt).map((r) => left(r.name, 25) + description(r)),
    '',
    rule,
    'Port          Type   Speed   Description',
    rule,
    ...rows
      .filter((r) => !r.mgmt)
      .map((r) => left(nxosShortName(r.name), 14) + left('eth', 7) + left(r.speed, 8) + description(r)),
    '',
  ].join('\n');
}
