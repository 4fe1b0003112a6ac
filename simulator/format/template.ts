/**
 * A small, logic-less template language for user-defined commands, a subset of Handlebars'
 * syntax: `{{name}}`, `{{labels.role}}`, `{{#each list}}…{{/each}}`, `{{#if x}}…{{else}}…{{/if}}`,
 * `{{#unless x}}…{{/unless}}`, `{{! comment }}`, `\{{` for a literal `{{`, and two padding helpers
 * for tables, `{{left name 20}}` and `{{right speed 8}}`. No expressions, no code: a template is
 * parsed once, checked against a catalogue of the variables that exist, then only reads data.
 *
 * A line holding nothing but a block tag (`{{#each …}}`, `{{/if}}`, `{{else}}`, a comment) leaves
 * no blank line behind, as in Handlebars. Printing never escapes anything: this is CLI text.
 *
 * Everything outside this file reaches the language through compileTemplate and Template.render,
 * so a library (Handlebars with `noEscape`, helpers `left`/`right`) could take its place.
 */

/** What a name in the catalogue holds: text, a yes/no flag, a free-form map, or a list of records. */
export type VariableKind = 'text' | 'flag' | 'map' | { list: Readonly<Record<string, 'text' | 'flag'>> };

/** The variables a template may read, by name. */
export type Catalogue = Readonly<Record<string, VariableKind>>;

/** The data a template renders: values by the catalogue's names. */
export type Scope = Readonly<Record<string, unknown>>;

/** A problem found while compiling, 1-based within the template text. */
export interface TemplateProblem {
  message: string;
  line: number;
  column: number;
  /** The variable that is not in the catalogue, for "did you mean" hints. */
  unknown?: string;
  /** The names valid where the problem is. */
  valid?: readonly string[];
}

/** A compiled template. */
export interface Template {
  /** Renders `scope`; throws TemplateRenderError past `maxChars` characters of output. */
  render(scope: Scope, maxChars: number): string;
}

/** A render that could not finish (output too large, too much work). */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'value'; path: string[]; pad?: { align: 'left' | 'right'; width: number } }
  | { type: 'each'; path: string[]; body: Node[] }
  | { type: 'if'; path: string[]; negate: boolean; then: Node[]; otherwise: Node[] };

interface Tag {
  /** Offset of `{{` in the source, and of the character after `}}`. */
  start: number;
  end: number;
  inner: string;
}

/** Work a render may do (nodes visited) before it is cut off, whatever it prints. */
const MAX_STEPS = 1_000_000;
const MAX_PAD = 200;
const PATH = /^(?:@index|@first|@last|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)?)$/;

/** Parses and checks a template; either a template or every problem found. */
export function compileTemplate(
  source: string,
  catalogue: Catalogue,
): { template?: Template; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const at = (offset: number) => lineColumn(source, offset);
  const problem = (offset: number, message: string, extra: Partial<TemplateProblem> = {}) =>
    problems.push({ message, ...at(offset), ...extra });
  const root: Node[] = [];
  const stack: Array<{ tag: Tag; keyword: 'each' | 'if' | 'unless'; node: Node; list?: string }> = [];
  const target = (): Node[] => {
    const top = stack.at(-1);
    if (!top) return root;
    const node = top.node;
    if (node.type === 'each') return node.body;
    if (node.type === 'if') return node.otherwise === ELSE_PENDING ? node.then : node.otherwise;
    return root;
  };
  const lists = () => stack.flatMap((s) => (s.list ? [s.list] : []));
  const check = (path: string[], tag: Tag, want: 'value' | 'list' | 'test') =>
    checkPath(path, want, lists(), catalogue, (m, e) => problem(tag.start, m, e));

  for (const piece of splitTags(source)) {
    if (typeof piece === 'string') {
      if (piece) target().push({ type: 'text', text: piece });
      continue;
    }
    const tag = piece;
    const inner = tag.inner.trim();
    if (inner.startsWith('!')) continue;
    const words = inner.split(/\s+/).filter(Boolean);
    const head = words[0] ?? '';
    if (head.startsWith('#')) {
      const keyword = head.slice(1);
      if (keyword !== 'each' && keyword !== 'if' && keyword !== 'unless') {
        problem(
          tag.start,
          `unknown block "{{${head}}}"; blocks are {{#each list}}, {{#if x}}, {{#unless x}}`,
        );
        continue;
      }
      if (words.length !== 2 || !PATH.test(words[1]!)) {
        problem(
          tag.start,
          `{{#${keyword}}} takes one variable name, e.g. {{#${keyword} ${keyword === 'each' ? 'interfaces' : 'description'}}}`,
        );
        continue;
      }
      const path = words[1]!.split('.');
      check(path, tag, keyword === 'each' ? 'list' : 'test');
      const node: Node =
        keyword === 'each'
          ? { type: 'each', path, body: [] }
          : { type: 'if', path, negate: keyword === 'unless', then: [], otherwise: ELSE_PENDING };
      target().push(node);
      stack.push({ tag, keyword, node, ...(keyword === 'each' ? { list: path[0]! } : {}) });
    } else if (head.startsWith('/')) {
      const keyword = head.slice(1);
      const open = stack.at(-1);
      if (!open) problem(tag.start, `{{${head}}} closes nothing: no block is open here`);
      else if (open.keyword !== keyword || words.length !== 1)
        problem(
          tag.start,
          `{{${inner}}} does not close {{#${open.keyword}}} opened at ${describeAt(at(open.tag.start))}; expected {{/${open.keyword}}}`,
        );
      else stack.pop();
    } else if (head === 'else' && words.length === 1) {
      const open = stack.at(-1);
      if (open?.node.type === 'if' && open.node.otherwise === ELSE_PENDING) open.node.otherwise = [];
      else problem(tag.start, '{{else}} belongs inside {{#if x}} or {{#unless x}}, once');
    } else if ((head === 'left' || head === 'right') && words.length === 3) {
      const width = Number(words[2]);
      if (!PATH.test(words[1]!)) problem(tag.start, `"${words[1]}" is not a variable name`);
      else if (!Number.isInteger(width) || width < 1 || width > MAX_PAD)
        problem(tag.start, `{{${head} name WIDTH}} takes a width from 1 to ${MAX_PAD}, got "${words[2]}"`);
      else {
        const path = words[1]!.split('.');
        check(path, tag, 'value');
        target().push({ type: 'value', path, pad: { align: head, width } });
      }
    } else if (words.length === 1 && PATH.test(head)) {
      const path = head.split('.');
      check(path, tag, 'value');
      target().push({ type: 'value', path });
    } else {
      problem(
        tag.start,
        inner
          ? `"{{${inner}}}" is not a variable, a block or a helper ({{left name 20}}, {{right name 8}})`
          : 'empty "{{}}"; write a variable name between the braces',
      );
    }
  }
  for (const open of stack.reverse())
    problem(open.tag.start, `{{#${open.keyword}}} is never closed; add {{/${open.keyword}}}`);
  const unclosed = /(?<!\\)\{\{(?![\s\S]*\}\})/.exec(source);
  if (unclosed) problem(unclosed.index, '"{{" is never closed by "}}"; write \\{{ for literal braces');
  if (problems.length > 0) return { problems };
  finishElse(root);
  return { template: { render: (scope, maxChars) => renderNodes(root, scope, maxChars) }, problems };
}

/** Marks an `if` whose `{{else}}` has not been seen: its body still goes to `then`. */
const ELSE_PENDING: Node[] = [];

function finishElse(nodes: Node[]): void {
  for (const node of nodes) {
    if (node.type === 'each') finishElse(node.body);
    if (node.type === 'if') {
      if (node.otherwise === ELSE_PENDING) node.otherwise = [];
      finishElse(node.then);
      finishElse(node.otherwise);
    }
  }
}

function checkPath(
  path: string[],
  want: 'value' | 'list' | 'test',
  lists: string[],
  catalogue: Catalogue,
  problem: (message: string, extra: Partial<TemplateProblem>) => void,
): void {
  const [name, key] = path as [string, string | undefined];
  if (name.startsWith('@')) {
    if (lists.length === 0) problem(`{{${name}}} only has a meaning inside {{#each}}`, {});
    else if (want === 'list') problem(`${name} is not a list`, {});
    return;
  }
  const inner = [...lists].reverse().flatMap((list) => {
    const kind = catalogue[list];
    return kind && typeof kind === 'object' ? [kind.list] : [];
  });
  const field = inner.find((fields) => Object.hasOwn(fields, name))?.[name];
  const kind: VariableKind | undefined =
    field ?? (Object.hasOwn(catalogue, name) ? catalogue[name] : undefined);
  if (kind === undefined) {
    const valid = [...new Set([...inner.flatMap((f) => Object.keys(f)), ...Object.keys(catalogue)])];
    const where = lists.length > 0 ? ` inside {{#each ${lists.at(-1)}}}` : '';
    problem(`unknown variable "${name}"${where}; valid: ${valid.join(', ')}`, { unknown: name, valid });
    return;
  }
  const label =
    typeof kind === 'object' ? 'a list' : kind === 'map' ? 'a map' : kind === 'flag' ? 'a flag' : 'text';
  if (kind === 'map') {
    if (key === undefined && want !== 'test')
      problem(`${name} is a map: read one key, e.g. {{${name}.role}}`, {});
    if (want === 'list') problem(`${name} is a map, not a list`, {});
    return;
  }
  if (key !== undefined) {
    problem(`${name} is ${label} and has no keys; only maps (labels) take ".key"`, {});
    return;
  }
  if (want === 'list' && typeof kind !== 'object')
    problem(`${name} is ${label}, not a list; lists: ${listNames(catalogue)}`, {});
  if (want === 'value' && typeof kind === 'object')
    problem(`${name} is a list: print its items with {{#each ${name}}}…{{/each}}`, {});
}

function listNames(catalogue: Catalogue): string {
  return Object.keys(catalogue)
    .filter((n) => typeof catalogue[n] === 'object')
    .join(', ');
}

/**
 * Text and tags, in order. A line that holds only whitespace and one block tag (`#`, `/`, `else`,
 * `!`) is dropped whole with its line end, so block tags on lines of their own print nothing.
 */
function splitTags(source: string): Array<string | Tag> {
  const pieces: Array<string | Tag> = [];
  const re = /\\\{\{|\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  let text = '';
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0] === '\\{{') {
      text += source.slice(last, m.index) + '{{';
      last = m.index + 3;
      continue;
    }
    const tag: Tag = { start: m.index, end: m.index + m[0].length, inner: m[1]! };
    let before = text + source.slice(last, m.index);
    let end = tag.end;
    if (isStandalone(tag.inner)) {
      const lineStart = source.lastIndexOf('\n', m.index - 1) + 1;
      const lineEnd = source.indexOf('\n', tag.end);
      const after = source.slice(tag.end, lineEnd < 0 ? source.length : lineEnd);
      const lead = source.slice(Math.max(lineStart, last), m.index);
      if (lineStart >= last && /^[ \t]*$/.test(lead) && /^[ \t]*\r?$/.test(after)) {
        before = before.slice(0, before.length - lead.length);
        end = lineEnd < 0 ? source.length : lineEnd + 1;
      }
    }
    pieces.push(before, tag);
    text = '';
    last = end;
    re.lastIndex = end;
  }
  pieces.push(text + source.slice(last));
  return pieces;
}

function isStandalone(inner: string): boolean {
  const t = inner.trim();
  return t.startsWith('#') || t.startsWith('/') || t.startsWith('!') || t === 'else';
}

function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeAt(at: { line: number; column: number }): string {
  return `line ${at.line}, column ${at.column} of the template`;
}

/** One level of scope: the root data, or the item an `each` is at. */
interface Frame {
  data: Readonly<Record<string, unknown>>;
  index: number;
  count: number;
  parent?: Frame;
}

function lookup(frame: Frame | undefined, path: readonly string[]): unknown {
  const [name, key] = path as [string, string | undefined];
  if (name.startsWith('@')) {
    if (!frame) return undefined;
    if (name === '@index') return frame.index;
    return name === '@first' ? frame.index === 0 : frame.index === frame.count - 1;
  }
  for (let at = frame; at; at = at.parent) {
    if (!Object.hasOwn(at.data, name)) continue;
    const value = at.data[name];
    if (key === undefined) return value;
    return value && typeof value === 'object' && Object.hasOwn(value, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  }
  return undefined;
}

function renderNodes(nodes: readonly Node[], scope: Scope, maxChars: number): string {
  const out: string[] = [];
  let length = 0;
  let steps = 0;
  const emit = (text: string) => {
    length += text.length;
    if (length > maxChars) throw new TemplateRenderError(`output passed ${maxChars} characters`);
    out.push(text);
  };
  const walk = (list: readonly Node[], frame: Frame): void => {
    for (const node of list) {
      if (++steps > MAX_STEPS) throw new TemplateRenderError(`more than ${MAX_STEPS} steps`);
      switch (node.type) {
        case 'text':
          emit(node.text);
          break;
        case 'value': {
          const text = printable(lookup(frame, node.path));
          const pad = node.pad;
          emit(pad ? (pad.align === 'left' ? text.padEnd(pad.width) : text.padStart(pad.width)) : text);
          break;
        }
        case 'each': {
          const items = lookup(frame, node.path);
          if (!Array.isArray(items)) break;
          for (let index = 0; index < items.length; index++) {
            const data = (items[index] ?? {}) as Frame['data'];
            walk(node.body, { data, index, count: items.length, parent: frame });
          }
          break;
        }
        case 'if': {
          const truthy = isTruthy(lookup(frame, node.path));
          walk(truthy !== node.negate ? node.then : node.otherwise, frame);
          break;
        }
      }
    }
  };
  walk(nodes, { data: scope, index: -1, count: 0 });
  return out.join('');
}

function printable(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value) && value !== 0;
}
