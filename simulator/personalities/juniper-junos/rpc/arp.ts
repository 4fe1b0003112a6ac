/**
 * `get-arp-table-information` (`show arp [no-resolve]`): element names, the `junos-arp` namespace
 * and the `normal` / `no-resolve` styles from `show arp | display xml` captures (15.1F4, 16.1R3,
 * 23.2R2); `no-resolve` drops `<hostname>`. The entries are those the CLI lists, from the same facts.
 */
import { junosArpEntries } from '../render/arp.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, flag, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

/** The text form of `show arp` is the CLI's own. */

export function buildArpTable(ctx: RenderContext, noResolve: boolean): JunosElement {
  const entries = junosArpEntries(ctx);
  return element(
    'arp-table-information',
    [
      ...entries.map((e) =>
        element('arp-table-entry', [
          leaf('mac-address', e.mac),
          leaf('ip-address', e.address),
          ...(noResolve ? [] : [leaf('hostname', e.name)]),
          leaf('interface-name', e.interface),
          element('arp-table-entry-flags', [flag(e.flags)]),
        ]),
      ),
      leaf('arp-entry-count', entries.length),
    ],
    [junosNamespace(ctx, 'junos-arp'), JUNOS_PREFIX, ['junos:style', noResolve ? 'no-resolve' : 'normal']],
  );
}
