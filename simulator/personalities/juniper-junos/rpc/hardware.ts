/**
 * `get-chassis-inventory` (`show chassis hardware`): `<chassis-inventory>` in the `junos-chassis`
 * namespace holding one `<chassis junos:style="inventory">` (name, serial-number, description),
 * then the modules nested as the CLI indents them: `<chassis-module>`, `<chassis-sub-module>`,
 * `<chassis-sub-sub-module>` (captures of vSRX 15.1X49, ACX5048 17.1, MX10003 20.4); a column the
 * CLI leaves blank has no element (`Pseudo CB 0` is a bare `<name>`). The rows are the CLI's
 * (render/hardware.ts).
 */
import { junosInventory, type InventoryRow } from '../render/hardware.js';
import type { RenderContext } from '../../../device/render-context.js';
import { element, leaf, type JunosElement } from './tree.js';
import { JUNOS_PREFIX, junosNamespace } from './namespaces.js';

const MODULE = ['chassis-module', 'chassis-sub-module', 'chassis-sub-sub-module'] as const;

function fields(row: InventoryRow): JunosElement[] {
  return [
    leaf('name', row.item),
    ...(row.version ? [leaf('version', row.version)] : []),
    ...(row.part ? [leaf('part-number', row.part)] : []),
    ...(row.serial ? [leaf('serial-number', row.serial)] : []),
    ...(row.description ? [leaf('description', row.description)] : []),
  ];
}

/** Rows from `start` that sit below `depth`, nested; returns the elements and where it stopped. */
function nest(rows: readonly InventoryRow[], start: number, depth: number): [JunosElement[], number] {
  const out: JunosElement[] = [];
  let i = start;
  while (i < rows.length && rows[i]!.depth >= depth) {
    const row = rows[i]!;
    const [children, next] = nest(rows, i + 1, row.depth + 1);
    out.push(element(MODULE[Math.min(row.depth, MODULE.length - 1)]!, [...fields(row), ...children]));
    i = next;
  }
  return [out, i];
}

export function buildChassisInventory(ctx: RenderContext): JunosElement {
  const [chassis, ...modules] = junosInventory(ctx);
  const [nested] = nest(modules, 0, 0);
  return element(
    'chassis-inventory',
    [element('chassis', [...fields(chassis!), ...nested], [['junos:style', 'inventory']])],
    [junosNamespace(ctx, 'junos-chassis'), JUNOS_PREFIX],
  );
}
