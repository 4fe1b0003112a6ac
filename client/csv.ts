/** One CSV line split into cells, each with the column it starts at, so errors can point at a cell. */

export interface CsvCell {
  /** The cell's text, unquoted and trimmed. */
  text: string;
  /** 1-based column of the cell's first character in the line. */
  column: number;
}

/** Splits one CSV line, honouring double quotes. */
export function splitCsvCells(line: string): CsvCell[] {
  const cells: CsvCell[] = [];
  let cell = '';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push({ text: cell.trim(), column: start + 1 });
      cell = '';
      start = i + 1;
    } else {
      cell += ch;
    }
  }
  cells.push({ text: cell.trim(), column: start + 1 });
  return cells;
}

/** The cells' text only. */
export function splitCsv(line: string): string[] {
  return splitCsvCells(line).map((c) => c.text);
}
