/**
 * netlab's link syntaxes read into one shape: every link, in the order netlab numbers interfaces,
 * with the nodes it attaches (and where each attachment is written), as netlab's own link
 * normalisation does before it numbers ports.
 */
import type { Reporter } from '../reporter.js';
import type { PathSegment } from '../source.js';

/** One node attached to a link. */
export interface Attachment {
  node: string;
  /** Where the attachment is written (the string link itself for `r1-r2`). */
  path: PathSegment[];
  /** An explicit `ifindex`, and where it is written. */
  ifindex?: { value: unknown; path: PathSegment[] };
  /** An explicit `ifname` (the port's name as given), and where it is written. */
  ifname?: { value: unknown; path: PathSegment[] };
}

/** A link after normalisation: its attachments and the attributes this translation reads. */
export interface NetlabLink {
  path: PathSegment[];
  attachments: Attachment[];
  /** `type` (p2p, lan, stub, loopback, tunnel, vlan_member), when given. */
  type?: string;
  /** True for a LAG (`lag:` on the link): its members are not translated. */
  lag: boolean;
}

/**
 * Keys of a link dictionary that are not node names: netlab's link attributes, its configuration
 * modules and its providers (netlab/defaults/attributes.yml, netsim/modules/). Any other key is
 * taken for a node; one that names no node is an error.
 */
const LINK_KEYS: ReadonlySet<string> = new Set([
  ...['bandwidth', 'bridge', 'disable', 'shutdown', 'name', 'prefix', 'ra', 'role', 'pool', 'tc'],
  ...['type', 'unnumbered', 'interfaces', 'mtu', 'vlan_name', 'linkindex', 'parentindex', 'gateway'],
  ...['group', 'members', 'description'],
  ...['bfd', 'bgp', 'dhcp', 'eigrp', 'evpn', 'isis', 'lag', 'mpls', 'ospf', 'ripv2', 'routing', 'sr'],
  ...['srv6', 'stp', 'vlan', 'vrf', 'vxlan'],
  ...['libvirt', 'clab', 'virtualbox', 'external'],
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads `links` (a list, or a dictionary of named lists) in netlab's order; group links
 * (`group` + `members`) give their members in place; `disable: true` links are left out.
 */
export function readNetlabLinks(
  links: unknown,
  nodes: ReadonlySet<string>,
  reporter: Reporter,
): NetlabLink[] {
  const out: NetlabLink[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) value.forEach((link, i) => readLink(link, [...path, i], {}));
    else if (isObject(value)) for (const [name, group] of Object.entries(value)) walk(group, [...path, name]);
    else if (typeof value === 'string') readLink(value, path, {});
    else
      reporter.report(
        'TYPE_INVALID',
        'expected a list of links, or a dictionary of named lists of links',
        path,
      );
  };
  const readLink = (link: unknown, path: PathSegment[], inherited: Record<string, unknown>): void => {
    if (isObject(link) && 'group' in link && 'members' in link) {
      const { members, ...attributes } = link;
      delete attributes.group;
      if (!Array.isArray(members)) {
        reporter.report('TYPE_INVALID', 'a link group\'s "members" must be a list of links', [
          ...path,
          'members',
        ]);
        return;
      }
      members.forEach((member, i) =>
        readLink(member, [...path, 'members', i], { ...inherited, ...attributes }),
      );
      return;
    }
    const read = readLinkObject(link, path, nodes, reporter);
    if (!read) return;
    const attributes = { ...inherited, ...read.attributes };
    if (attributes.disable === true) return;
    out.push({
      path,
      attachments: read.attachments,
      ...(typeof attributes.type === 'string' ? { type: attributes.type } : {}),
      lag: attributes.lag !== undefined,
    });
  };
  // no links: a lab of nodes and their management interfaces only
  if (links !== undefined && links !== null) walk(links, ['links']);
  return out;
}

function readLinkObject(
  link: unknown,
  path: PathSegment[],
  nodes: ReadonlySet<string>,
  reporter: Reporter,
): { attachments: Attachment[]; attributes: Record<string, unknown> } | undefined {
  const unknownNode = (name: string, at: PathSegment[], hint = '', key = false) =>
    reporter.report(
      'ENDPOINT_NODE_UNKNOWN',
      `"${name}" is not a node of this topology (nodes: ${[...nodes].join(', ')})${hint}`,
      at,
      key,
    );
  if (typeof link === 'string') {
    const attachments: Attachment[] = [];
    for (const part of link.split('-')) {
      const node = part.trim();
      if (nodes.has(node)) attachments.push({ node, path });
      else
        unknownNode(
          node,
          path,
          [...nodes].some((name) => name.includes('-'))
            ? '; a node whose name holds "-" needs the list form, e.g. [r-1, r-2]'
            : '',
        );
    }
    return { attachments, attributes: {} };
  }
  if (Array.isArray(link))
    return { attachments: readInterfaceList(link, path, nodes, reporter), attributes: {} };
  if (!isObject(link)) {
    reporter.report(
      'TYPE_INVALID',
      'expected a link: "r1-r2", a list of nodes [r1, r2], or a dictionary keyed by node name',
      path,
    );
    return undefined;
  }
  if ('interfaces' in link) {
    const { interfaces, ...attributes } = link;
    if (!Array.isArray(interfaces)) {
      reporter.report('TYPE_INVALID', '"interfaces" must be a list of nodes', [...path, 'interfaces']);
      return undefined;
    }
    return {
      attachments: readInterfaceList(interfaces, [...path, 'interfaces'], nodes, reporter),
      attributes,
    };
  }
  const attachments: Attachment[] = [];
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(link)) {
    const at = [...path, key];
    if (nodes.has(key)) {
      if (value === null || value === undefined) attachments.push({ node: key, path: at });
      else if (isObject(value)) attachments.push(withIfindex({ node: key, path: at }, value, at));
      else
        reporter.report('TYPE_INVALID', `the attachment of node "${key}" must be empty or a dictionary`, at);
    } else if (LINK_KEYS.has(key.split('.')[0]!)) attributes[key] = value;
    else unknownNode(key, at, ', nor a netlab link attribute', true);
  }
  return { attachments, attributes };
}

function readInterfaceList(
  list: readonly unknown[],
  path: PathSegment[],
  nodes: ReadonlySet<string>,
  reporter: Reporter,
): Attachment[] {
  const attachments: Attachment[] = [];
  list.forEach((entry, i) => {
    const at = [...path, i];
    const name = typeof entry === 'string' ? entry : isObject(entry) ? entry.node : undefined;
    if (typeof name !== 'string') {
      reporter.report('TYPE_INVALID', 'expected a node name, or a dictionary with "node"', at);
      return;
    }
    if (!nodes.has(name)) {
      reporter.report(
        'ENDPOINT_NODE_UNKNOWN',
        `"${name}" is not a node of this topology (nodes: ${[...nodes].join(', ')})`,
        isObject(entry) ? [...at, 'node'] : at,
      );
      return;
    }
    attachments.push(
      isObject(entry) ? withIfindex({ node: name, path: at }, entry, at) : { node: name, path: at },
    );
  });
  return attachments;
}

/** The attachment with the `ifindex` and `ifname` its dictionary gives. */
function withIfindex(attachment: Attachment, data: Record<string, unknown>, at: PathSegment[]): Attachment {
  return {
    ...attachment,
    ...('ifindex' in data ? { ifindex: { value: data.ifindex, path: [...at, 'ifindex'] } } : {}),
    ...('ifname' in data ? { ifname: { value: data.ifname, path: [...at, 'ifname'] } } : {}),
  };
}
