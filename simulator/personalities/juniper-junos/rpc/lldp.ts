/**
 * `get-lldp-neighbors-information` (`show lldp neighbors`): the brief form, element names and order
 * from `show lldp neighbors | display xml` captures (Junos 13.3–17.4). Junos puts a neighbour's port
 * description in the CLI's Port info column when it has one, and then sends
 * `lldp-remote-port-description` instead of the port ID pair (15.1X49 capture); every neighbour here
 * advertises one, so every entry carries it, matching the CLI table.
 */
import { renderMacColons } from '../../../state/mac.js';
import { junosLldpDetails } from '../render/lldp.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX } from './namespaces.js';

export function buildLldpNeighbors(ctx: RenderContext): JunosElement {
  const neighbors = ctx.state.protocols.lldp ? ctx.state.neighbors.filter((n) => n.protocol === 'lldp') : [];
  return element(
    'lldp-neighbors-information',
    neighbors.map((n) =>
      element('lldp-neighbor-information', [
        leaf('lldp-local-port-id', n.localInterface),
        leaf('lldp-local-parent-interface-name', '-'),
        leaf('lldp-remote-chassis-id-subtype', 'Mac address'),
        leaf('lldp-remote-chassis-id', renderMacColons(n.chassisMac)),
        leaf('lldp-remote-port-description', n.remoteInterface),
        leaf('lldp-remote-system-name', n.deviceId),
      ]),
    ),
    [JUNOS_PREFIX, ['junos:style', 'brief']],
  );
}

/**
 * `show lldp neighbors detail`: the same `<lldp-neighbors-information>`, styled `detail`, one
 * `<lldp-neighbor-information>` per neighbour carrying the local side (`lldp-index`, `lldp-ttl`,
 * `lldp-timemark`, `lldp-age`, `lldp-local-interface` and the ifIndex as `lldp-local-port-id`) and
 * every TLV the CLI prints. Element names from a detail reply of a QFX (as a Contrail test keeps
 * it) and napalm's `junos_lldp_neighbors_detail_view`; their order follows the CLI's lines, the
 * capture being a dictionary. Values are the CLI's (render/lldp.ts).
 */
export function buildLldpNeighborsDetail(ctx: RenderContext): JunosElement {
  return element(
    'lldp-neighbors-information',
    junosLldpDetails(ctx).map((d) =>
      element('lldp-neighbor-information', [
        leaf('lldp-index', d.index),
        leaf('lldp-ttl', d.ttl),
        leaf('lldp-timemark', d.timeMark),
        leaf('lldp-age', d.ageSeconds),
        leaf('lldp-local-interface', d.localInterface),
        leaf('lldp-local-parent-interface-name', '-'),
        leaf('lldp-local-port-id', d.localPortId),
        leaf('lldp-local-port-ageout-count', 0),
        leaf('lldp-remote-chassis-id-subtype', 'Mac address'),
        leaf('lldp-remote-chassis-id', d.chassisMac),
        leaf('lldp-remote-port-id-subtype', d.portIdType),
        leaf('lldp-remote-port-id', d.portId),
        leaf('lldp-remote-port-description', d.portDescription),
        leaf('lldp-remote-system-name', d.systemName),
        element('lldp-system-description', [leaf('lldp-remote-system-description', d.systemDescription)]),
        leaf('lldp-remote-system-capabilities-supported', d.capabilities),
        leaf('lldp-remote-system-capabilities-enabled', d.capabilities),
        leaf('lldp-remote-management-address-type', 'IPv4(1)'),
        leaf('lldp-remote-management-address', d.mgmtAddress),
        leaf('lldp-remote-management-address-port-id', 1),
        leaf('lldp-remote-management-address-interface-subtype', 'ifIndex(2)'),
        leaf('lldp-remote-management-addr-oid', '1.3.6.1.2.1.31.1.1.1.1.1.'),
      ]),
    ),
    [JUNOS_PREFIX, ['junos:style', 'detail']],
  );
}
