/**
 * `show interfaces terse`: every port, its unit 0 where it has an address (a LAG member's unit 0 is
 * `aenet --> ae0.0`), loopback last.
 */
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { junosListedInterfaces } from './interfaces-detail.js';
import { junosDescription, portState } from './ports.js';

const HEADER = 'Interface               Admin Link Proto    Local                 Remote';

function row(name: string, admin: string, link: string, proto = '', local = ''): string {
  if (!proto) return `${name.padEnd(23)} ${admin.padEnd(5)} ${link}`;
  return `${name.padEnd(23)} ${admin.padEnd(5)} ${link.padEnd(4)} ${proto.padEnd(8)} ${local}`.trimEnd();
}

function rows(ctx: RenderContext, iface: InterfaceState): string[] {
  const shutdown = ctx.config.interfaces.get(iface.name)?.shutdown === true;
  const admin = shutdown ? 'down' : 'up';
  const link = !shutdown && iface.connected ? 'up' : 'down';
  const physical = row(iface.name, admin, link);
  if (iface.memberOf)
    return [physical, row(`${iface.name}.0`, admin, link, 'aenet', `--> ${iface.memberOf}.0`)];
  if (!iface.address) return [physical];
  const { ip, prefix } = iface.address;
  return [physical, row(`${iface.name}.0`, admin, link, 'inet', `${ip}/${prefix}`)];
}

export function renderShowInterfacesTerse(ctx: RenderContext): string {
  const physical = [...ctx.state.interfaces].sort((a, b) => Number(a.mgmt) - Number(b.mgmt));
  return [
    HEADER,
    ...physical.flatMap((i) => rows(ctx, i)),
    row('lo0', 'up', 'up'),
    row('lo0.16385', 'up', 'up', 'inet'),
  ].join('\n');
}

/** `show interfaces descriptions`: the ports that have one; nothing at all when none has. */
export function renderShowInterfacesDescriptions(ctx: RenderContext): string {
  const rows = junosListedInterfaces(ctx).flatMap((iface) => {
    const description = junosDescription(ctx, iface);
    if (!description) return [];
    const { admin, link } = portState(ctx, iface);
    return [`${iface.name.padEnd(15)} ${admin.padEnd(5)} ${link.padEnd(4)} ${description}`];
  });
  return rows.length === 0 ? '' : ['Interface       Admin Link Description', ...rows].join('\n');
}
