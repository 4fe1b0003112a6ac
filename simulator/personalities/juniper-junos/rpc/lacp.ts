/**
 * `get-lacp-interface-information` (`show lacp interfaces`): `<lacp-interface-information-list>` in
 * the `junos-lacpd` namespace, one `<lacp-interface-information>` per aggregate holding its
 * `<lag-lacp-header><aggregate-name>`, an actor and a partner `<lag-lacp-state>` per member, then a
 * `<lag-lacp-protocol>` per member (element names as Junos PyEZ's LacpPortTable reads them). The
 * states are the CLI's (render/lacp.ts).
 */
import { junosLacpAggregates, type LacpRoleState } from '../render/lacp.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function lacpState(name: string, s: LacpRoleState): JunosElement {
  return element('lag-lacp-state', [
    leaf('name', name),
    leaf('lacp-role', s.role),
    leaf('lacp-expired', yesNo(s.expired)),
    leaf('lacp-defaulted', yesNo(s.defaulted)),
    leaf('lacp-distributing', yesNo(s.distributing)),
    leaf('lacp-collecting', yesNo(s.collecting)),
    leaf('lacp-synchronization', yesNo(s.synchronization)),
    leaf('lacp-aggregation', yesNo(s.aggregation)),
    leaf('lacp-timeout', s.timeout),
    leaf('lacp-activity', s.activity),
  ]);
}

export function buildLacpInterfaces(ctx: RenderContext): JunosElement {
  return element(
    'lacp-interface-information-list',
    junosLacpAggregates(ctx).map((aggregate) =>
      element('lacp-interface-information', [
        element('lag-lacp-header', [leaf('aggregate-name', aggregate.name)]),
        ...aggregate.members.flatMap((m) => [lacpState(m.name, m.actor), lacpState(m.name, m.partner)]),
        ...aggregate.members.map((m) =>
          element('lag-lacp-protocol', [
            leaf('name', m.name),
            leaf('lacp-receive-state', m.receive),
            leaf('lacp-transmit-state', m.transmit),
            leaf('lacp-mux-state', m.mux),
          ]),
        ),
      ]),
    ),
    [junosNamespace(ctx, 'junos-lacpd'), JUNOS_PREFIX, ['junos:style', 'normal']],
  );
}
