/** A CSV inventory (a header naming the columns, one device a row); a bad cell is reported at its line and column. */
import { splitCsv, splitCsvCells } from '../csv.js';
import type { Target } from '../target.js';
import { fieldKeys, OWN_PLATFORMS, targetOf, type Where } from './record.js';

/** Blank lines are skipped but counted, so lines are the file's own. */
export function parseCsvInventory(text: string, file: string): Target[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line, number: i + 1 }));
  const [header, ...rows] = lines.filter((l) => l.line.trim() !== '');
  const columns = splitCsv(header?.line ?? '');
  return rows.map(({ line, number }) => {
    const cells = splitCsvCells(line);
    const where =
      (column: number, path: string): Where =>
      () => ({ location: { file, line: number, column }, path });
    return targetOf({
      field(meaning) {
        const j = columns.findIndex((c) => fieldKeys(meaning).includes(c));
        const cell = cells[j];
        return j < 0 || !cell
          ? undefined
          : { key: columns[j]!, value: cell.text, where: where(cell.column, columns[j]!) };
      },
      where: where(1, ''),
      platforms: OWN_PLATFORMS,
    });
  });
}
