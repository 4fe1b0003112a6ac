/**
 * `Cisco-IOS-XE-native:native`: the running configuration as IOS-XE models it — `version`,
 * `hostname`, and `interface` with one list per interface type (`GigabitEthernet`,
 * `TenGigabitEthernet`, …) keyed by the number part of the name (`name` "1/0/1"), each entry
 * holding `description` and the `shutdown` presence leaf. Same facts `show running-config`
 * prints (its helpers), so a change made by any front end reads the same here.
 */
import type { RenderContext } from '../../../device/render-context.js';
import { parseInterfaceName } from '../../../topology/interfaces.js';
import { getKind } from '../../../topology/kinds/index.js';
import { iosHardware } from '../render/hardware.js';
import { listedInterfaces, portDescription, vlan1State } from '../render/ports.js';
import { container, leaf, list, type YangNode } from './tree.js';

const IOS_TYPES = getKind('cisco_ios').interfaceTypes;

/** Lists whose `name` key is a number in the model (uint16/uint32), not a string like "1/0/1". */
const NUMERIC_KEYS = new Set(['Vlan', 'Loopback', 'Port-channel']);

/** `GigabitEthernet1/0/1` → the native list it lives in and its key, or undefined for a name IOS lacks. */
export function nativeInterfaceKey(full: string): { list: string; name: string } | undefined {
  const parsed = parseInterfaceName(full, IOS_TYPES);
  return parsed && parsed.full === full ? { list: parsed.type.name, name: parsed.numbering } : undefined;
}

/** A native list entry (`GigabitEthernet`, "1/0/1") as the full IOS name, if the type exists. */
export function nativeInterfaceName(listName: string, key: string): string | undefined {
  const type = IOS_TYPES.find((t) => t.name === listName);
  return type ? type.name + key : undefined;
}

/** The interfaces a running configuration lists, in its order: ports, then VLAN 1's SVI on a Catalyst. */
export function configuredInterfaces(
  ctx: RenderContext,
): Array<{ name: string; description: string | undefined; shutdown: boolean }> {
  const ports = listedInterfaces(ctx).map((iface) => ({
    name: iface.name,
    description: portDescription(ctx, iface) || undefined,
    shutdown: ctx.config.interfaces.get(iface.name)?.shutdown === true,
  }));
  if (!iosHardware(ctx).catalyst) return ports;
  const vlan1 = ctx.config.interfaces.get('Vlan1');
  return [
    ...ports,
    {
      name: 'Vlan1',
      description: vlan1?.description || undefined,
      shutdown: vlan1State(ctx).status === 'administratively down',
    },
  ];
}

function interfaceContainer(ctx: RenderContext): YangNode {
  const byType = new Map<string, YangNode[][]>();
  for (const iface of configuredInterfaces(ctx)) {
    const key = nativeInterfaceKey(iface.name);
    if (!key) continue;
    const entries = byType.get(key.list) ?? [];
    entries.push([
      leaf('name', NUMERIC_KEYS.has(key.list) ? Number(key.name) : key.name),
      ...(iface.description === undefined ? [] : [leaf('description', iface.description)]),
      ...(iface.shutdown ? [leaf('shutdown', null)] : []),
    ]);
    byType.set(key.list, entries);
  }
  return container(
    'interface',
    [...byType].map(([type, entries]) => list(type, ['name'], entries)),
  );
}

/** `Cisco-IOS-XE-native:native`: version, hostname and the interfaces, in the model's order. */
export function native(ctx: RenderContext): YangNode {
  const train = ctx.state.version.split('.').slice(0, 2).join('.');
  return container(
    'native',
    [leaf('version', train), leaf('hostname', ctx.config.hostname), interfaceContainer(ctx)],
    'Cisco-IOS-XE-native',
  );
}
