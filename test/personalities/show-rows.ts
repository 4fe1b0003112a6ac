/** The rows of a platform's show table that golden files cover, as `[command, renderer]` pairs. */
import type { Renderer, ShowCommand } from '../../simulator/personalities/show-table.js';

/**
 * Every row once per renderer: an alias (IOS `show arp` for `show ip arp`) prints what the row it
 * repeats prints, so it has no golden file of its own.
 */
export function goldenRows(
  table: readonly ShowCommand[],
): ReadonlyArray<[command: string, renderer: Renderer]> {
  const seen = new Set<Renderer>();
  return table.flatMap((row): Array<[string, Renderer]> => {
    if (seen.has(row.render)) return [];
    seen.add(row.render);
    return [[row.command, row.render]];
  });
}
