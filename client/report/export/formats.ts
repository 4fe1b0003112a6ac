/** The cabling exports `check` and `graph` write, apart from their writers, so `--help` loads none of them. */
export const EXPORT_FORMATS = ['netbox-csv', 'containerlab', 'batfish', 'anta'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);
