/**
 * Scripts the fleet forks (listener helpers, workers) live next to the module that names them
 * (`base`, this module's folder by default) in the build. Tests
 * run the TypeScript sources, where the built script is found under dist/ (`npm test` builds first).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LabfleetError } from '../errors.js';

export function siblingScript(name: string, why: string, base: string = import.meta.url): string {
  const here = fileURLToPath(new URL(`./${name}`, base));
  if (existsSync(here)) return here;
  const built = here.replace(/([\\/])simulator([\\/](?:fleet|control)[\\/])/, '$1dist$1simulator$2');
  if (existsSync(built)) return built;
  throw new LabfleetError('LISTEN_FAILED', `${here} is missing; run \`npm run build\` (${why})`);
}
