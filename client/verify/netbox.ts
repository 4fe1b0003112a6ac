/**
 * NetBox's cables as documentation: the bulk-import CSV (`side_a_device,side_a_type,side_a_name,…`),
 * the web UI's CSV export (`Device A`/`Termination A`, or `Side A`/`Termination A` before NetBox
 * 3.3) and the REST API's `/api/dcim/cables/` JSON (`a_terminations`, or `termination_a` before
 * 3.3). Only cables from an interface to an interface are cabling LLDP and CDP can see: cables to
 * circuits, power, console or patch-panel ports are skipped, and said so.
 */
import type { Diagnostic } from '../../simulator/errors.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';
import { renderPath, type PathSegment } from '../../simulator/topology/source.js';
import {
  atLine,
  atPath,
  csvDiagnostic,
  field,
  headerIndex,
  jsonDiagnostic,
  parseJsonList,
  splitCsvRecords,
  type CsvRecord,
  type JsonList,
  type Located,
} from '../netbox/read.js';
import { CSV_LAYOUTS, NETBOX_CSV_HEADERS, type CsvLayout } from '../netbox/cable-layouts.js';
import { createSourceError } from '../source-error.js';
import type { Documentation, DocumentationProblem, DocumentedCable } from './documentation.js';
import { cableKey, canonicalHostname, canonicalInterface, type Port } from './ports.js';

/** One cable between two interfaces, with names as NetBox wrote them, and where it is in the file. */
export interface NetboxCable extends DocumentedCable {
  at: Located;
}

/** NetBox's cables between two interfaces, duplicates (the same cable twice) dropped. */
export interface NetboxCables {
  cables: NetboxCable[];
  /** Bad rows or records, located; the other cables still count. */
  problems: Diagnostic[];
  /** Cables that are not between two interfaces, one line each (`file:7: dcim.frontport …`). */
  skipped: string[];
  /** Set when the file as a whole is not a NetBox cable export: nothing else was read. */
  invalid?: Diagnostic[];
}

const INTERFACE = 'dcim.interface';

/** True when a CSV header row is NetBox's (any of its cable layouts, complete or not). */
export function isNetboxCableCsv(text: string): boolean {
  const header = headerIndex(splitCsvRecords(text.slice(0, 4096))[0]);
  return ['side_a_name', 'side_a_type', 'side_b_name', 'termination a', 'termination b'].some((c) =>
    header.has(c),
  );
}

/** True when JSON text is a NetBox API list (a page or a list), not a labfleet topology. */
export function isNetboxJson(text: string): boolean {
  const start = text.trimStart();
  if (start.startsWith('[')) return true;
  return start.startsWith('{') && /"results"\s*:/.test(text) && !/"nodes"\s*:/.test(text);
}

/** Reads NetBox's cable CSV (any layout in CSV_LAYOUTS). */
export function readNetboxCableCsv(text: string, file: string): NetboxCables {
  const [header, ...rows] = splitCsvRecords(text);
  const columns = headerIndex(header);
  const layout = CSV_LAYOUTS.find((l) =>
    [l.a.device, l.a.name, l.b.device, l.b.name, l.a.type, l.b.type].every((c) => !c || columns.has(c)),
  );
  const out: NetboxCables = { cables: [], problems: [], skipped: [] };
  if (!layout) {
    out.invalid = [
      csvDiagnostic(
        file,
        header?.line ?? 1,
        1,
        'KEY_MISSING',
        `not a NetBox cable export this reads: expected the columns of ${NETBOX_CSV_HEADERS.join('; or ')} (other columns may follow, in any order); the web UI's export needs its Device A and Device B columns ("All data"), got ${JSON.stringify(header?.cells.map((c) => c.text).join(',') ?? '')}`,
      ),
    ];
    return out;
  }
  const seen = new Set<string>();
  for (const row of rows) {
    const ends = [csvEnd(file, row, columns, layout, 'A'), csvEnd(file, row, columns, layout, 'B')];
    const problem = ends.find((e) => 'problem' in e);
    if (problem) out.problems.push(problem.problem);
    else if (ends.some((e) => 'skip' in e))
      out.skipped.push(
        `${file}:${row.line}: ${ends.map((e) => ('skip' in e ? e.skip : INTERFACE)).join(' to ')}, not ${INTERFACE} to ${INTERFACE}`,
      );
    else
      addCable(out, seen, {
        a: (ends[0] as { port: Port }).port,
        b: (ends[1] as { port: Port }).port,
        at: atLine(row.line),
      });
  }
  return out;
}

/** One side of a CSV row: an interface, a termination of another type, or a problem. */
function csvEnd(
  file: string,
  row: CsvRecord,
  columns: Map<string, number>,
  layout: CsvLayout,
  side: 'A' | 'B',
): { port: Port } | { skip: string } | { problem: Diagnostic } {
  const cols = side === 'A' ? layout.a : layout.b;
  const cell = (name: string) => row.cells[columns.get(name)!];
  const text = (name: string | undefined) => (name ? (cell(name)?.text ?? '') : '');
  const [type, device, name] = [cols.type ? text(cols.type) : INTERFACE, text(cols.device), text(cols.name)];
  const problem = (column: string, message: string) => ({
    problem: rowProblem(file, row, cell(column)?.column ?? 1, message),
  });
  if (type === '' && device === '' && name === '')
    return problem(cols.device, `side ${side} is empty: a cable has two sides`);
  if (type.toLowerCase() !== INTERFACE) return { skip: type || 'no type' };
  const empty = [cols.device, cols.name].find((c) => text(c) === '');
  if (empty) return problem(empty, `${empty} is empty; side ${side} needs a device and an interface`);
  if (!cols.type && (device.includes(',') || name.includes(',')))
    return problem(
      cols.name,
      `side ${side} has several terminations (${JSON.stringify(name)}); labfleet verifies one interface at each end of a cable`,
    );
  // The web UI writes an interface that has a label as `name (label)`.
  return { port: { device, interface: cols.type ? name : name.replace(/ \(.*\)$/, '') } };
}

function rowProblem(file: string, row: CsvRecord, column: number, message: string): Diagnostic {
  const text = row.cells.map((c) => c.text).join(',');
  return csvDiagnostic(
    file,
    row.line,
    column,
    'VALUE_INVALID',
    `${message}; the row: ${JSON.stringify(text)}`,
  );
}

function addCable(out: NetboxCables, seen: Set<string>, cable: NetboxCable): void {
  const key = cableKey(cable.a, cable.b);
  if (seen.has(key)) return;
  seen.add(key);
  out.cables.push(cable);
}

/** Reads `/api/dcim/cables/` JSON: a page, a bare list, NetBox 3.3+ or older records. */
export function readNetboxCableJson(text: string, file: string): NetboxCables {
  const { list, diagnostics } = parseJsonList(text, file, 'a list of NetBox cables');
  const out: NetboxCables = { cables: [], problems: [], skipped: [] };
  if (!list) return { ...out, invalid: diagnostics };
  const seen = new Set<string>();
  for (const { path, value } of list.items) {
    const ends = cableEnds(list, path, value, out);
    if (ends) {
      addCable(out, seen, { a: ends[0], b: ends[1], at: atPath(list.source, path) });
    }
  }
  return out;
}

/** Both ends of one API cable record, or undefined (a problem or a skip was recorded). */
function cableEnds(
  list: JsonList,
  path: PathSegment[],
  value: unknown,
  out: NetboxCables,
): [Port, Port] | undefined {
  const problem = (at: PathSegment[], message: string) => {
    out.problems.push(jsonDiagnostic(list.source, at, 'VALUE_INVALID', message));
    return undefined;
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return problem(path, 'expected a cable object');
  const record = value as Record<string, unknown>;
  const ends: Port[] = [];
  const types: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const terminations = record[`${side}_terminations`];
    let type: unknown, object: unknown, at: PathSegment[];
    if (Array.isArray(terminations)) {
      at = [...path, `${side}_terminations`];
      if (terminations.length !== 1)
        return problem(
          at,
          terminations.length === 0
            ? `side ${side.toUpperCase()} has no termination: a cable has two sides`
            : `side ${side.toUpperCase()} has ${terminations.length} terminations; labfleet verifies one interface at each end of a cable`,
        );
      at = [...at, 0];
      type = field(terminations[0], 'object_type');
      object = field(terminations[0], 'object');
    } else if (`termination_${side}` in record) {
      at = [...path, `termination_${side}`];
      type = record[`termination_${side}_type`];
      object = record[`termination_${side}`];
    } else {
      return problem(
        path,
        `side ${side.toUpperCase()} is missing: expected ${side}_terminations (NetBox 3.3 and later) or termination_${side} (earlier)`,
      );
    }
    types.push(String(type));
    if (type !== INTERFACE) continue;
    const device = field(object, 'device', 'name');
    const name = field(object, 'name');
    if (typeof device !== 'string' || device === '' || typeof name !== 'string' || name === '')
      return problem(
        at,
        `expected an interface with its device's name and its own (object.device.name, object.name), got ${JSON.stringify(object) ?? 'nothing'}`,
      );
    ends.push({ device, interface: name });
  }
  if (ends.length === 2) return [ends[0]!, ends[1]!];
  out.skipped.push(
    `${list.source.file}: ${renderPath(path)}: ${types.join(' to ')}, not ${INTERFACE} to ${INTERFACE}`,
  );
  return undefined;
}

/**
 * NetBox cables as documentation for `check --doc`: undefined when the file is not NetBox's (CSV
 * told by its header, JSON by its content, never by the file name alone); DOCUMENTATION_INVALID
 * when it is but cannot be read as a cable list; bad records are the documentation's problems.
 */
export function netboxDocumentation(
  text: string,
  file: string,
  platformOf: (device: string) => Platform | undefined,
): Documentation | undefined {
  const read = isNetboxCableCsv(text)
    ? readNetboxCableCsv(text, file)
    : isNetboxJson(text)
      ? readNetboxCableJson(text, file)
      : undefined;
  if (!read) return undefined;
  if (read.invalid) throw createSourceError('DOCUMENTATION_INVALID', read.invalid);
  const port = (p: Port): Port => {
    const device = canonicalHostname(p.device);
    return { device, interface: canonicalInterface(p.interface, platformOf(device)) };
  };
  const cables = new Map<string, DocumentedCable>();
  for (const c of read.cables) {
    const [a, b] = [port(c.a), port(c.b)];
    cables.set(cableKey(a, b), { a, b });
  }
  return {
    source: file,
    cables: [...cables.values()],
    devices: [...new Set([...cables.values()].flatMap((c) => [c.a.device, c.b.device]))],
    problems: read.problems.map(toProblem),
  };
}

function toProblem(d: Diagnostic): DocumentationProblem {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}` : '';
  return { where, message: d.path ? `${d.path}: ${d.message}` : d.message };
}
