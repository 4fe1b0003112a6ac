/**
 * Scripts the fleet forks (listener helpers, workers) live next to this module in the build. Tests
 * run the TypeScript sources, where the built script is found under dist/ (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LabfleetError } from '../errors.js';

export function siblingScript(name: string, why: string): string {
  const here = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])simulator([\\/]fleet[\\/])/, '$1dist$1simulator$2');
  if (existsSync(built)) return built;
  throw new LabfleetError('LISTEN_FAILED', `${here} is missing; run \`npm run build\` (${why})`);
}
