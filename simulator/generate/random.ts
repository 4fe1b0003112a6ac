/** Random: N devices of drawn kinds and models, M cables between drawn free ports. */
import { KINDS } from '../topology/kinds/index.js';
import { createRng } from '../state/random.js';
import {
  checkCount,
  MAX_GENERATED_NODES,
  describeCommand,
  PortAllocator,
  usage,
  type CommonOptions,
  type GeneratedNode,
  type GeneratedTopology,
} from './model.js';
import { pick } from './ring.js';
import { DEFAULT_SEED } from '../state/context.js';

export interface RandomOptions extends CommonOptions {
  nodes: number;
  links: number;
}

export function generateRandom(options: RandomOptions): GeneratedTopology {
  checkCount('nodes', options.nodes, 2, MAX_GENERATED_NODES);
  checkCount('links', options.links, 0, 2_000_000);
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = createRng(seed, 'random', 'generate');
  const ports = new PortAllocator();
  const nodes: GeneratedNode[] = [];
  for (let i = 1; i <= options.nodes; i++) {
    const kind = rng.pick(KINDS);
    const model = rng.pick(kind.models.filter((m) => !m.excludeFromRandom));
    const node = { name: `node${i}`, kind: kind.platform, model: model.name, labels: {} };
    nodes.push(node);
    ports.add(node);
  }
  const open = nodes.map((n) => n.name);
  const links: Array<[string, string]> = [];
  while (links.length < options.links) {
    if (open.length < 2)
      throw usage(
        `${options.nodes} devices have room for only ${links.length} links; ask for fewer links or more nodes`,
      );
    const i = rng.int(0, open.length - 1);
    let j = rng.int(0, open.length - 2);
    if (j >= i) j++;
    const [a, b] = [open[i]!, open[j]!];
    ports.cable(links, a, b);
    // Drop full devices by swapping in the last one (higher index first keeps the lower valid).
    for (const k of [Math.max(i, j), Math.min(i, j)]) {
      if (ports.remaining(open[k]!) > 0) continue;
      open[k] = open.at(-1)!;
      open.pop();
    }
  }
  return {
    name: options.name ?? `random-${options.nodes}x${options.links}`,
    seed,
    command: describeCommand('random', { nodes: options.nodes, links: options.links }, { ...options, seed }),
    defaultKind: 'cisco_ios',
    ...pick(options, nodes.length),
    nodes,
    links,
  };
}
