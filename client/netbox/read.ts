/**
 * What NetBox's exports have in common, read once for cables and devices: CSV files (a header row,
 * records that may span lines inside quotes) and the REST API's JSON lists (a page `{count, next,
 * previous, results}` or a bare list), every record located in the file for error messages.
 */
import type { Diagnostic, DiagnosticCode } from '../../simulator/errors.js';
import {
  parseSource,
  renderPath,
  type PathSegment,
  type SourceFile,
} from '../../simulator/topology/source.js';
import { splitCsvCells, type CsvCell } from '../csv.js';
import { jsonSyntaxDiagnostic } from '../report/json-syntax.js';

/** Where a record is: its path (JSON) and, computed only when a message needs it, its line and column. */
export interface Located {
  path: string;
  locate(): { line: number; column: number };
}

/** A CSV record's place: its first line. */
export const atLine = (line: number): Located => ({ path: '', locate: () => ({ line, column: 1 }) });

/** A JSON record's place: its path, located on demand (locating parses the file again, with positions). */
export const atPath = (source: SourceFile, path: readonly PathSegment[]): Located => ({
  path: renderPath(path),
  locate: () => source.locate(path),
});

/** One CSV record: the line it starts on and its cells. */
export interface CsvRecord {
  line: number;
  cells: CsvCell[];
}

/** Splits CSV text into records; a quoted cell may hold line breaks (NetBox's comments do). */
export function splitCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let record = lines[i]!;
    while (unbalanced(record) && i + 1 < lines.length) record += `\n${lines[++i]}`;
    if (record.trim() === '') continue;
    records.push({ line, cells: splitCsvCells(record) });
  }
  return records;
}

function unbalanced(record: string): boolean {
  return (record.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** The header's columns, lower-cased, by name → index. */
export function headerIndex(header: CsvRecord | undefined): Map<string, number> {
  return new Map(header?.cells.map((c, i) => [c.text.toLowerCase(), i]) ?? []);
}

/** A diagnostic at a line (and column) of a CSV file. */
export function csvDiagnostic(
  file: string,
  line: number,
  column: number,
  code: DiagnosticCode,
  message: string,
): Diagnostic {
  return { code, message, path: '', location: { file, line, column } };
}

/** A parsed JSON export: its records and the source that locates paths in it. */
export interface JsonList {
  source: SourceFile;
  /** Each record with its path (`results[3]` or `[3]`). */
  items: Array<{ path: PathSegment[]; value: unknown }>;
}

/**
 * Reads a NetBox REST API list: a page with `results`, or a bare list. Anything else (not JSON,
 * another shape) is a diagnostic saying where and what was expected; `what` names the records.
 */
export function parseJsonList(
  text: string,
  file: string,
  what: string,
): { list?: JsonList; diagnostics: Diagnostic[] } {
  try {
    JSON.parse(text);
  } catch (cause) {
    return { diagnostics: [jsonSyntaxDiagnostic(text, file, cause)] };
  }
  const { source, diagnostics } = parseSource(text, file);
  if (!source) return { diagnostics };
  const data = source.data;
  const page = data !== null && typeof data === 'object' && !Array.isArray(data);
  const results = page ? (data as { results?: unknown }).results : data;
  if (!Array.isArray(results)) {
    const path = page && 'results' in data ? ['results'] : [];
    const { line, column } = source.locate(path);
    return {
      diagnostics: [
        {
          code: 'TYPE_INVALID',
          message: `expected ${what}: NetBox's API list ({"count", "next", "previous", "results": [...]}) or a JSON list of its results, got ${describe(path.length ? results : data)}`,
          path: renderPath(path),
          location: { file, line, column },
        },
      ],
    };
  }
  const prefix: PathSegment[] = page ? ['results'] : [];
  return {
    list: { source, items: (results as unknown[]).map((value, i) => ({ path: [...prefix, i], value })) },
    diagnostics: [],
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object')
    return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || 'none'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** A diagnostic at a path of a JSON export: `results[3].a_terminations[0]: message`. */
export function jsonDiagnostic(
  source: SourceFile,
  path: readonly PathSegment[],
  code: DiagnosticCode,
  message: string,
): Diagnostic {
  const { line, column } = source.locate(path);
  return { code, message, path: renderPath(path), location: { file: source.file, line, column } };
}

/** A nested object's string field (`device.name`), or undefined. */
export function field(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
