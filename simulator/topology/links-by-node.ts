/**
 * The documented links that end on each device, computed once per topology as two typed arrays
 * (a few bytes a link) rather than a map keyed by every port: a world of 100,000 devices looks up
 * a port's cable by walking its device's few links.
 */
import type { Link, Topology } from './model.js';

interface Index {
  /** Position of each node in `topology.nodes`, when `NodeSpec.index` does not already say it. */
  position?: Map<string, number>;
  /** `links[start[p] .. start[p + 1])` are the link indexes of the node at position p. */
  start: Int32Array;
  links: Int32Array;
}

/** Keyed by the links list, which a copy of the topology (`{ ...topology }`) keeps. */
const indexes = new WeakMap<readonly Link[], Index>();

function build(topology: Topology, known?: Int32Array): Index {
  const { nodes, links } = topology;
  const position = nodes.every((n, i) => n.index === i)
    ? undefined
    : new Map(nodes.map((n, i) => [n.name, i]));
  const at = (name: string): number =>
    position ? (position.get(name) ?? -1) : (topology.nodeByName.get(name)?.index ?? -1);
  const ends = new Int32Array(2 * links.length);
  const start = new Int32Array(nodes.length + 1);
  links.forEach((link, i) => {
    const a = known ? known[2 * i]! : at(link.a.node);
    const b = known ? known[2 * i + 1]! : at(link.b.node);
    ends[2 * i] = a;
    ends[2 * i + 1] = a === b ? -1 : b;
    if (a >= 0) start[a + 1]!++;
    if (b >= 0 && a !== b) start[b + 1]!++;
  });
  for (let p = 0; p < nodes.length; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, nodes.length);
  const out = new Int32Array(start[nodes.length]!);
  for (let e = 0; e < ends.length; e++) {
    const p = ends[e]!;
    if (p >= 0) out[fill[p]!++] = e >> 1;
  }
  return { ...(position ? { position } : {}), start, links: out };
}

/**
 * Indexes a topology whose loader already knows where each link's ends are: `ends[2i]` and
 * `ends[2i + 1]` are the positions in `topology.nodes` of link i's a and b nodes. (Looking 300,000
 * names up again costs more than the rest of the index.)
 */
export function indexLinkEnds(topology: Topology, ends: Int32Array): void {
  indexes.set(topology.links, build(topology, ends));
}

/** The documented links with an end on `node`, in file order (a link from a node to itself once). */
export function linksOf(topology: Topology, node: string): Link[] {
  let index = indexes.get(topology.links);
  if (!index) indexes.set(topology.links, (index = build(topology)));
  const p = index.position ? index.position.get(node) : topology.nodeByName.get(node)?.index;
  if (p === undefined || p < 0 || p >= topology.nodes.length) return [];
  const out: Link[] = [];
  for (let i = index.start[p]!; i < index.start[p + 1]!; i++) out.push(topology.links[index.links[i]!]!);
  return out;
}
