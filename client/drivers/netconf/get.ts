/** The `<get>` every model-driven platform is asked with, and where its answer sits in the reply. */
import { childrenNamed, type XmlNode } from '../../transport/netconf-xml.js';

/** `<get>` of operational and configuration data under a subtree filter (RFC 6241 §6). */
export function subtreeGet(filter: string): string {
  return `<get><filter type="subtree">${filter}</filter></get>`;
}

/** The top-level nodes named `name` inside the reply's `<data>` (none when the filter matched nothing). */
export function dataNodes(reply: XmlNode, name: string): XmlNode[] {
  return childrenNamed(childrenNamed(reply, 'data')[0], name);
}
