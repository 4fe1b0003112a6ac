#!/usr/bin/env node
/**
 * The `labfleet` binary: runs the program and sets the exit code. `--version` alone answers before
 * the program (and the whole simulator behind it) is loaded, so it stays instant.
 */
import { packageVersion } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(argv);
}
