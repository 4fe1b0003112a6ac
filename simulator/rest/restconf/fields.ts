/**
 * The `fields` query parameter (RFC 8040 §4.8.3): `a/b;c(d;e)` keeps only the named descendants of
 * the target. List keys stay in every kept entry, so entries remain identifiable.
 */
import { container, type YangNode } from '../../personalities/cisco-ios/yang/tree.js';

/** Child name (module prefix dropped) → the selection below it, or `true` for all of it. */
export type Selection = Map<string, Selection | true>;

/** Deeper than any data tree here: a deeper expression is refused, not recursed into. */
const MAX_DEPTH = 32;

/** Parses a fields expression; undefined when it is malformed or nested too deep. */
export function parseFields(text: string): Selection | undefined {
  let at = 0;
  const expr = (depth: number): Selection | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const out: Selection = new Map();
    for (;;) {
      const path = /^[^;()/]+(?:\/[^;()/]+)*/.exec(text.slice(at))?.[0];
      if (!path) return undefined;
      at += path.length;
      let below: Selection | true = true;
      if (text[at] === '(') {
        at++;
        const inner = expr(depth + 1);
        if (!inner || text[at] !== ')') return undefined;
        at++;
        below = inner;
      }
      merge(out, path.split('/').map(localName), below);
      if (text[at] !== ';') return out;
      at++;
    }
  };
  const parsed = expr(1);
  return parsed && at === text.length ? parsed : undefined;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function merge(into: Selection, path: readonly string[], below: Selection | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = into.get(head);
  if (rest.length === 0) {
    if (below === true || existing === true) into.set(head, true);
    else if (existing === undefined) into.set(head, below);
    else for (const [name, sel] of below) merge(existing, [name], sel);
    return;
  }
  if (existing === true) return;
  merge(ensure(into, head), rest, below);
}

function ensure(into: Selection, name: string): Selection {
  const existing = into.get(name);
  if (existing instanceof Map) return existing;
  const fresh: Selection = new Map();
  into.set(name, fresh);
  return fresh;
}

/** The nodes named by `selection`, pruned below; nodes with nothing left are dropped. */
export function pruneNodes(
  nodes: readonly YangNode[],
  selection: Selection,
  keys: readonly string[] = [],
): YangNode[] {
  return nodes.flatMap((node): YangNode[] => {
    if (node.kind === 'leaf' && keys.includes(node.name)) return [node];
    const sel = selection.get(node.name);
    if (sel === undefined) return [];
    if (sel === true) return [node];
    if (node.kind === 'leaf') return [];
    if (node.kind === 'container') {
      const children = pruneNodes(node.children, sel);
      return children.length > 0 ? [{ ...node, children }] : [];
    }
    const entries = node.entries.map((entry) =>
      container(entry.name, pruneNodes(entry.children, sel, node.keys)),
    );
    return [{ ...node, entries }];
  });
}

/** Applies `selection` below a target node (the target itself always stays). */
export function pruneTarget(node: YangNode, selection: Selection): YangNode {
  if (node.kind === 'leaf') return node;
  if (node.kind === 'container') return { ...node, children: pruneNodes(node.children, selection) };
  return {
    ...node,
    entries: node.entries.map((entry) => ({
      ...entry,
      children: pruneNodes(entry.children, selection, node.keys),
    })),
  };
}
