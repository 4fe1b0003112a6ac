/** Drift for demos: a few seeded deviations (a swap, an unplugged cable, an extra cable) an audience can watch being caught. */
import { createRng } from '../simulator/state/random.js';
import { expandModelPorts } from '../simulator/topology/interfaces.js';
import { findModel, getKind } from '../simulator/topology/kinds/index.js';
import { endpointKey, type Endpoint, type Topology } from '../simulator/topology/model.js';
import type { DriftItem } from '../simulator/topology/world.js';

const end = (e: Endpoint) => `${e.node} ${e.interface}`;

/** A drift item in words, for the audience. */
export function describeDrift(item: DriftItem): string {
  switch (item.op) {
    case 'swap':
      return `the cables in ${end(item.ports[0])} and ${end(item.ports[1])} are exchanged`;
    case 'unplug':
      return `the cable in ${end(item.port)} is pulled out`;
    case 'move':
      return `the cable in ${end(item.from)} is moved to ${end(item.to)}`;
    case 'add':
      return `an undocumented cable joins ${end(item.ports[0])} and ${end(item.ports[1])}`;
  }
}

/** Picks, from the seed: one device whose two cables are swapped, one cable unplugged, one undocumented cable. */
export function demoDrift(
  topology: Topology,
  seed: string | number,
  served: (node: string) => boolean,
): DriftItem[] {
  const rng = createRng(seed, topology.name, 'demo-drift');
  const links = topology.links.filter((l) => served(l.a.node) && served(l.b.node));
  const used = new Set(topology.links.flatMap((l) => [endpointKey(l.a), endpointKey(l.b)]));
  const byNode = new Map<string, Endpoint[]>();
  for (const l of links)
    for (const end of [l.a, l.b]) byNode.set(end.node, [...(byNode.get(end.node) ?? []), end]);
  const candidates = [...byNode.entries()].filter(([, ports]) => ports.length >= 2);
  const [, ports] = rng.pick(candidates);
  const swap: DriftItem = { op: 'swap', ports: [ports[0]!, ports[1]!] };
  const touched = new Set([ports[0]!.node]);
  const unplugged = rng.pick(links.filter((l) => !touched.has(l.a.node) && !touched.has(l.b.node)));
  const free = (node: string) => {
    const spec = topology.nodeByName.get(node)!;
    const model = findModel(getKind(spec.platform), spec.model)!;
    return expandModelPorts(model).find((p) => !used.has(`${node}:${p}`));
  };
  const servedNodes = topology.nodes.filter(
    (n) => served(n.name) && free(n.name) && n.name !== unplugged.a.node && n.name !== unplugged.b.node,
  );
  const a = rng.pick(servedNodes);
  const b = rng.pick(servedNodes.filter((n) => n !== a));
  const add: DriftItem = {
    op: 'add',
    ports: [
      { node: a.name, interface: free(a.name)! },
      { node: b.name, interface: free(b.name)! },
    ],
  };
  return [swap, { op: 'unplug', port: unplugged.a }, add];
}
