/** `labfleet generate <shape>`: seeded topologies as YAML, to stdout or a file. */
import type { Command } from 'commander';
import type { CommonOptions, GeneratedTopology } from '../../../simulator/generate/index.js';
import { parseSeed, writeOutput, type CliIO } from '../io.js';
import { parseLatency } from '../options.js';
import { DEFAULT_SEED } from '../../../simulator/state/default-seed.js';

/** The generators, imported when a shape runs (not for `--help`). */
type Generators = typeof import('../../../simulator/generate/index.js');

interface Raw {
  seed?: string;
  name?: string;
  domain?: string;
  latency?: string;
  mgmtPool?: string;
  output?: string;
  [shapeOption: string]: string | undefined;
}

const count = (value: string | undefined): number => Number(value);

/** Written as given, once it is a duration the fleet will accept. */
const checkedLatency = (value: string): string => (parseLatency(value), value);

export function registerGenerate(program: Command, io: CliIO): void {
  const generate = program.command('generate').description('write a seeded topology of a given shape (YAML)');
  const shape = (
    name: string,
    description: string,
    options: Array<[string, string]>,
    build: (generators: Generators, raw: Raw, common: CommonOptions) => GeneratedTopology,
  ) => {
    const command = generate.command(name).description(description);
    for (const [flags, help] of options) command.requiredOption(flags, help);
    command
      .option('--seed <seed>', 'seed for every random choice (same seed, same bytes)', '1')
      .option('--name <name>', 'topology name')
      .option('--domain <domain>', 'domain name devices advertise (host.domain)')
      .option('--latency <duration>', 'per-command latency written into defaults, e.g. 200ms')
      .option('--mgmt-pool <cidr>', 'management address pool inside 127.0.0.0/8')
      .option('-o, --output <file>', 'write to a file instead of stdout')
      .action(async (raw: Raw) => {
        const common: CommonOptions = {
          seed: parseSeed(raw.seed) ?? DEFAULT_SEED,
          ...(raw.name ? { name: raw.name } : {}),
          ...(raw.domain ? { domain: raw.domain } : {}),
          ...(raw.latency ? { latency: checkedLatency(raw.latency) } : {}),
          ...(raw.mgmtPool ? { mgmtPool: raw.mgmtPool } : {}),
        };
        const generators = await import('../../../simulator/generate/index.js');
        const text = generators.renderTopologyYaml(build(generators, raw, common));
        await writeOutput(io, text, raw.output);
      });
  };
  shape(
    'leaf-spine',
    'spines and leaves, every leaf on every spine, leaves in MLAG/vPC pairs',
    [
      ['--spines <n>', 'number of spines (1-6)'],
      ['--leaves <n>', 'number of leaves'],
    ],
    (g, raw, common) =>
      g.generateLeafSpine({ ...common, spines: count(raw.spines), leaves: count(raw.leaves) }),
  );
  shape(
    'racks',
    'a hand-cabled lab: aggregation, top-of-rack switches and patched lab devices',
    [
      ['--racks <n>', 'number of racks (1-24)'],
      ['--per-rack <n>', 'devices per rack (5-48)'],
    ],
    (g, raw, common) => g.generateRacks({ ...common, racks: count(raw.racks), perRack: count(raw.perRack) }),
  );
  shape('ring', 'routers in a ring', [['--nodes <n>', 'number of routers']], (g, raw, common) =>
    g.generateRing({ ...common, nodes: count(raw.nodes) }),
  );
  shape(
    'random',
    'devices of random kinds with random cables',
    [
      ['--nodes <n>', 'number of devices'],
      ['--links <n>', 'number of cables'],
    ],
    (g, raw, common) => g.generateRandom({ ...common, nodes: count(raw.nodes), links: count(raw.links) }),
  );
}
