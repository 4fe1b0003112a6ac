#!/usr/bin/env node
/**
 * The `labfleet` binary: runs the program and sets the exit code. `--version` alone answers before
 * the program (and the whole simulator behind it) is loaded, so it stays instant.
 */
import { exitQuietlyOnClosedPipe } from './stdio.js';
import { packageVersion } from './version.js';

exitQuietlyOnClosedPipe();
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { runCli, INTERRUPTED } = await import('./program.js');
  const code = await runCli(argv);
  // After Ctrl-C the report is out; logins still in flight would only hold the process up.
  if (code === INTERRUPTED) process.exit(code);
  process.exitCode = code;
}
