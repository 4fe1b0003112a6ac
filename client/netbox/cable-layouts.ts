/** The CSV layouts of NetBox's cable exports: which columns hold each side's device, type and name. */

/** The columns of a CSV layout NetBox writes, per side; `type` only where the file has it. */
export interface CsvLayout {
  name: string;
  a: { device: string; name: string; type?: string };
  b: { device: string; name: string; type?: string };
}

export const CSV_LAYOUTS: readonly CsvLayout[] = [
  {
    name: 'bulk import',
    a: { device: 'side_a_device', type: 'side_a_type', name: 'side_a_name' },
    b: { device: 'side_b_device', type: 'side_b_type', name: 'side_b_name' },
  },
  {
    name: 'web UI export (NetBox 3.3 and later)',
    a: { device: 'device a', name: 'termination a' },
    b: { device: 'device b', name: 'termination b' },
  },
  {
    name: 'web UI export (NetBox 3.2 and earlier)',
    a: { device: 'side a', name: 'termination a' },
    b: { device: 'side b', name: 'termination b' },
  },
];

/** The headers `check --doc` accepts for NetBox, as the refusal of a wrong header lists them. */
export const NETBOX_CSV_HEADERS: readonly string[] = CSV_LAYOUTS.map(
  (l) =>
    `NetBox ${l.name}: ${[l.a.device, l.a.type, l.a.name, l.b.device, l.b.type, l.b.name]
      .filter(Boolean)
      .map((c) => (c!.includes(' ') ? c!.replace(/\b\w/g, (x) => x.toUpperCase()) : c))
      .join(',')}`,
);
