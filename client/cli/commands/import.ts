/** `labfleet import netbox <devices> <cables>`: NetBox's devices and cables written as a labfleet topology. */
import type { Command } from 'commander';
import { writeOutput, type CliIO } from '../io.js';

interface ImportOptions {
  output?: string;
  name?: string;
}

export function registerImport(program: Command, io: CliIO): void {
  const command = program
    .command('import')
    .description("write a labfleet topology from another tool's inventory");
  command
    .command('netbox')
    .description(
      'from NetBox: its devices (CSV export or /api/dcim/devices/ JSON) and cables (CSV export or /api/dcim/cables/ JSON)',
    )
    .argument('<devices>', 'devices.csv or devices.json')
    .argument('<cables>', 'cables.csv or cables.json')
    .option('-o, --output <file>', 'write the topology to a file instead of stdout')
    .option('--name <name>', 'topology name', 'netbox')
    .action(async (devices: string, cables: string, options: ImportOptions) => {
      await runImportNetbox(devices, cables, options, io);
    });
}

/**
 * Reads both files, builds the topology and checks it as `validate` would before writing it; every
 * problem in either file is reported at once (IMPORT_INVALID), and nothing is written then.
 */
export async function runImportNetbox(
  devicesFile: string,
  cablesFile: string,
  options: ImportOptions,
  io: CliIO,
): Promise<void> {
  const { readSourceFile } = await import('../../../simulator/topology/source.js');
  const { readNetboxDevices } = await import('../../import/netbox-devices.js');
  const { readNetboxCableCsv, readNetboxCableJson } = await import('../../verify/netbox.js');
  const { importNetbox } = await import('../../import/netbox.js');
  const { createSourceError } = await import('../../source-error.js');
  const devicesText = await readSourceFile(devicesFile, 'NetBox devices');
  const cablesText = await readSourceFile(cablesFile, 'NetBox cables');
  const devices = readNetboxDevices(devicesText, devicesFile);
  const cables = /^\s*[[{]/.test(cablesText)
    ? readNetboxCableJson(cablesText, cablesFile)
    : readNetboxCableCsv(cablesText, cablesFile);
  const unreadable = [...(devices.invalid ?? []), ...(cables.invalid ?? [])];
  if (unreadable.length > 0) throw createSourceError('IMPORT_INVALID', unreadable);
  const built = importNetbox(
    devices.devices,
    cables,
    { devices: devicesFile, cables: cablesFile },
    options.name,
  );
  const problems = [...devices.problems, ...cables.problems, ...built.problems];
  if (problems.length > 0 || !built.topology) throw createSourceError('IMPORT_INVALID', problems);
  const { renderTopologyYaml } = await import('../../../simulator/generate/emit.js');
  const { validateTopologyText, unwrap } = await import('../../../simulator/topology/load.js');
  const text = renderTopologyYaml(built.topology);
  const where = options.output ?? '<import>';
  unwrap(validateTopologyText(text, where), where);
  await writeOutput(io, text, options.output);
  if (options.output)
    io.err(
      `wrote ${options.output}: ${built.topology.nodes.length} devices, ${built.topology.links.length} links` +
        `${cables.skipped.length ? `; ${cables.skipped.length} cables skipped (not interface to interface)` : ''}\n`,
    );
}
