/**
 * The YANG instance tree a RESTCONF reply is cut from: containers, lists with their keys and
 * leaves, each node knowing its module only where it changes (as RFC 7951 qualifies names). One
 * tree per request, built from the device's render context, then resolved by path and encoded.
 */

/** A leaf's value: a uint64 is already a string (RFC 7951), `null` is the `empty` type. */
export type LeafValue = string | number | boolean | null | Identity;

/** An identityref: `iana-if-type:ethernetCsmacd` in JSON, a prefixed name in XML. */
export interface Identity {
  identity: string;
  module: string;
}

export interface LeafNode {
  kind: 'leaf';
  name: string;
  module?: string;
  value: LeafValue;
}

export interface ContainerNode {
  kind: 'container';
  name: string;
  module?: string;
  children: YangNode[];
}

export interface ListNode {
  kind: 'list';
  name: string;
  module?: string;
  keys: readonly string[];
  /** Each entry is a container named after the list. */
  entries: ContainerNode[];
}

export type YangNode = LeafNode | ContainerNode | ListNode;

type Child = YangNode | undefined | false;

/** Leaves from an object literal, in its order; undefined values are left out. */
export function leaves(values: Record<string, LeafValue | undefined>): LeafNode[] {
  return Object.entries(values).flatMap(([name, value]) =>
    value === undefined ? [] : [{ kind: 'leaf' as const, name, value }],
  );
}

export function leaf(name: string, value: LeafValue, module?: string): LeafNode {
  return { kind: 'leaf', name, value, ...(module ? { module } : {}) };
}

export function container(name: string, children: readonly Child[], module?: string): ContainerNode {
  return {
    kind: 'container',
    name,
    children: children.filter((c): c is YangNode => Boolean(c)),
    ...(module ? { module } : {}),
  };
}

export function list(
  name: string,
  keys: readonly string[],
  entries: ReadonlyArray<readonly Child[]>,
  module?: string,
): ListNode {
  return {
    kind: 'list',
    name,
    keys,
    entries: entries.map((children) => container(name, children)),
    ...(module ? { module } : {}),
  };
}

export const identity = (module: string, name: string): Identity => ({ identity: name, module });

/** True when a node holds no data: RESTCONF answers 204 rather than an empty object. */
export function isEmpty(node: YangNode): boolean {
  if (node.kind === 'leaf') return false;
  if (node.kind === 'list') return node.entries.length === 0;
  return node.children.every(isEmpty);
}

/** The text of a key leaf as it appears in a path (`platform-fru-rp`, `0`, `-1`). */
export function keyText(entry: ContainerNode, key: string): string | undefined {
  const found = entry.children.find((c) => c.kind === 'leaf' && c.name === key) as LeafNode | undefined;
  if (!found || found.value === null) return undefined;
  const value = found.value;
  return typeof value === 'object' ? `${value.module}:${value.identity}` : String(value);
}

/** A top-level node of a document and the module that qualifies it. */
export interface Rooted {
  node: YangNode;
  module: string;
}
