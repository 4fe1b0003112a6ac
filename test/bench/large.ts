/**
 * `npm run bench -- --only=large`: the topology side of a 100,000-device fleet (issue 15). Every
 * worker process loads the topology and builds the world and state context itself, so these are
 * per-process costs; heap is what the topology, world and context hold, per 1,000 devices.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateRandom, generateRing, renderTopologyYaml } from '../../simulator/generate/index.js';
import { createStateContext, deriveDeviceState } from '../../simulator/state/index.js';
import { validateTopologyText } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { createWorld } from '../../simulator/topology/world.js';

interface Row {
  what: string;
  value: string;
}

const DEVICES = 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function median(runs: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function load(text: string): Topology {
  const { topology, diagnostics } = validateTopologyText(text, 'large.yaml');
  if (!topology) throw new Error(`bench topology invalid: ${diagnostics[0]?.message}`);
  return topology;
}

/** Heap held by the topology, world and context of one process (text dropped), MB per 1,000 devices. */
function heapPerThousand(text: string): string {
  gc();
  const before = process.memoryUsage().heapUsed;
  const topology = load(text);
  const ctx = createStateContext(createWorld(topology));
  deriveDeviceState(ctx, topology.nodes[0]!.name);
  gc();
  const held = process.memoryUsage().heapUsed - before;
  if (ctx.world.topology !== topology) throw new Error('unreachable');
  return `${((held / 2 ** 20 / topology.nodes.length) * 1000).toFixed(2)} MB (${(held / 2 ** 20).toFixed(0)} MB)`;
}

export function benchLarge(): Row[] {
  const rows: Row[] = [];
  let text = '';
  const generate = median(3, () => (text = renderTopologyYaml(generateRing({ nodes: DEVICES }))));
  rows.push({
    what: `generate + render ring of 100,000 routers (${(text.length / 2 ** 20).toFixed(1)} MiB YAML)`,
    value: seconds(generate),
  });
  rows.push({ what: 'load + validate ring of 100,000 routers', value: seconds(median(3, () => load(text))) });
  const topology = load(text);
  rows.push({
    what: 'world + state context + first device, 100,000 routers',
    value: seconds(
      median(3, () => deriveDeviceState(createStateContext(createWorld(topology)), topology.nodes[0]!.name)),
    ),
  });
  rows.push({
    what: 'heap per 1,000 devices: topology + world + context (ring)',
    value: heapPerThousand(text),
  });
  const random = renderTopologyYaml(generateRandom({ nodes: DEVICES, links: 150_000, seed: 7 }));
  rows.push({
    what: `load + validate random 100,000 devices / 150,000 links (${(random.length / 2 ** 20).toFixed(1)} MiB)`,
    value: seconds(median(3, () => load(random))),
  });
  rows.push({
    what: 'heap per 1,000 devices: topology + world + context (random)',
    value: heapPerThousand(random),
  });
  return rows;
}
