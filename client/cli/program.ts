/** The `labfleet` program: a fresh commander instance per call, so tests can run it in-process. */
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, LabfleetError } from '../../simulator/errors.js';
import { registerCheck } from './commands/check.js';
import { registerCollect } from './commands/collect.js';
import { registerCtl } from './commands/ctl.js';
import { registerDemo } from './commands/demo.js';
import { registerDiscover } from './commands/discover.js';
import { registerDown } from './commands/down.js';
import { registerGenerate } from './commands/generate.js';
import { registerGraph } from './commands/graph.js';
import { registerImport } from './commands/import.js';
import { registerInspect } from './commands/inspect.js';
import { registerInventory } from './commands/inventory.js';
import { registerLs } from './commands/ls.js';
import { registerSchema } from './commands/schema.js';
import { registerUp } from './commands/up.js';
import { registerValidate } from './commands/validate.js';
import { CliExit, EXIT, processIO, type CliIO } from './io.js';
import { packageVersion } from './version.js';

export function createProgram(io: CliIO = processIO): Command {
  const program = new Command('labfleet')
    .description('a fleet of fake network devices on loopback, and the checker that verifies their cabling')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  registerUp(program, io);
  registerCheck(program, io);
  registerCollect(program, io);
  registerDiscover(program, io);
  registerCtl(program, io);
  registerValidate(program, io);
  registerGenerate(program, io);
  registerGraph(program, io);
  registerSchema(program, io);
  registerDemo(program, io);
  registerLs(program, io);
  registerInspect(program, io);
  registerDown(program, io);
  registerInventory(program, io);
  registerImport(program, io);
  for (const command of program.commands) applySettings(command, io);
  return program;
}

function applySettings(command: Command, io: CliIO): void {
  command.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride();
  for (const sub of command.commands) applySettings(sub, io);
}

/** The exit code after Ctrl-C: the binary ends the process at once on it. */
export const INTERRUPTED = EXIT.INTERRUPTED;

/** Runs the CLI on argv (without node and script), returning the exit code; never exits the process. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/**
 * Any `LabfleetError` (client errors included) exits with its catalogued code. Anything else is a
 * bug in labfleet, not in the user's input: said so, with how to report it, and exit 2.
 */
function exitCodeFor(error: unknown, io: CliIO): number {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CommanderError) {
    // help and version end with code 0; usage errors were already printed by commander
    return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  }
  if (error instanceof LabfleetError) {
    io.err(`labfleet: ${error.message} [${error.code}]\n`);
    for (const d of error.diagnostics) io.err(formatDiagnostic(d) + '\n');
    return error.exitCode;
  }
  io.err(`labfleet: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  io.err(
    `this is a bug in labfleet ${packageVersion()}; please report it with the command line that caused it` +
      (process.env.LABFLEET_DEBUG
        ? ` and this trace:\n${error instanceof Error ? error.stack : String(error)}\n`
        : ' (LABFLEET_DEBUG=1 adds the stack trace)\n'),
  );
  return EXIT.USAGE;
}
