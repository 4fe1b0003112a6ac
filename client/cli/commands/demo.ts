/** `labfleet demo`: what `npm start` runs. Until the fleet and checker land, it shows the lab it will run. */
import type { Command } from 'commander';
import { createStateContext, deriveDeviceState } from '../../../simulator/state/index.js';
import { createWorld } from '../../../simulator/topology/drift.js';
import { DEFAULT_TOPOLOGY, loadTopology } from '../../../simulator/topology/load.js';
import { summarizeTopology } from '../../../simulator/topology/model.js';
import type { CliIO } from '../io.js';

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('the default lab, checked sequentially and concurrently (what npm start runs)')
    .argument('[topology]', 'topology file or bundled name', DEFAULT_TOPOLOGY)
    .action(async (file: string) => {
      const topology = await loadTopology(file);
      const summary = summarizeTopology(topology);
      const ctx = createStateContext(createWorld(topology));
      const neighbors = topology.nodes.reduce(
        (sum, node) => sum + deriveDeviceState(ctx, node.name).neighbors.length,
        0,
      );
      const kinds = Object.entries(summary.kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      io.out(
        [
          `${summary.name}: ${summary.devices} devices (${kinds}), ${summary.links} documented cables.`,
          `Derived every device's state from seed ${String(ctx.seed)}: ${neighbors} CDP/LLDP neighbour entries.`,
          '',
          'Not yet: the SSH fleet (labfleet up) and the concurrent cabling check (labfleet check) are the next',
          'milestones; when they land, this demo starts the lab and checks it sequentially and concurrently.',
          '',
        ].join('\n'),
      );
    });
}
