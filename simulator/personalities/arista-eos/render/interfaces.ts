/** `show interfaces status`. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { eosShortName, isRouted, isShutdown, listedInterfaces, portDescription } from './ports.js';
import { left, right } from './text.js';

/** Transceiver or PHY by nominal speed, as the Type column names it. */
export const MEDIA_TYPES: Readonly<Record<number, string>> = {
  1000: '10/100/1000',
  10_000: '10GBASE-SR',
  25_000: '25GBASE-SR',
  40_000: '40GBASE-SR4',
  100_000: '100GBASE-SR4',
};

/** `10G`, `100G`; a gigabit port says `1G`. */
const speedWord = (mbps: number) => (mbps >= 1000 ? `${mbps / 1000}G` : `${mbps}M`);

function statusWord(ctx: RenderContext, iface: InterfaceState): string {
  if (isShutdown(ctx, iface)) return 'disabled';
  return iface.connected ? 'connected' : 'notconnect';
}

/**
 * Duplex, speed and type: copper autonegotiates (`a-full a-1G`), optics are fixed (`full 10G`); a
 * port-channel runs at its bundled members' sum and has no media (`N/A`).
 */
function media(iface: InterfaceState): [duplex: string, speed: string, type: string] {
  if (iface.aggregate !== undefined) return ['full', speedWord(iface.speed), 'N/A'];
  const type = MEDIA_TYPES[iface.speed] ?? MEDIA_TYPES[1000]!;
  if (iface.speed <= 1000) return ['a-full', `a-${speedWord(iface.speed)}`, type];
  return ['full', speedWord(iface.speed), type];
}

function statusRow(ctx: RenderContext, iface: InterfaceState): string {
  const [duplex, speed, type] = media(iface);
  const name = (portDescription(ctx, iface) ?? '').slice(0, 22);
  const vlan = iface.memberOf ? `in ${eosShortName(iface.memberOf)}` : isRouted(iface) ? 'routed' : '1';
  return `${left(eosShortName(iface.name), 10)} ${left(name, 22)} ${left(statusWord(ctx, iface), 12)} ${left(vlan, 11)} ${left(duplex, 6)} ${right(speed, 6)} ${type}`;
}

/**
 * Renders `show interfaces status`, front-panel ports, the management port, then the port-channels;
 * a member's Vlan column names its port-channel (`in Po7`).
 */
export function renderShowInterfacesStatus(ctx: RenderContext): string {
  const header = `${left('Port', 10)} ${left('Name', 22)} ${left('Status', 12)} ${left('Vlan', 11)} Duplex  Speed Type`;
  return [header, ...listedInterfaces(ctx).map((i) => statusRow(ctx, i))].join('\n');
}
