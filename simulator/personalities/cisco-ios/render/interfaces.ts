/** `show ip interface brief` and `show interfaces status`. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { iosHardware } from './hardware.js';
import { iosShortName, isRouted, isShutdown, lineState, listedInterfaces, portDescription } from './ports.js';
import { left, placeColumns, right } from './text.js';

/** Column stops of `show ip interface brief`; IOS-XE pads Protocol to 8. */
const BRIEF_COLUMNS = [0, 23, 39, 43, 50, 72] as const;

function briefRow(cells: readonly string[]): string {
  return placeColumns(cells.map((text, i) => [text, BRIEF_COLUMNS[i]!] as const));
}

function briefInterfaceRow(ctx: RenderContext, iface: InterfaceState): string {
  const { status, protocol } = lineState(ctx, iface);
  const [address, method] = iface.address ? [iface.address.ip, 'manual'] : ['unassigned', 'unset'];
  return briefRow([iface.name, address, 'YES', method, status, left(protocol, 8)]);
}

/** Renders `show ip interface brief`; Catalyst switches list their (shut) Vlan1 first. */
export function renderShowIpInterfaceBrief(ctx: RenderContext): string {
  const header = briefRow(['Interface', 'IP-Address', 'OK?', 'Method', 'Status', 'Protocol']);
  const vlan1 = iosHardware(ctx).catalyst
    ? [briefRow(['Vlan1', 'unassigned', 'YES', 'NVRAM', 'administratively down', left('down', 8)])]
    : [];
  return [header, ...vlan1, ...listedInterfaces(ctx).map((i) => briefInterfaceRow(ctx, i))].join('\n');
}

/** Transceiver or PHY type by nominal speed, as the Type column names it. */
export const MEDIA_TYPES: Readonly<Record<number, string>> = {
  100: '10/100BaseTX',
  1000: '10/100/1000BaseTX',
  2500: '100/1000/2.5GBaseTX',
  10_000: 'SFP-10GBase-SR',
  25_000: 'SFP-25GBase-SR',
  40_000: 'QSFP 40G SR4',
  100_000: 'QSFP 100G SR4',
};

const COPPER_MAX_SPEED = 2500;

function statusWord(ctx: RenderContext, iface: InterfaceState): string {
  if (isShutdown(ctx, iface)) return 'disabled';
  return iface.connected ? 'connected' : 'notconnect';
}

/** Duplex, speed and type: copper autonegotiates (`a-full a-1000`), optics are fixed (`full 10G`). */
function media(iface: InterfaceState, up: boolean): [duplex: string, speed: string, type: string] {
  const copper = iface.speed <= COPPER_MAX_SPEED;
  if (!copper && !up) return ['auto', 'auto', 'Not Present'];
  const type = MEDIA_TYPES[iface.speed] ?? MEDIA_TYPES[1000]!;
  if (!up) return ['auto', 'auto', type];
  return copper ? ['a-full', `a-${iface.speed}`, type] : ['full', `${iface.speed / 1000}G`, type];
}

/** A port-channel has no media of its own: negotiated duplex, its members' speed, no type. */
function aggregateMedia(ctx: RenderContext, iface: InterfaceState, up: boolean): [string, string, string] {
  if (!up) return ['auto', 'auto', ''];
  const member = ctx.state.interfaces.find((i) => i.memberOf === iface.name)?.speed ?? iface.speed;
  return ['a-full', member >= 10_000 ? `a-${member / 1000}G` : `a-${member}`, ''];
}

function statusRow(ctx: RenderContext, iface: InterfaceState): string {
  const status = statusWord(ctx, iface);
  const up = status === 'connected';
  const [duplex, speed, type] =
    iface.aggregate === undefined ? media(iface, up) : aggregateMedia(ctx, iface, up);
  const name = (portDescription(ctx, iface) ?? '').slice(0, 18);
  const vlan = isRouted(ctx, iface) ? 'routed' : '1';
  return `${left(iosShortName(iface.name), 9)} ${left(name, 18)} ${left(status, 12)} ${left(vlan, 10)} ${right(duplex, 6)} ${right(speed, 6)} ${type}`;
}

/** Renders `show interfaces status` for the physical ports, description cut to 18 characters. */
export function renderShowInterfacesStatus(ctx: RenderContext): string {
  const header = `${left('Port', 9)} ${left('Name', 18)} ${left('Status', 12)} ${left('Vlan', 10)} Duplex  Speed Type`;
  return [header, ...listedInterfaces(ctx).map((i) => statusRow(ctx, i))].join('\n');
}
