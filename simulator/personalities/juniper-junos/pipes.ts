/**
 * Junos output filters: `| match`, `| except`, `| find`, `| count`, `| last`, `| no-more` and
 * `| display xml|json|set|xml rpc`, chainable.
 */
import type { Filter, PipeSpec } from '../../engine/pipes.js';
import { parseDisplayFormat, renderDisplay } from './display.js';

const lines = (text: string) => text.split('\n');

/** Junos patterns ignore case. */
const caseless = (re: RegExp) => new RegExp(re.source, re.flags.includes('i') ? re.flags : `${re.flags}i`);

type Make = (pattern: string | undefined) => Filter;

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

const FILTERS: Readonly<Record<string, { argument: boolean; make: Make }>> = {
  match: {
    argument: true,
    make: (p) => (text) => {
      const re = compile(p ?? '');
      return lines(text)
        .filter((l) => re.test(l))
        .join('\n');
    },
  },
  except: {
    argument: true,
    make: (p) => (text) => {
      const re = compile(p ?? '');
      return lines(text)
        .filter((l) => !re.test(l))
        .join('\n');
    },
  },
  find: {
    argument: true,
    make: (p) => (text) => {
      const re = compile(p ?? '');
      const all = lines(text);
      const at = all.findIndex((l) => re.test(l));
      return at < 0 ? '' : all.slice(at).join('\n');
    },
  },
  last: {
    argument: true,
    make: (p) => (text) => {
      const n = Number.parseInt(p ?? '', 10);
      return Number.isFinite(n) && n > 0 ? lines(text).slice(-n).join('\n') : text;
    },
  },
  count: {
    argument: false,
    make: () => (text) => `Count: ${text === '' ? 0 : lines(text).length} lines`,
  },
  'no-more': { argument: false, make: () => (text) => text },
  display: {
    argument: true,
    make: (p) => (text, source) => {
      const format = parseDisplayFormat(p ?? '');
      return format ? renderDisplay(format, text, source) : text;
    },
  },
};

/** Resolves a (possibly abbreviated) filter name. */
function lookup(name: string): { argument: boolean; make: Make } | undefined {
  const found = Object.keys(FILTERS).filter((f) => f.startsWith(name.toLowerCase()));
  return found.length === 1 ? FILTERS[found[0]!] : undefined;
}

/**
 * The engine splits at the first `|` only: what follows a pattern (`match ge- | no-more`) arrives
 * inside it, so a filter applies the rest of the chain itself.
 */
function chained(first: Make, source: string | undefined): Filter {
  const [head, ...tail] = (source ?? '').split(/\s+\|\s*/);
  const filters = [first(head === '' ? undefined : head)];
  for (const segment of tail) {
    const match = /^(\S+)\s*(.*)$/.exec(segment.trim());
    const spec = match && lookup(match[1]!);
    if (spec) filters.push(spec.make(match[2] || undefined));
  }
  return (text, source) => filters.reduce((out, f) => f(out, source), text);
}

function pipe(name: string): PipeSpec {
  const spec = FILTERS[name]!;
  return {
    argument: spec.argument,
    create: (re) => chained(spec.make, re ? caseless(re).source : undefined),
    ...(name === 'no-more' ? { noPaging: true } : {}),
  };
}

export const JUNOS_PIPES: Readonly<Record<string, PipeSpec>> = Object.fromEntries(
  Object.keys(FILTERS).map((name) => [name, pipe(name)]),
);
