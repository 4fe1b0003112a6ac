/**
 * NetBox's devices, as its bulk-import CSV (`name,role,manufacturer,device_type,platform,site,…`),
 * its web UI's CSV export (`Name,Role,Manufacturer,Type,Platform,Site,…`) or the REST API's
 * `/api/dcim/devices/` JSON write them: what an import needs to pick a kind and a model.
 */
import type { Diagnostic } from '../../simulator/errors.js';
import {
  atLine,
  atPath,
  csvDiagnostic,
  field,
  headerIndex,
  jsonDiagnostic,
  parseJsonList,
  splitCsvRecords,
  type Located,
} from '../netbox/read.js';

/** One NetBox device, each text as NetBox wrote it (a slug where the file has one, else a name). */
export interface NetboxDevice {
  name: string;
  platform?: string;
  manufacturer?: string;
  deviceType?: string;
  partNumber?: string;
  role?: string;
  site?: string;
  /** Where the device is in its file. */
  at: Located;
}

export interface NetboxDevices {
  devices: NetboxDevice[];
  problems: Diagnostic[];
  /** Set when the file is not a NetBox device export at all. */
  invalid?: Diagnostic[];
}

/** CSV columns per field, the import form's name first, then the UI export's and older ones. */
const COLUMNS = {
  name: ['name'],
  platform: ['platform'],
  manufacturer: ['manufacturer'],
  deviceType: ['device_type', 'type', 'device type'],
  partNumber: ['part_number', 'part number'],
  role: ['role', 'device_role', 'device role'],
  site: ['site'],
} as const;

/** Reads NetBox devices: JSON when the text is JSON, else CSV. */
export function readNetboxDevices(text: string, file: string): NetboxDevices {
  return /^\s*[[{]/.test(text) ? readJson(text, file) : readCsv(text, file);
}

function readCsv(text: string, file: string): NetboxDevices {
  const [header, ...rows] = splitCsvRecords(text);
  const columns = headerIndex(header);
  const index = (names: readonly string[]) => names.map((n) => columns.get(n)).find((i) => i !== undefined);
  if (
    index(COLUMNS.name) === undefined ||
    (index(COLUMNS.platform) ?? index(COLUMNS.manufacturer)) === undefined
  )
    return {
      devices: [],
      problems: [],
      invalid: [
        csvDiagnostic(
          file,
          header?.line ?? 1,
          1,
          'KEY_MISSING',
          `not a NetBox device export: expected a header with name and platform or manufacturer (NetBox's bulk import: name,role,manufacturer,device_type,platform,site,status; its web UI export: Name,Status,Site,Role,Manufacturer,Type,Platform), got ${JSON.stringify(header?.cells.map((c) => c.text).join(',') ?? '')}`,
        ),
      ],
    };
  const devices: NetboxDevice[] = [];
  const problems: Diagnostic[] = [];
  for (const row of rows) {
    const text = (names: readonly string[]) => {
      const i = index(names);
      const value = i === undefined ? undefined : row.cells[i]?.text;
      return value ? value : undefined;
    };
    const name = text(COLUMNS.name);
    if (!name) {
      problems.push(
        csvDiagnostic(
          file,
          row.line,
          1,
          'KEY_MISSING',
          'the device has no name: labfleet needs one for its hostname',
        ),
      );
      continue;
    }
    devices.push({
      name,
      platform: text(COLUMNS.platform),
      manufacturer: text(COLUMNS.manufacturer),
      deviceType: text(COLUMNS.deviceType),
      partNumber: text(COLUMNS.partNumber),
      role: text(COLUMNS.role),
      site: text(COLUMNS.site),
      at: atLine(row.line),
    });
  }
  return { devices, problems };
}

/** A nested object's slug, else its name; or the value itself when it is a string. */
function slugOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  const slug = field(value, 'slug') ?? field(value, 'name');
  return typeof slug === 'string' && slug !== '' ? slug : undefined;
}

function readJson(text: string, file: string): NetboxDevices {
  const { list, diagnostics } = parseJsonList(text, file, 'a list of NetBox devices');
  if (!list) return { devices: [], problems: [], invalid: diagnostics };
  const devices: NetboxDevice[] = [];
  const problems: Diagnostic[] = [];
  for (const { path, value } of list.items) {
    const name = field(value, 'name');
    if (typeof name !== 'string' || name === '') {
      problems.push(
        jsonDiagnostic(
          list.source,
          path,
          'KEY_MISSING',
          `expected a device with a name (labfleet needs one for its hostname), got ${JSON.stringify(name ?? value)?.slice(0, 80)}`,
        ),
      );
      continue;
    }
    const type = field(value, 'device_type');
    const model = field(type, 'model');
    const part = field(type, 'part_number');
    devices.push({
      name,
      platform: slugOf(field(value, 'platform')),
      manufacturer: slugOf(field(type, 'manufacturer')),
      deviceType: typeof model === 'string' ? model : undefined,
      partNumber: typeof part === 'string' && part !== '' ? part : undefined,
      role: slugOf(field(value, 'role') ?? field(value, 'device_role')),
      site: slugOf(field(value, 'site')),
      at: atPath(list.source, path),
    });
  }
  return { devices, problems };
}
