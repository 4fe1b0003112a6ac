/** The device's datastore: one RFC 7951 tree per top-level node, built only when asked for. */
import type { RenderContext } from '../../../device/render-context.js';
import type { Rooted, YangNode } from './tree.js';
import { cdpNeighborDetails, lldpEntries, openconfigLldp } from './discovery.js';
import { ietfInterfaces, ietfInterfacesState, operInterfaces } from './interfaces.js';
import { native } from './native.js';
import { arpData, ciscoPlatformSoftware, deviceHardwareData, memoryStatistics } from './system.js';

export interface TopLevel {
  module: string;
  name: string;
  /** Configuration (writable) rather than operational state. */
  config: boolean;
  build(ctx: RenderContext): YangNode;
}

/** Configuration first, then operational data, as a datastore listing shows them. */
export const TOP_LEVEL: readonly TopLevel[] = [
  { module: 'Cisco-IOS-XE-native', name: 'native', config: true, build: native },
  { module: 'ietf-interfaces', name: 'interfaces', config: true, build: ietfInterfaces },
  { module: 'ietf-interfaces', name: 'interfaces-state', config: false, build: ietfInterfacesState },
  { module: 'Cisco-IOS-XE-arp-oper', name: 'arp-data', config: false, build: arpData },
  { module: 'Cisco-IOS-XE-cdp-oper', name: 'cdp-neighbor-details', config: false, build: cdpNeighborDetails },
  {
    module: 'Cisco-IOS-XE-device-hardware-oper',
    name: 'device-hardware-data',
    config: false,
    build: deviceHardwareData,
  },
  { module: 'Cisco-IOS-XE-interfaces-oper', name: 'interfaces', config: false, build: operInterfaces },
  { module: 'Cisco-IOS-XE-lldp-oper', name: 'lldp-entries', config: false, build: lldpEntries },
  { module: 'Cisco-IOS-XE-memory-oper', name: 'memory-statistics', config: false, build: memoryStatistics },
  {
    module: 'Cisco-IOS-XE-platform-software-oper',
    name: 'cisco-platform-software',
    config: false,
    build: ciscoPlatformSoftware,
  },
  { module: 'openconfig-lldp', name: 'lldp', config: false, build: openconfigLldp },
];

const rooted = (ctx: RenderContext, tops: readonly TopLevel[]): Rooted[] =>
  tops.map((t) => ({ module: t.module, node: t.build(ctx) }));

/** The top-level nodes a path's first segment may name (any module when it names none), built. */
export function selectTopLevel(ctx: RenderContext, name: string, module: string | undefined): Rooted[] {
  return rooted(
    ctx,
    TOP_LEVEL.filter((t) => t.name === name && (module === undefined || t.module === module)),
  );
}

/** Every top-level node, or those with these local names, built. */
export function buildDatastore(ctx: RenderContext, names?: readonly string[]): Rooted[] {
  return rooted(ctx, names ? TOP_LEVEL.filter((t) => names.includes(t.name)) : TOP_LEVEL);
}

export { deviceSeconds } from './system.js';
