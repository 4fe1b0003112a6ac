/**
 * Racks, like a hand-cabled test lab: two aggregation switches, two top-of-rack switches per rack,
 * every lab device uplinked to both ToRs, and back-to-back patch cables between lab devices, mostly
 * within a rack. Device kinds and patching are drawn from the seed.
 */
import { createRng, type Rng } from '../state/random.js';
import {
  checkCount,
  describeCommand,
  PortAllocator,
  type CommonOptions,
  type GeneratedLink,
  type GeneratedNode,
  type GeneratedTopology,
} from './model.js';
import { pick } from './ring.js';
import { DEFAULT_SEED } from '../state/context.js';

export interface RacksOptions extends CommonOptions {
  racks: number;
  perRack: number;
}

/** Lab device flavours and their weights: mostly IOS, some NX-OS, EOS and Junos. */
const FLAVOURS = [
  { weight: 30, prefix: 'sw', kind: 'cisco_ios', model: 'C9300-48P' },
  { weight: 15, prefix: 'sw', kind: 'cisco_ios', model: 'C9300-24T' },
  { weight: 12, prefix: 'sw', kind: 'cisco_ios', model: 'WS-C3850-48T' },
  { weight: 8, prefix: 'rt', kind: 'cisco_ios', model: 'ISR4451-X/K9' },
  { weight: 5, prefix: 'rt', kind: 'cisco_ios', model: 'ASR1001-X' },
  { weight: 6, prefix: 'nx', kind: 'cisco_nxos', model: 'N9K-C93180YC-EX' },
  { weight: 4, prefix: 'nx', kind: 'cisco_nxos', model: 'N3K-C3172PQ-10GE' },
  { weight: 6, prefix: 'ar', kind: 'arista_eos', model: 'DCS-7050SX3-48YC8' },
  { weight: 3, prefix: 'ar', kind: 'arista_eos', model: 'DCS-7280SR-48C6' },
  { weight: 6, prefix: 'jx', kind: 'juniper_junos', model: 'EX4300-48T' },
  { weight: 3, prefix: 'mx', kind: 'juniper_junos', model: 'MX204' },
] as const;

/** The two parallel cables between the aggregation pair, and between each ToR pair: Port-channel1. */
const PAIR_LAG = 1;

function drawFlavour(rng: Rng): (typeof FLAVOURS)[number] {
  let roll = rng.int(
    1,
    FLAVOURS.reduce((sum, f) => sum + f.weight, 0),
  );
  for (const flavour of FLAVOURS) if ((roll -= flavour.weight) <= 0) return flavour;
  return FLAVOURS[0];
}

export function generateRacks(options: RacksOptions): GeneratedTopology {
  checkCount('racks', options.racks, 1, 24);
  checkCount('per-rack', options.perRack, 5, 48);
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = createRng(seed, 'racks', 'generate');
  const ports = new PortAllocator();
  const nodes: GeneratedNode[] = [];
  const links: GeneratedLink[] = [];
  const add = (node: GeneratedNode) => (nodes.push(node), ports.add(node));
  const lab: GeneratedNode[][] = [];
  for (const a of [1, 2])
    add({
      name: `agg${a}`,
      kind: 'cisco_ios',
      model: 'C9500-48Y4C',
      labels: { rack: '1', role: 'aggregation' },
    });
  ports.bundle(links, 'agg1', 'agg2', ['HundredGigE1/0/49', 'HundredGigE1/0/50'], PAIR_LAG);
  for (let r = 1; r <= options.racks; r++) {
    const rack = String(r);
    const tors = [1, 2].map((t) => `r${r}-tor${t}`);
    for (const tor of tors)
      add({ name: tor, kind: 'cisco_ios', model: 'C9300-48P', labels: { rack, role: 'tor' } });
    for (const tor of tors)
      ['agg1', 'agg2'].forEach((agg, i) => ports.cable(links, tor, agg, `TenGigabitEthernet1/1/${i + 1}`));
    ports.bundle(links, tors[0]!, tors[1]!, ['TenGigabitEthernet1/1/3', 'TenGigabitEthernet1/1/4'], PAIR_LAG);
    const count = options.perRack - 2 - (r === 1 ? 2 : 0);
    const devices: GeneratedNode[] = [];
    for (let d = 1; d <= count; d++) {
      const flavour = drawFlavour(rng);
      const node = {
        name: `r${r}-${flavour.prefix}${String(d).padStart(2, '0')}`,
        kind: flavour.kind,
        model: flavour.model,
        labels: { rack, role: 'lab' },
      };
      add(node);
      devices.push(node);
      for (const tor of tors) ports.cable(links, node.name, tor);
    }
    lab.push(devices);
  }
  patch(lab, ports, links, rng);
  return {
    name: options.name ?? `racks-${options.racks}x${options.perRack}`,
    seed,
    command: describeCommand(
      'racks',
      { racks: options.racks, 'per-rack': options.perRack },
      { ...options, seed },
    ),
    defaultKind: 'cisco_ios',
    ...pick(options, nodes.length),
    nodes,
    links,
  };
}

/** Back-to-back patch cables: each lab device asks for 5–8, three in four within its own rack. */
function patch(racks: GeneratedNode[][], ports: PortAllocator, links: GeneratedLink[], rng: Rng): void {
  const everyone = racks.flat();
  racks.forEach((devices) => {
    for (const device of devices) {
      const wanted = rng.int(5, 8);
      for (let i = 0, tries = 0; i < wanted && tries < 50; tries++) {
        const pool = rng.chance(0.75) || racks.length === 1 ? devices : everyone;
        const peer = rng.pick(pool);
        if (peer === device || ports.remaining(device.name) === 0 || ports.remaining(peer.name) === 0)
          continue;
        ports.cable(links, device.name, peer.name);
        i++;
      }
    }
  });
}
