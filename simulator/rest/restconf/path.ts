/**
 * RESTCONF data paths (RFC 8040 §3.5.3): `module:node/child/list=key1,key2/leaf`, keys
 * percent-decoded (`interface=GigabitEthernet1%2F0%2F1`), resolved against the instance tree.
 * IOS-XE 16.x also took names without their module prefix; so does this.
 */
import {
  keyText,
  type ContainerNode,
  type ListNode,
  type YangNode,
} from '../../personalities/cisco-ios/yang/tree.js';

export interface PathSegment {
  module?: string;
  name: string;
  /** Present when the segment names list entry keys (`=a,b`). */
  keys?: string[];
}

export type PathParse = { ok: true; segments: PathSegment[] } | { ok: false; message: string };

/** Splits a data path (the part after `/restconf/data/`) into decoded segments. */
export function parseDataPath(raw: string): PathParse {
  const segments: PathSegment[] = [];
  for (const part of raw.split('/')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const head = eq < 0 ? part : part.slice(0, eq);
    const name = decode(head);
    const keys =
      eq < 0
        ? undefined
        : part
            .slice(eq + 1)
            .split(',')
            .map(decode);
    if (name === undefined || keys?.includes(undefined)) {
      return { ok: false, message: `malformed percent-encoding in '${part}'` };
    }
    const colon = name.indexOf(':');
    const segment: PathSegment =
      colon < 0 ? { name } : { module: name.slice(0, colon), name: name.slice(colon + 1) };
    if (keys) segment.keys = keys as string[];
    segments.push(segment);
  }
  return { ok: true, segments };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** What a path names: a node, the module it belongs to, and its instance path for error-path. */
export interface Target {
  node: YangNode;
  module: string;
}

export type Resolution =
  | { ok: true; target: Target }
  | { ok: false; status: 400 | 404; message: string; tag: 'invalid-value' | 'missing-attribute' };

const NOT_FOUND: Resolution = {
  ok: false,
  status: 404,
  tag: 'invalid-value',
  message: 'uri keypath not found',
};

/** Walks `segments` from the top-level nodes; a list entry comes back as a one-entry list. */
export function resolvePath(top: readonly YangNode[], segments: readonly PathSegment[]): Resolution {
  let here: readonly YangNode[] = top;
  let module = '';
  let target: Target | undefined;
  for (const [index, segment] of segments.entries()) {
    const node = here.find(
      (n) => n.name === segment.name && (!segment.module || segment.module === (n.module ?? module)),
    );
    if (!node) return NOT_FOUND;
    module = node.module ?? module;
    const last = index === segments.length - 1;
    if (node.kind === 'list') {
      if (!segment.keys) {
        if (!last) return NOT_FOUND;
        target = { node, module };
        break;
      }
      const entry = findEntry(node, segment.keys);
      if (typeof entry === 'string')
        return { ok: false, status: 400, tag: 'missing-attribute', message: entry };
      if (!entry) return NOT_FOUND;
      target = { node: { ...node, entries: [entry] }, module };
      here = entry.children;
      continue;
    }
    if (segment.keys) return NOT_FOUND;
    target = { node, module };
    if (node.kind === 'leaf') {
      if (!last) return NOT_FOUND;
      break;
    }
    here = node.children;
  }
  return target ? { ok: true, target } : NOT_FOUND;
}

/** The entry with these key values, a message when the count is wrong, or undefined. */
function findEntry(list: ListNode, keys: readonly string[]): ContainerNode | string | undefined {
  if (keys.length !== list.keys.length) {
    return `wrong number of keys for list '${list.name}': expected ${list.keys.length}, got ${keys.length}`;
  }
  return list.entries.find((entry) => list.keys.every((key, i) => keyText(entry, key) === keys[i]));
}
