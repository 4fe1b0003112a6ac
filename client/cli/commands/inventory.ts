/** `labfleet inventory merge <a.json> <b.json>…`: the inventories shards wrote, joined into one. */
import type { Command } from 'commander';
import { LabfleetError } from '../../../simulator/errors.js';
import type { CliIO } from '../io.js';

/** The formats `up --inventory-format` writes (kept here so --help loads nothing heavy). */
const FORMATS = ['json', 'ansible', 'nornir', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface MergeOptions {
  output?: string;
  format: string;
}

export function registerInventory(program: Command, io: CliIO): void {
  const inventory = program
    .command('inventory')
    .description('work with the inventories up writes: merge the parts of a sharded fleet');
  inventory
    .command('merge')
    .description(
      'join JSON inventories (as up --shard i/n --inventory wrote them) into one, in the order given; a device in two files is refused',
    )
    .argument('<files...>', 'JSON inventories, e.g. shard-0.json shard-1.json')
    .option(
      '-o, --output <file>',
      'write the merged inventory here instead of stdout (nornir: the hosts file)',
    )
    .option('--format <format>', `merged inventory format: ${FORMATS.join('|')}`, 'json')
    .action(async (files: string[], options: MergeOptions) => {
      const format = parseFormat(options.format);
      if (format === 'nornir' && !options.output)
        throw new LabfleetError(
          'USAGE',
          '--format nornir writes three files (hosts, groups, defaults): give --output hosts.yaml',
        );
      const [{ mergeFleetInventories }, { renderInventoryFiles }, { writeOutput }] = await Promise.all([
        import('../../inventory/merge.js'),
        import('../../../simulator/fleet/inventory.js'),
        import('../io.js'),
      ]);
      const devices = await mergeFleetInventories(files);
      type Devices = Parameters<typeof renderInventoryFiles>[0];
      const rendered = renderInventoryFiles(devices as unknown as Devices, format, options.output ?? '-');
      for (const { path, text } of rendered) await writeOutput(io, text, options.output ? path : undefined);
      if (options.output)
        io.err(`inventory merge: ${devices.length} devices from ${files.length} files → ${options.output}\n`);
    });
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new LabfleetError('USAGE', `--format "${value}" is not supported; valid: ${FORMATS.join(', ')}`);
}
