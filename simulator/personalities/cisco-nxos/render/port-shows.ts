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

/**
 * The Status column: `connected`, `disabled` when shut, `notconnec` for a cabled port whose link
 * is down (an optic sits in it), `xcvrAbsen` for a port nobody ever cabled.
 */
function status(ctx: RenderContext, iface: InterfaceState): string {
  const f = nxosInterfaceFacts(ctx, iface);
  if (!f.adminUp) return 'disabled';
  if (f.up) return 'connected';
  return iface.documentedPeer ? 'notconnec' : 'xcvrAbsen';
}

function statusRow(ctx: RenderContext, iface: InterfaceState): string {
  const f = nxosInterfaceFacts(ctx, iface);
  const optic = iface.mgmt ? '--' : iface.connected || iface.documentedPeer ? '10Gbase-SR' : '--';
  const speed = f.up ? (iface.mgmt ? String(iface.speed) : nominalSpeed(iface)) : 'auto';
  return (
    left(nxosShortName(iface.name), 14) +
    left((f.description ?? '--').slice(0, 18), 19) +
    left(status(ctx, iface), 10) +
    left(iface.address || iface.memberOf ? 'routed' : '1', 10) +
    left(f.duplex, 8) +
    left(speed, 8) +
    optic
  );
}

/** Renders `show interface status`. */
export function renderShowInterfaceStatus(ctx: RenderContext): string {
  return [
    '',
    RULE,
    'Port          Name               Status    Vlan      Duplex  Speed   Type',
    RULE,
    ...nxosInterfacesInOrder(ctx).map((i) => statusRow(ctx, i)),
  ].join('\n');
}

/** Renders `show interface description`: mgmt0's table, then the Ethernet ports'. */
export function renderShowInterfaceDescription(ctx: RenderContext): string {
  const rule = '-'.repeat(79);
  const description = (iface: InterfaceState) => nxosPortDescription(ctx, iface) ?? '--';
  const mgmt = ctx.state.interfaces.filter((i) => i.mgmt);
  const ports = ctx.state.interfaces.filter((i) => !i.mgmt);
  return [
    '',
    rule,
    `${left('Interface', 25)}${left('Description', 55)}`,
    rule,
    ...mgmt.map((i) => left(i.name, 25) + description(i)),
    '',
    rule,
    'Port          Type   Speed   Description',
    rule,
    ...ports.map(
      (i) => left(nxosShortName(i.name), 14) + left('eth', 7) + left(nominalSpeed(i), 8) + description(i),
    ),
    '',
  ].join('\n');
}
