/**
 * JSON as NX-API prints it. The switch formats its answers with cJSON: a tab per level, a tab
 * after each colon, arrays on one line with `, ` between items. Clients only parse it, but a
 * captured exchange then looks like the real box's (greenpau/go-cisco-nx-api keeps such captures).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `cJSON_Print`: formatted output, keys in insertion order. */
export function printCjson(value: Json, depth = 1): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => printCjson(v, depth + 1)).join(', ')}]`;
  const indent = '\t'.repeat(depth);
  const members = Object.entries(value).map(
    ([key, v]) => `${indent}${JSON.stringify(key)}:\t${printCjson(v, depth + 1)}`,
  );
  return `{\n${members.map((m) => `${m}`).join(',\n')}${members.length > 0 ? '\n' : ''}${'\t'.repeat(depth - 1)}}`;
}

/** NX-API's single-row quirk: a table of one row holds the row itself, not a list of one. */
export function rowsOf<T extends Json>(rows: readonly T[]): T | T[] {
  return rows.length === 1 ? rows[0]! : [...rows];
}

/** `{ TABLE_x: { ROW_x: … } }`, or nothing at all when the table is empty (the box omits it). */
export function table(name: string, rows: readonly JsonObject[]): JsonObject {
  return rows.length === 0 ? {} : { [`TABLE_${name}`]: { [`ROW_${name}`]: rowsOf(rows) } };
}
