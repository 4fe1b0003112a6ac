#!/usr/bin/env node
/** The `labfleet` binary: runs the program and sets the exit code. */
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
