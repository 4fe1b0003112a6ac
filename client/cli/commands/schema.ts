/** `labfleet schema [--drift | --faults] [-o file]`: the JSON Schema editors use for topology (drift, faults) files. */
import type { Command } from 'commander';
import { writeOutput, type CliIO } from '../io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print the JSON Schema of topology files (for editors)')
    .option('--drift', 'the schema of drift overlay files instead')
    .option('--faults', 'the schema of faults overlay files instead')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (options: { drift?: boolean; faults?: boolean; output?: string }) => {
      const { driftJsonSchema, faultsJsonSchema, renderJsonSchema, topologyJsonSchema } =
        await import('../../../simulator/topology/json-schema.js');
      const schema = options.drift
        ? driftJsonSchema()
        : options.faults
          ? faultsJsonSchema()
          : topologyJsonSchema();
      const text = renderJsonSchema(schema);
      await writeOutput(io, text, options.output);
    });
}
