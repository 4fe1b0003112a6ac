/**
 * The ELS (EX/QFX "L2NG") replies: `get-ethernet-switching-table-information` answers
 * `<l2ng-l2ald-rtb-macdb>` with one `<l2ng-l2ald-mac-entry-vlan junos:style="brief-rtb">` holding
 * the counts and one `<l2ng-mac-entry>` per MAC (NETCONF capture of an 18.2R3 EX); older, non-ELS
 * releases answered `<ethernet-switching-table-information>`, which no box here runs.
 * `get-vlan-information` answers `<l2ng-l2ald-vlan-instance-information>` with one
 * `<l2ng-l2ald-vlan-instance-group>` per VLAN and its members, starred when up as the CLI prints them.
 * The entries are the CLI's (render/switching.ts).
 */
import {
  DEFAULT_SWITCH,
  DEFAULT_VLAN,
  junosSwitchingEntries,
  junosVlanMembers,
} from '../render/switching.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

export function buildEthernetSwitchingTable(ctx: RenderContext): JunosElement {
  const entries = junosSwitchingEntries(ctx);
  return element(
    'l2ng-l2ald-rtb-macdb',
    [
      element(
        'l2ng-l2ald-mac-entry-vlan',
        [
          leaf('mac-count-global', entries.length),
          leaf('learnt-mac-count', entries.length),
          leaf('l2ng-l2-mac-routing-instance', DEFAULT_SWITCH),
          leaf('l2ng-l2-vlan-id', DEFAULT_VLAN.tag),
          ...entries.map((e) =>
            element('l2ng-mac-entry', [
              leaf('l2ng-l2-mac-vlan-name', e.vlan),
              leaf('l2ng-l2-mac-address', e.mac),
              leaf('l2ng-l2-mac-flags', e.flags),
              leaf('l2ng-l2-mac-age', '-'),
              leaf('l2ng-l2-mac-logical-interface', e.interface),
              leaf('l2ng-l2-mac-fwd-next-hop', 0),
              leaf('l2ng-l2-mac-rtr-id', 0),
            ]),
          ),
        ],
        [['junos:style', 'brief-rtb']],
      ),
    ],
    [JUNOS_PREFIX],
  );
}

export function buildVlanInformation(ctx: RenderContext): JunosElement {
  return element(
    'l2ng-l2ald-vlan-instance-information',
    [
      element('l2ng-l2ald-vlan-instance-group', [
        leaf('l2ng-l2rtb-name', DEFAULT_SWITCH),
        leaf('l2ng-l2rtb-vlan-name', DEFAULT_VLAN.name),
        leaf('l2ng-l2rtb-vlan-tag', DEFAULT_VLAN.tag),
        ...junosVlanMembers(ctx).map((member) =>
          element('l2ng-l2rtb-vlan-member', [leaf('l2ng-l2rtb-vlan-member-interface', member)]),
        ),
      ]),
    ],
    [junosNamespace(ctx, 'junos-l2al'), JUNOS_PREFIX, ['junos:style', 'brief']],
  );
}
