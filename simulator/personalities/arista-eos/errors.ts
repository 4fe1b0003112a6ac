/**
 * EOS's words for a line it refuses, in one place: the CLI prints them after `% `, eAPI carries
 * them bare in the failed command's `errors` (and, asked for text, the CLI's line as its `output`).
 * Real payloads: `% Invalid input (at token 1: 'bogus')` as text output and
 * `Invalid input (at token 1: 'bogus')` in `errors` for `show bogus`; cEOS answers an ambiguous
 * word with `Ambiguous command (at token 2: 'ip')`. No caret: EOS names the token instead.
 */
import { splitWords } from '../../engine/parser.js';

/** A privileged command typed at the `>` prompt: EOS knows it, but refuses it for want of privilege. */
export const PRIVILEGE_REQUIRED = 'Invalid input (privileged mode required)';

/** A line that stops before its command does. */
export const INCOMPLETE = 'Incomplete command';

/** `Invalid input (at token 1: 'bogus')`: the word (counted from 0) that holds `column` of `line`. */
export function eosInvalid(line: string, column: number): string {
  return `Invalid input ${atToken(line, column)}`;
}

/** `Ambiguous command (at token 0: 's')`. */
export function eosAmbiguous(line: string, column: number): string {
  return `Ambiguous command ${atToken(line, column)}`;
}

/** As the CLI prints a refusal. */
export const asCliError = (text: string): string => `% ${text}`;

/** The CLI's refusal without its `% `, as eAPI's `errors` carry it. */
export const fromCliError = (output: string): string => output.replace(/^% /, '').replace(/\n$/, '');

function atToken(line: string, column: number): string {
  const words = splitWords(line);
  const token = Math.max(
    0,
    words.findLastIndex((w) => w.start <= column),
  );
  return `(at token ${token}: '${words[token]?.text ?? ''}')`;
}
