/**
 * Leaf-spine: every leaf cabled to every spine on its uplinks; leaves in MLAG/vPC pairs whose two
 * peer links are one LAG. Leaf vendor is drawn per pair from the seed.
 */
import { createRng } from '../state/random.js';
import {
  checkCount,
  describeCommand,
  PortAllocator,
  usage,
  type CommonOptions,
  type GeneratedLink,
  type GeneratedNode,
  type GeneratedTopology,
} from './model.js';
import { pick } from './ring.js';
import { DEFAULT_SEED } from '../state/context.js';

export interface LeafSpineOptions extends CommonOptions {
  spines: number;
  leaves: number;
}

const LEAVES = [
  {
    kind: 'cisco_nxos',
    model: 'N9K-C93180YC-EX',
    uplink: (i: number) => `Ethernet1/${49 + i}`,
    peer: ['Ethernet1/47', 'Ethernet1/48'],
  },
  {
    kind: 'arista_eos',
    model: 'DCS-7050SX3-48YC8',
    uplink: (i: number) => `Ethernet${49 + i}/1`,
    peer: ['Ethernet47', 'Ethernet48'],
  },
] as const;

/** The MLAG / vPC peer link: Port-Channel1 (EOS) or port-channel1 (NX-OS) on both leaves. */
const PEER_LINK_LAG = 1;

export function generateLeafSpine(options: LeafSpineOptions): GeneratedTopology {
  checkCount('spines', options.spines, 1, 6);
  checkCount('leaves', options.leaves, 1, 576);
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = createRng(seed, 'leaf-spine', 'generate');
  const spineModel = options.leaves <= 54 ? 'DCS-7280SR-48C6' : 'DCS-7516';
  const ports = new PortAllocator();
  const nodes: GeneratedNode[] = [];
  const links: GeneratedLink[] = [];
  const add = (node: GeneratedNode) => (nodes.push(node), ports.add(node));
  for (let s = 1; s <= options.spines; s++)
    add({ name: `spine${s}`, kind: 'arista_eos', model: spineModel, labels: { role: 'spine' } });
  let flavour: (typeof LEAVES)[number] = LEAVES[0];
  for (let l = 1; l <= options.leaves; l++) {
    if (l % 2 === 1) flavour = rng.pick(LEAVES);
    const name = `leaf${l}`;
    add({
      name,
      kind: flavour.kind,
      model: flavour.model,
      labels: { role: 'leaf', pair: String(Math.ceil(l / 2)) },
    });
    for (let s = 0; s < options.spines; s++) ports.cable(links, name, `spine${s + 1}`, flavour.uplink(s));
    if (l % 2 === 0) ports.bundle(links, `leaf${l - 1}`, name, flavour.peer, PEER_LINK_LAG);
  }
  if (nodes.length === 0) throw usage('nothing to generate');
  return {
    name: options.name ?? `leaf-spine-${options.spines}x${options.leaves}`,
    seed,
    command: describeCommand(
      'leaf-spine',
      { spines: options.spines, leaves: options.leaves },
      { ...options, seed },
    ),
    defaultKind: 'arista_eos',
    ...pick(options, nodes.length),
    nodes,
    links,
  };
}
