/**
 * YANG instance trees (the ones RESTCONF encodes, personalities/cisco-ios/yang) as NETCONF XML:
 * RFC 7950 §7 encoding — a namespace where the module changes, list entries as repeated elements,
 * an identityref as a prefixed name with its prefix declared on the leaf, `empty` as `<leaf/>`.
 */
import { namespaceOf, prefixOf } from '../personalities/cisco-ios/yang/modules.js';
import type { Rooted, YangNode } from '../personalities/cisco-ios/yang/tree.js';
import { el, type XmlElement } from './xml.js';

export function yangToXml(root: Rooted): XmlElement[] {
  return nodeToXml(root.node, root.module, undefined);
}

function nodeToXml(node: YangNode, module: string, parentModule: string | undefined): XmlElement[] {
  const own = node.module ?? module;
  const ns = own === parentModule ? {} : { ns: namespaceOf(own) };
  if (node.kind === 'list')
    return node.entries.flatMap((entry) =>
      nodeToXml({ ...entry, module: own }, own, parentModule).map((x) =>
        node.keys.length > 0 ? { ...x, keys: node.keys } : x,
      ),
    );
  if (node.kind === 'container')
    return [
      el(
        node.name,
        node.children.flatMap((c) => nodeToXml(c, own, own)),
        ns,
      ),
    ];
  const value = node.value;
  if (value === null) return [el(node.name, '', ns)];
  if (typeof value === 'object') {
    const prefix = prefixOf(value.module);
    return [
      el(node.name, `${prefix}:${value.identity}`, {
        ...ns,
        attributes: [[`xmlns:${prefix}`, namespaceOf(value.module)]],
      }),
    ];
  }
  return [el(node.name, String(value), ns)];
}
