/**
 * Where JSON text stops being JSON. `JSON.parse` on Node 20 names a position for some errors only
 * ("Unexpected token '}', … is not valid JSON" has none), so a failed parse is scanned again here to
 * say `line:column` and what was expected there.
 */
import type { Diagnostic } from '../../simulator/errors.js';

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const found = () => {
    if (at >= text.length) return 'the end of the file';
    const token = /^[\w.+-]+/.exec(text.slice(at, at + 40))?.[0] ?? text[at]!;
    return token === '"' ? `'"'` : JSON.stringify(token);
  };
  const fail = (expected: string): never => {
    throw new Stop(at, `expected ${expected}, found ${found()}`);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const string = () => {
    at++;
    for (;;) {
      if (at >= text.length) fail('the closing quote of a string');
      const c = text[at]!;
      if (c === '"') return void at++;
      if (c < ' ') fail('a character allowed in a string (control characters must be escaped)');
      if (c === '\\') {
        at++;
        if (text[at] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after \\u');
          at += 5;
        } else if (text[at] !== undefined && '"\\/bfnrt'.includes(text[at]!)) at++;
        else fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else at++;
    }
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      space();
      if (text[at] === '}') return void at++;
      for (;;) {
        space();
        if (text[at] !== '"') fail('a property name in double quotes');
        string();
        space();
        if (text[at] !== ':') fail('":" after a property name');
        at++;
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') return void at++;
        else fail('"," or "}" after a property value');
      }
    }
    if (c === '[') {
      at++;
      space();
      if (text[at] === ']') return void at++;
      for (;;) {
        value();
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') return void at++;
        else fail('"," or "]" after an array element');
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(at, at + 400),
    );
    if (!literal) fail('a value (object, array, string, number, true, false or null)');
    at += literal![0].length;
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the file after the value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, message: error.message };
  }
}

/** The JSON_SYNTAX diagnostic for text JSON.parse refused with `cause`: where, and what. */
export function jsonSyntaxDiagnostic(text: string, file: string, cause: unknown): Diagnostic {
  const at = findJsonSyntaxError(text) ?? { line: 1, column: 1, message: (cause as Error).message };
  return {
    code: 'JSON_SYNTAX',
    message: `not valid JSON: ${at.message}`,
    path: '',
    location: { file, line: at.line, column: at.column },
  };
}
