/** One-line-per-port views: `show interfaces description`, `show ip interface brief`, `show vlan`. */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { IP_MTU } from './interface-detail.js';
import { linkHistory, type LinkStatus } from './link-history.js';
import { eosShortName, isRouted, listedInterfaces, portDescription } from './ports.js';
import { left, right } from './text.js';

/** Status and protocol words of the one-line views. */
const BRIEF_STATES: Readonly<Record<LinkStatus, [status: string, protocol: string]>> = {
  connected: ['up', 'up'],
  notconnect: ['down', 'notpresent'],
  disabled: ['admin down', 'down'],
};

const briefState = (ctx: RenderContext, iface: InterfaceState) =>
  BRIEF_STATES[linkHistory(ctx, iface).status];

/** Renders `show interfaces description`: short names, state, and the description when there is one. */
export function renderShowInterfacesDescription(ctx: RenderContext): string {
  const rows = listedInterfaces(ctx).map((iface) => {
    const [status, protocol] = briefState(ctx, iface);
    const description = portDescription(ctx, iface) ?? '';
    return `${left(eosShortName(iface.name), 30)} ${left(status, 14)} ${left(protocol, 18)} ${description}`.trimEnd();
  });
  return [`${left('Interface', 30)} ${left('Status', 14)} ${left('Protocol', 18)} Description`, ...rows].join(
    '\n',
  );
}

/** Renders `show ip interface brief`: the routed ports and the management port (switched ports have no IP). */
export function renderShowIpInterfaceBrief(ctx: RenderContext): string {
  const rows = listedInterfaces(ctx)
    .filter(isRouted)
    .map((iface) => {
      const [status, protocol] = briefState(ctx, iface);
      const address = iface.address ? `${iface.address.ip}/${iface.address.prefix}` : 'unassigned';
      return `${left(iface.name, 17)} ${left(address, 21)} ${left(status, 12)} ${left(protocol, 14)} ${right(IP_MTU, 7)}    ${' '.repeat(7)}`;
    });
  const dashes = [17, 21, 12, 14, 10, 7].map((n) => '-'.repeat(n)).join(' ');
  return [
    `${' '.repeat(79)}Address`,
    `${left('Interface', 17)} ${left('IP Address', 21)} ${left('Status', 12)} ${left('Protocol', 14)} ${right('MTU', 7)}    Owner  `,
    dashes,
    ...rows,
  ].join('\n');
}

/** The switched ports that are up, in VLAN 1 (the only VLAN labfleet configures). */
const activeAccessPorts = (ctx: RenderContext) =>
  listedInterfaces(ctx).filter((i) => !isRouted(i) && linkHistory(ctx, i).status === 'connected');

/** Port names joined by `, ` in lines of at most `width` characters. */
function wrapPorts(names: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    const next = line ? `${line}, ${name}` : name;
    if (next.length + 1 > width && line) {
      lines.push(`${line},`);
      line = name;
    } else line = next;
  }
  return line ? [...lines, line] : [''];
}

/** Renders `show vlan` (and `show vlan brief`, which EOS prints the same): VLAN 1 with its active ports. */
export function renderShowVlan(ctx: RenderContext): string {
  const [first, ...more] = wrapPorts(
    activeAccessPorts(ctx).map((i) => eosShortName(i.name)),
    31,
  );
  return [
    'VLAN  Name                             Status    Ports',
    '----- -------------------------------- --------- -------------------------------',
    `${left(1, 5)} ${left('default', 32)} ${left('active', 9)} ${first}`.trimEnd(),
    ...more.map((line) => `${' '.repeat(49)}${line}`),
  ].join('\n');
}
