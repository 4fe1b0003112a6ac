/**
 * NetBox's cable bulk import (Connections → Cables → Import, CSV): the columns of NetBox's
 * CableImportForm, one row per cable, both ends `dcim.interface` terminations named as the devices
 * name their interfaces, status `connected`. The devices and interfaces must already exist in NetBox.
 */
import type { ExportCabling, ExportOutput } from './types.js';

export const NETBOX_CABLE_COLUMNS = [
  'side_a_device',
  'side_a_type',
  'side_a_name',
  'side_b_device',
  'side_b_type',
  'side_b_name',
  'status',
] as const;

const INTERFACE = 'dcim.interface';

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderNetboxCsv(cabling: ExportCabling): ExportOutput {
  const rows = cabling.cables.map((c) =>
    [c.a.device, INTERFACE, c.a.interface, c.b.device, INTERFACE, c.b.interface, 'connected']
      .map(csvField)
      .join(','),
  );
  return { text: [NETBOX_CABLE_COLUMNS.join(','), ...rows].join('\n') + '\n', notes: [] };
}
