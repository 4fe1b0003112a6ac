/** Parsing YAML (and JSON, its subset) so that every error can say file:line:column. */
import { readFile } from 'node:fs/promises';
import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { LineCounter, Scalar, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LabfleetError, type Diagnostic, type SourceLocation } from '../errors.js';

export type PathSegment = string | number;

export interface LocateOptions {
  key?: boolean;
  within?: { line: number; column: number };
}

/** A parsed file: its plain data plus what is needed to locate a path in it. */
export interface SourceFile {
  file: string;
  data: unknown;
  /**
   * Where a path is; `key: true` points at a mapping key instead of its value; `within` (1-based)
   * points inside a string value (a template's own line and column), as near as its style allows.
   */
  locate(path: readonly PathSegment[], options?: LocateOptions): SourceLocation;
  /**
   * How a path is written in messages; absent means renderPath. A file translated from another
   * tool's format (simulator/topology/foreign/) names the path in the file the user wrote.
   */
  describe?(path: readonly PathSegment[]): string;
}

/**
 * Parses text; YAML errors come back as diagnostics, never as exceptions.
 *
 * The data comes from js-yaml (about 20x faster on large files); the position-keeping `yaml`
 * document is built only when something must be located, or to describe a syntax error.
 */
export function parseSource(text: string, file: string): { source?: SourceFile; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    return { diagnostics: describeSyntaxError(text, file, error) };
  }
  const reserved = reservedKeyPaths(data);
  if (reserved.length > 0) {
    const positions = parseWithPositions(text, file, false);
    return {
      diagnostics: reserved.map((path) => ({
        code: 'KEY_RESERVED',
        message: `"${RESERVED_KEY}" cannot be a key: JavaScript reserves it, and what it names would vanish; rename it`,
        path: renderPath(path),
        location: positions.at(offsetOf(positions.doc, path, true).offset),
      })),
    };
  }
  if (data === undefined || data === null) {
    return {
      diagnostics: [
        { code: 'EMPTY', message: 'the file is empty', path: '', location: { file, line: 1, column: 1 } },
      ],
    };
  }
  let positions: { doc: Document.Parsed; at: (offset: number) => SourceLocation } | undefined;
  const locate = (path: readonly PathSegment[], options?: LocateOptions): SourceLocation => {
    positions ??= parseWithPositions(text, file, false);
    const { offset, node } = offsetOf(positions.doc, path, options?.key ?? false);
    const within = options?.within && isScalar(node) ? offsetWithin(text, node, options.within) : undefined;
    return positions.at(within ?? offset);
  };
  return { source: { file, data, locate }, diagnostics: [] };
}

/** The one key a plain object cannot hold as its own: assigning it sets the prototype instead. */
const RESERVED_KEY = '__proto__';

/**
 * Every path (up to the reserved key itself) where a mapping has `__proto__` as a key. The walk
 * keeps one path stack and copies it only at a find: a big file's every value is visited.
 */
function reservedKeyPaths(data: unknown): PathSegment[][] {
  const found: PathSegment[][] = [];
  const path: PathSegment[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        if (item === null || typeof item !== 'object') continue;
        path.push(index);
        walk(item);
        path.pop();
      }
      return;
    }
    for (const key of Object.keys(value)) {
      if (key === RESERVED_KEY) {
        found.push([...path, key]);
        continue;
      }
      const item = (value as Record<string, unknown>)[key];
      if (item === null || typeof item !== 'object') continue;
      path.push(key);
      walk(item);
      path.pop();
    }
  };
  walk(data);
  return found;
}

/**
 * The `yaml` document with positions. Its duplicate-key check compares each key with every other
 * in the mapping (quadratic: minutes for 65,000 nodes), so it runs only to describe a syntax
 * error; a file js-yaml has parsed has no duplicate keys.
 */
function parseWithPositions(text: string, file: string, uniqueKeys = true) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys, strict: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  return { doc, at };
}

/** The `yaml` library words syntax errors better; js-yaml's own mark is the fallback. */
function describeSyntaxError(text: string, file: string, error: unknown): Diagnostic[] {
  const { doc, at } = parseWithPositions(text, file);
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => ({
      code: e.code === 'DUPLICATE_KEY' ? 'KEY_DUPLICATE' : 'YAML_SYNTAX',
      message:
        e.code === 'DUPLICATE_KEY' ? 'the same key appears twice in this mapping' : yamlMessage(e.message),
      path: '',
      location: at(e.pos[0]),
    }));
  }
  const mark = (error as YAMLException).mark;
  const duplicate = /duplicated mapping key/.test((error as Error).message);
  return [
    {
      code: duplicate ? 'KEY_DUPLICATE' : 'YAML_SYNTAX',
      message: duplicate
        ? 'the same key appears twice in this mapping'
        : ((error as YAMLException).reason ?? String(error)),
      path: '',
      location: { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 },
    },
  ];
}

function yamlMessage(message: string): string {
  // The yaml library appends " at line L, column C"; we print the location ourselves.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}

function offsetOf(
  doc: Document.Parsed,
  path: readonly PathSegment[],
  key: boolean,
): { offset: number; node?: Node | null } {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) return { offset };
      const isLast = i === path.length - 1;
      if (isLast && key && isScalar(pair.key)) return { offset: pair.key.range?.[0] ?? offset };
      node = (pair.value as Node | null) ?? null;
      offset = node?.range?.[0] ?? (isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { offset };
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      return { offset };
    }
  }
  return { offset, node };
}

/**
 * The file offset of a line and column inside a string value. Exact for literal block scalars
 * (`|`) and for single-line plain or quoted ones without escapes; undefined where folding makes
 * it a guess (the caller then points at the value).
 */
function offsetWithin(
  text: string,
  node: Scalar,
  within: { line: number; column: number },
): number | undefined {
  const start = node.range?.[0];
  if (start === undefined) return undefined;
  if (node.type === Scalar.BLOCK_LITERAL) {
    let at = text.indexOf('\n', start) + 1;
    if (at <= 0) return undefined;
    const indent = /^[ ]*(?=\S)/m.exec(text.slice(at))?.[0].length ?? 0;
    for (let line = 1; line < within.line; line++) {
      const next = text.indexOf('\n', at);
      if (next < 0) return undefined;
      at = next + 1;
    }
    return at + indent + within.column - 1;
  }
  if (within.line !== 1) return undefined;
  if (node.type === Scalar.PLAIN) return start + within.column - 1;
  if (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE) {
    const raw = text.slice(start, node.range![1]);
    return raw.includes('\n') || /\\|''/.test(raw) ? undefined : start + within.column;
  }
  return undefined;
}

/** `links[3].endpoints[1]` from `['links', 3, 'endpoints', 1]`. */
export function renderPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
    '',
  );
}

/** Reads a file as text; a missing or unreadable file is FILE_UNREADABLE, naming what it was for. */
export async function readSourceFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new LabfleetError('FILE_UNREADABLE', `cannot read ${what} ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
}
