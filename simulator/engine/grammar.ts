/** Grammar shorthand for command tables: `k('show', 'Show running system information')`. */
import type { GrammarToken } from './types.js';

/** A keyword, matched by unique prefix. */
export const k = (keyword: string, help: string): GrammarToken => ({ keyword, help });

/** A hidden keyword: it answers only when typed in full, and `?` and Tab never show it. */
export const hiddenK = (keyword: string): GrammarToken => ({ keyword, help: '', hidden: true });

/** A parameter that takes the rest of the line. */
export const rest = (name: string, help: string): GrammarToken => ({ param: 'rest', name, help });

/** A whole number within bounds. */
export const num = (name: string, help: string, min: number, max: number): GrammarToken => ({
  param: 'number',
  name,
  help,
  min,
  max,
});
