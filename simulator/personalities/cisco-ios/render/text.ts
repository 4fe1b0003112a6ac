/** Column layout the way IOS prints tables: fixed stops, and a field that overruns pushes the next one. */

/**
 * Places each field at its column; a field that cannot start there (the previous one ran long)
 * starts one space after it instead, as IOS does with long interface names.
 */
export function placeColumns(fields: ReadonlyArray<readonly [text: string, column: number]>): string {
  let line = '';
  for (const [text, column] of fields) {
    if (line.length === 0 && column === 0) line = text;
    else line += ' '.repeat(Math.max(column - line.length, 1)) + text;
  }
  return line;
}

/** Left-justified in `width` (`%-Ns`). */
export const left = (value: string | number, width: number): string => String(value).padEnd(width);

/** Right-justified in `width` (`%Ns`). */
export const right = (value: string | number, width: number): string => String(value).padStart(width);

/** Centred in `width`, extra space on the right (how IOS places CDP capability codes). */
export function centre(value: string, width: number): string {
  const before = Math.max(0, Math.floor((width - value.length) / 2));
  return (' '.repeat(before) + value).padEnd(width);
}
