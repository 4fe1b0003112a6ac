/** The cabling exports: NetBox cable CSV, containerlab topology, Batfish Layer-1 topology, ANTA catalog. */
import { renderAntaCatalog } from './anta.js';
import { renderBatfishLayer1 } from './batfish.js';
import { renderContainerlab } from './containerlab.js';
import type { ExportFormat } from './formats.js';
import { renderNetboxCsv } from './netbox-csv.js';
import type { ExportCabling, ExportOutput } from './types.js';

export type * from './types.js';
export { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './formats.js';
export { cablingFromCheck, cablingFromGraphInput, cablingFromTopology, observedCables } from './cabling.js';

const WRITERS: Record<ExportFormat, (cabling: ExportCabling) => ExportOutput> = {
  'netbox-csv': renderNetboxCsv,
  containerlab: renderContainerlab,
  batfish: renderBatfishLayer1,
  anta: renderAntaCatalog,
};

/** The cabling in `format`, and the notes for stderr. */
export function renderExport(format: ExportFormat, cabling: ExportCabling): ExportOutput {
  return WRITERS[format](cabling);
}
