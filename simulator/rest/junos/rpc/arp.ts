/**
 * `get-arp-table-information` (`show arp [no-resolve]`): element names, the `junos-arp` namespace
 * and the `normal` / `no-resolve` styles from `show arp | display xml` captures (15.1F4, 16.1R3,
 * 23.2R2); `no-resolve` drops `<hostname>`. The entries are those the CLI lists.
 */
import { junosUnit } from '../../../personalities/juniper-junos/render/arp.js';
import type { RenderContext } from '../../../personalities/render-context.js';
import { renderMacColons } from '../../../state/mac.js';
import { element, flag, leaf, type JunosElement } from '../tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

export function buildArpTable(ctx: RenderContext, noResolve: boolean): JunosElement {
  const entries = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
  return element(
    'arp-table-information',
    [
      ...entries.map((e) =>
        element('arp-table-entry', [
          leaf('mac-address', renderMacColons(e.mac!)),
          leaf('ip-address', e.address),
          ...(noResolve ? [] : [leaf('hostname', e.address)]),
          leaf('interface-name', junosUnit(e.interface)),
          element('arp-table-entry-flags', [flag('none')]),
        ]),
      ),
      leaf('arp-entry-count', entries.length),
    ],
    [junosNamespace(ctx, 'junos-arp'), JUNOS_PREFIX, ['junos:style', noResolve ? 'no-resolve' : 'normal']],
  );
}

/** `show arp` with the Name column (vMX capture layout); the CLI here only knows `no-resolve`. */
export function renderShowArp(ctx: RenderContext): string {
  const entries = ctx.state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
  const rows = entries.map(
    (e) =>
      `${renderMacColons(e.mac!)} ${e.address.padEnd(16)}${e.address.padEnd(26)}${junosUnit(e.interface).padEnd(24)}none`,
  );
  return [
    'MAC Address       Address         Name                      Interface               Flags',
    ...rows,
    `Total entries: ${entries.length}`,
  ].join('\n');
}
