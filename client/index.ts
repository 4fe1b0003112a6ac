/** The package entry (`import … from 'labfleet'`): the simulator's API and the CLI runner. */
export * from '../simulator/index.js';
export { runCli, createProgram } from './cli/program.js';
