/**
 * `get-lldp-neighbors-information` (`show lldp neighbors`): the brief form, element names and order
 * from `show lldp neighbors | display xml` captures (Junos 13.3–17.4). Junos puts a neighbour's port
 * description in the CLI's Port info column when it has one, and then sends
 * `lldp-remote-port-description` instead of the port ID pair (15.1X49 capture); every neighbour here
 * advertises one, so every entry carries it, matching the CLI table.
 */
import { renderMacColons } from '../../../state/mac.js';
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
