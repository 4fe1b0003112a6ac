/**
 * JSON values as NX-OS structures them, and its TABLE_/ROW_ conventions. The models in this folder
 * are the one source of NX-OS structured output: NX-API's `cli_show` and the CLI's `| json`,
 * `| json-pretty` and `| xml` all print them.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** NX-OS's single-row quirk: a table of one row holds the row itself, not a list of one. */
export function rowsOf<T extends Json>(rows: readonly T[]): T | T[] {
  return rows.length === 1 ? rows[0]! : [...rows];
}

/** `{ TABLE_x: { ROW_x: … } }`, or nothing at all when the table is empty (the box omits it). */
export function table(name: string, rows: readonly JsonObject[]): JsonObject {
  return rows.length === 0 ? {} : { [`TABLE_${name}`]: { [`ROW_${name}`]: rowsOf(rows) } };
}

/**
 * `show ip interface`'s variant of the quirk: the table is a list of one-row objects
 * (`TABLE_intf: [{ ROW_intf: … }, …]`), or a single one-row object for a single row.
 */
export function rowTables(name: string, rows: readonly JsonObject[]): JsonObject {
  if (rows.length === 0) return {};
  const wrapped = rows.map((row) => ({ [`ROW_${name}`]: row }));
  return { [`TABLE_${name}`]: rowsOf(wrapped) };
}
