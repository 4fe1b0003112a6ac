/**
 * Matching a typed line against a command table the way IOS does: unique prefixes of keywords
 * are accepted (`sh cdp nei det`); otherwise the line is invalid (with the column where matching
 * stopped), incomplete, or ambiguous.
 */
import type { CommandSpec, GrammarToken } from './types.js';

export type ParseResult<D> =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      spec: CommandSpec<D>;
      args: Record<string, string>;
      columns: Record<string, number>;
      canonical: string;
    }
  | { kind: 'invalid'; column: number }
  | { kind: 'incomplete' }
  | { kind: 'ambiguous'; token: string; column: number };

interface Word {
  text: string;
  start: number;
}

export function splitWords(line: string): Word[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index }));
}

interface Candidate<D> {
  spec: CommandSpec<D>;
  args: Record<string, string>;
  columns: Record<string, number>;
  words: string[];
  /** True once a `rest` parameter swallowed the remainder of the line. */
  done: boolean;
}

/** Parses a line (without any `| filter`) in a mode. */
export function parseCommand<D>(
  line: string,
  mode: string,
  specs: readonly CommandSpec<D>[],
): ParseResult<D> {
  const words = splitWords(line);
  if (words.length === 0) return { kind: 'empty' };
  let candidates: Candidate<D>[] = specs
    .filter((s) => s.modes.includes(mode))
    .map((spec) => ({ spec, args: {}, columns: {}, words: [], done: false }));
  for (const [i, word] of words.entries()) {
    const finished = candidates.filter((c) => c.done);
    const open = candidates.filter((c) => !c.done && c.spec.grammar.length > i);
    if (open.length === 0) {
      if (finished.length > 0) break;
      return { kind: 'invalid', column: word.start };
    }
    const step = matchWord(open, i, word, line);
    if (step.kind !== 'ok') {
      if (finished.length === 0) return step;
      candidates = finished;
      break;
    }
    candidates = [...finished, ...step.candidates];
  }
  const complete = candidates.find((c) => c.done || c.words.length === c.spec.grammar.length);
  if (complete)
    return {
      kind: 'ok',
      spec: complete.spec,
      args: complete.args,
      columns: complete.columns,
      canonical: complete.words.join(' '),
    };
  return { kind: 'incomplete' };
}

type Step<D> =
  | { kind: 'ok'; candidates: Candidate<D>[] }
  | { kind: 'invalid'; column: number }
  | { kind: 'ambiguous'; token: string; column: number };

function matchWord<D>(open: Candidate<D>[], i: number, word: Word, line: string): Step<D> {
  const lower = word.text.toLowerCase();
  const keywordHits = open.filter((c) => {
    const token = c.spec.grammar[i]!;
    if (!('keyword' in token)) return false;
    return token.hidden ? token.keyword === lower : token.keyword.startsWith(lower);
  });
  if (keywordHits.length > 0) {
    const exact = keywordHits.filter((c) => keywordOf(c.spec.grammar[i]!) === lower);
    const chosen = exact.length > 0 ? exact : keywordHits;
    const distinct = new Set(chosen.map((c) => keywordOf(c.spec.grammar[i]!)));
    if (distinct.size > 1) return { kind: 'ambiguous', token: word.text, column: word.start };
    return { kind: 'ok', candidates: chosen.map((c) => advance(c, keywordOf(c.spec.grammar[i]!))) };
  }
  const paramHits = open.flatMap((c) => {
    const token = c.spec.grammar[i]!;
    if ('keyword' in token || !acceptsParam(token, word.text)) return [];
    if (token.param === 'rest')
      return [
        {
          ...advance(c, `<${token.name}>`, token.name, line.slice(word.start).trimEnd(), word.start),
          done: true,
        },
      ];
    return [advance(c, word.text, token.name, word.text, word.start)];
  });
  if (paramHits.length > 0) return { kind: 'ok', candidates: paramHits };
  return { kind: 'invalid', column: word.start + matchedPrefix(open, i, lower) };
}

function keywordOf(token: GrammarToken): string {
  return 'keyword' in token ? token.keyword : '';
}

function advance<D>(
  c: Candidate<D>,
  word: string,
  arg?: string,
  value?: string,
  column?: number,
): Candidate<D> {
  if (arg === undefined) return { ...c, words: [...c.words, word] };
  return {
    ...c,
    words: [...c.words, word],
    args: { ...c.args, [arg]: value ?? '' },
    columns: { ...c.columns, [arg]: column ?? 0 },
  };
}

function acceptsParam(token: Extract<GrammarToken, { param: string }>, text: string): boolean {
  if (token.param !== 'number') return true;
  if (!/^\d+$/.test(text)) return false;
  const n = Number(text);
  return n >= (token.min ?? 0) && n <= (token.max ?? Number.MAX_SAFE_INTEGER);
}

/** How many leading characters of the word still matched some keyword: IOS puts its caret after them. */
function matchedPrefix<D>(open: Candidate<D>[], i: number, lower: string): number {
  let best = 0;
  for (const c of open) {
    const keyword = keywordOf(c.spec.grammar[i]!);
    let n = 0;
    while (n < lower.length && n < keyword.length && keyword[n] === lower[n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** The keywords and parameters that may follow a partial line, for `?` help. */
export function nextTokens<D>(line: string, mode: string, specs: readonly CommandSpec<D>[]): GrammarToken[] {
  const words = splitWords(line);
  const partial = line.length > 0 && !/\s$/.test(line) ? words.pop() : undefined;
  const prefix = words.map((w) => w.text).join(' ');
  const parsed = prefix ? parseCommand(prefix, mode, specs) : undefined;
  const matching = specs.filter((s) => s.modes.includes(mode) && (!parsed || sharesPrefix(s, prefix, mode)));
  const seen = new Map<string, GrammarToken>();
  for (const spec of matching) {
    const token = spec.grammar[words.length];
    if (!token || ('keyword' in token && token.hidden)) continue;
    const label = 'keyword' in token ? token.keyword : `<${token.name}>`;
    if (partial && !('keyword' in token && token.keyword.startsWith(partial.text.toLowerCase()))) continue;
    if (!seen.has(label)) seen.set(label, token);
  }
  return [...seen.values()].sort((a, b) => labelOf(a).localeCompare(labelOf(b)));
}

function sharesPrefix<D>(spec: CommandSpec<D>, prefix: string, mode: string): boolean {
  const words = splitWords(prefix);
  const truncated: CommandSpec<D> = { ...spec, grammar: spec.grammar.slice(0, words.length) };
  const result = parseCommand(prefix, mode, [truncated]);
  return result.kind === 'ok';
}

export function labelOf(token: GrammarToken): string {
  return 'keyword' in token ? token.keyword : `<${token.name}>`;
}
