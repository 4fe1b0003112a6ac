/** `labfleet schema [--drift] [-o file]`: the JSON Schema editors use for topology (or drift) files. */
import type { Command } from 'commander';
import {
  driftJsonSchema,
  renderJsonSchema,
  topologyJsonSchema,
} from '../../../simulator/topology/json-schema.js';
import { writeOutput, type CliIO } from '../io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print the JSON Schema of topology files (for editors)')
    .option('--drift', 'the schema of drift overlay files instead')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(async (options: { drift?: boolean; output?: string }) => {
      const text = renderJsonSchema(options.drift ? driftJsonSchema() : topologyJsonSchema());
      await writeOutput(io, text, options.output);
    });
}
