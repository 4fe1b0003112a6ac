/** The running fleet as an inventory other tools read: JSON, Ansible, Nornir or CSV. */
import type { InventoryDevice } from './inventory/device.js';
import { renderAnsible } from './inventory/ansible.js';
import { nornirCompanionPaths } from '../format/nornir-files.js';
import { renderNornirDefaults, renderNornirGroups, renderNornirHosts } from './inventory/nornir.js';

export { nornirCompanionPaths } from '../format/nornir-files.js';
export type { InventoryDevice } from './inventory/device.js';

export type InventoryFormat = 'json' | 'ansible' | 'nornir' | 'csv';

/**
 * What an inventory says about the fleet as a whole. `control_url` (the control API) goes where
 * each format keeps fleet-wide values: top level of the JSON, `all.vars` for Ansible, the defaults
 * file's `data` for Nornir; a CSV has rows of devices only, so it has none.
 */
export interface InventoryFleet {
  controlUrl?: string;
}
export const INVENTORY_FORMATS: readonly InventoryFormat[] = ['json', 'ansible', 'nornir', 'csv'];

/** The main inventory file's text (for Nornir: the hosts file; see `renderInventoryFiles`). */
export function renderInventory(
  devices: readonly InventoryDevice[],
  format: InventoryFormat,
  fleet: InventoryFleet = {},
): string {
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          { ...(fleet.controlUrl === undefined ? {} : { control_url: fleet.controlUrl }), devices },
          null,
          2,
        ) + '\n'
      );
    case 'csv':
      return (
        [
          'name,platform,model,host,port,username,password,secret,rest_url,netconf_port',
          ...devices.map(csvRow),
        ].join('\n') + '\n'
      );
    case 'nornir':
      return renderNornirHosts(devices);
    case 'ansible':
      return renderAnsible(devices, fleet.controlUrl);
  }
}

/**
 * Every file an inventory is made of, `file` first. Nornir's SimpleInventory reads three: hosts
 * (`file`), groups and defaults, written next to it (see `nornirCompanionPaths`).
 */
export function renderInventoryFiles(
  devices: readonly InventoryDevice[],
  format: InventoryFormat,
  file: string,
  fleet: InventoryFleet = {},
): Array<{ path: string; text: string }> {
  const main = { path: file, text: renderInventory(devices, format, fleet) };
  if (format !== 'nornir') return [main];
  const { groups, defaults } = nornirCompanionPaths(file);
  return [
    main,
    { path: groups, text: renderNornirGroups(devices) },
    { path: defaults, text: renderNornirDefaults(fleet.controlUrl) },
  ];
}

function csvRow(d: InventoryDevice): string {
  const cell = (v: string | number | undefined) =>
    v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
  return [
    d.name,
    d.platform,
    d.model,
    d.host,
    d.port,
    d.username,
    d.password,
    d.secret,
    d.rest_url,
    d.netconf_port,
  ]
    .map(cell)
    .join(',');
}
