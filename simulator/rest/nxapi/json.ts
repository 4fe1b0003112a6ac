/**
 * JSON as NX-API prints it. The switch formats its answers with cJSON: a tab per level, a tab
 * after each colon, arrays on one line with `, ` between items. Clients only parse it, but a
 * captured exchange then looks like the real box's (greenpau/go-cisco-nx-api keeps such captures).
 */

import type { Json } from '../../personalities/cisco-nxos/structured/json.js';

export type { Json, JsonObject } from '../../personalities/cisco-nxos/structured/json.js';
export { rowsOf, table } from '../../personalities/cisco-nxos/structured/json.js';

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
