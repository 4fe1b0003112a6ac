/**
 * IOS-XE's CDP and LLDP oper models read into neighbours, whatever carries them: RESTCONF's JSON
 * and NETCONF's XML encode the same YANG trees, so each driver hands over a reader for its
 * encoding and the model is read here once.
 */
import type { ObservedNeighbor } from './types.js';

/** How one encoding is read: a leaf's text and a list's entries (or a container, as a list of one). */
export interface ModelReader<N> {
  text(node: N | undefined, name: string): string | undefined;
  list(node: N | undefined, name: string): N[];
}

/** `cdp-neighbor-details` containers: device-name, local-intf-name and port-id of each neighbour. */
export function cdpNeighborsOf<N>(read: ModelReader<N>, containers: readonly N[]): ObservedNeighbor[] {
  return containers
    .flatMap((details) => read.list(details, 'cdp-neighbor-detail'))
    .flatMap((n): ObservedNeighbor[] => {
      const [device, local, port] = [
        read.text(n, 'device-name'),
        read.text(n, 'local-intf-name'),
        read.text(n, 'port-id'),
      ];
      if (!device || !local || !port) return [];
      const platform = read.text(n, 'platform-name');
      const mgmt = read.text(n, 'mgmt-address');
      return [
        {
          protocol: 'cdp',
          localInterface: local,
          remoteDevice: device,
          remoteInterface: port,
          ...(platform ? { platform } : {}),
          ...(mgmt ? { mgmtAddress: mgmt } : {}),
        },
      ];
    });
}

/** `Gi1/0/1` names the port `GigabitEthernet1/0/1`: same numbers, a prefix of the type. */
function sameInterface(short: string, full: string): boolean {
  const [, type = '', numbers = ''] = /^([A-Za-z-]*)(.*)$/.exec(short) ?? [];
  return (
    full.endsWith(numbers) &&
    full.toLowerCase().startsWith(type.toLowerCase()) &&
    full.length > numbers.length
  );
}

/** `lldp-entries` containers: each `lldp-entry`, its management address found in `lldp-intf-details`. */
export function lldpNeighborsOf<N>(read: ModelReader<N>, containers: readonly N[]): ObservedNeighbor[] {
  const details = containers
    .flatMap((e) => read.list(e, 'lldp-intf-details'))
    .flatMap((intf) =>
      read.list(intf, 'lldp-neighbor-details').map((n) => ({ ifName: read.text(intf, 'if-name') ?? '', n })),
    );
  return containers
    .flatMap((e) => read.list(e, 'lldp-entry'))
    .flatMap((e): ObservedNeighbor[] => {
      const [device, local, port] = [
        read.text(e, 'device-id'),
        read.text(e, 'local-interface'),
        read.text(e, 'connecting-interface'),
      ];
      if (!device || !local || !port) return [];
      const detail = details.find(
        ({ ifName, n }) =>
          read.text(n, 'system-name') === device &&
          read.text(n, 'port-id') === port &&
          sameInterface(local, ifName),
      );
      const mgmt = read
        .list(detail?.n, 'mgmt-addrs')
        .map((a) => read.text(a, 'mgmt-addr'))
        .find((a) => a !== undefined);
      return [
        {
          protocol: 'lldp',
          localInterface: local,
          remoteDevice: device,
          remoteInterface: port,
          ...(mgmt ? { mgmtAddress: mgmt } : {}),
        },
      ];
    });
}
