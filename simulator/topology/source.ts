/** Parsing YAML (and JSON, its subset) while keeping positions, so every error can say file:line:column. */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../errors.js';

export type PathSegment = string | number;

/** A parsed file: its plain data plus what is needed to locate a path in it. */
export interface SourceFile {
  file: string;
  data: unknown;
  /** Where a path is; `key: true` points at a mapping key instead of its value. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): SourceLocation;
}

/** Parses text; YAML errors come back as diagnostics, never as exceptions. */
export function parseSource(text: string, file: string): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((error) => ({
        code: error.code === 'DUPLICATE_KEY' ? 'KEY_DUPLICATE' : 'YAML_SYNTAX',
        message: error.code === 'DUPLICATE_KEY' ? 'the same key appears twice in this mapping' : yamlMessage(error.message),
        path: '',
        location: at(error.pos[0]),
      })),
    };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      diagnostics: [{ code: 'EMPTY', message: 'the file is empty', path: '', location: { file, line: 1, column: 1 } }],
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 10_000 });
  return { source: { file, data, locate: (path, options) => at(offsetOf(doc, path, options?.key ?? false)) }, diagnostics: [] };
}

function yamlMessage(message: string): string {
  // The yaml library appends " at line L, column C"; we print the location ourselves.
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}

function offsetOf(doc: Document.Parsed, path: readonly PathSegment[], key: boolean): number {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      const isLast = i === path.length - 1;
      if (isLast && key && isScalar(pair.key)) return pair.key.range?.[0] ?? offset;
      node = (pair.value as Node | null) ?? null;
      offset = node?.range?.[0] ?? (isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** `links[3].endpoints[1]` from `['links', 3, 'endpoints', 1]`. */
export function renderPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment),
    '',
  );
}
