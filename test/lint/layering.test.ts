/**
 * The import rules that hold the layering, run by ESLint itself on deliberate wrong-way imports:
 * each must be reported, and the right-way imports beside them must not.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layering } from '../../eslint.config.js';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layering],
});

async function restrictedImports(file: string, specifier: string): Promise<number> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport { x };\n`, {
    filePath: file,
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layering lint rules', () => {
  it.each([
    ['client/readers/ssh.ts', '../../simulator/engine/terminal-session.js'],
    ['client/drivers/rest/cisco-ios.ts', '../../../simulator/personalities/cisco-ios/render/time.js'],
    ['client/collect.ts', '../simulator/ssh/server.js'],
    ['client/collect.ts', '../simulator/rest/server.js'],
    ['client/collect.ts', '../simulator/device/runtime.js'],
    ['client/collect.ts', '../simulator/fleet/fleet.js'],
    ['simulator/topology/load.ts', '../client/inventory.js'],
    ['simulator/fleet/fleet.ts', '../../client/errors.js'],
    ['simulator/errors.ts', '../client/errors.js'],
    ['simulator/topology/load.ts', 'ssh2'],
    ['simulator/topology/load.ts', 'fastify'],
    ['simulator/state/index.ts', 'ssh2'],
    ['simulator/topology/world.ts', '../state/index.js'],
    ['simulator/state/arp.ts', '../device/runtime.js'],
    ['simulator/device/runtime.ts', '../personalities/index.js'],
    ['simulator/engine/parser.ts', '../ssh/server.js'],
    ['simulator/personalities/cisco-ios/shows.ts', '../../rest/cli.js'],
    ['simulator/personalities/index.ts', '../fleet/fleet.js'],
    ['simulator/ssh/server.ts', '../rest/server.js'],
    ['simulator/rest/eapi/api.ts', '../../ssh/server.js'],
    ['simulator/rest/server.ts', '../fleet/fleet.js'],
    ['simulator/format/uptime.ts', '../topology/model.js'],
    ['simulator/fleet/fleet.ts', '../control/server.js'],
    ['client/collect.ts', '../simulator/control/server.js'],
    ['simulator/device/stats.ts', 'prom-client'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toBe(1);
  });

  it.each([
    ['client/collect.ts', '../simulator/topology/kinds/index.js'],
    ['client/drivers/rest/cisco-ios.ts', '../../../simulator/format/uptime.js'],
    ['client/cli/commands/up.ts', '../../../simulator/fleet/fleet.js'],
    ['client/transport/ssh-session.ts', 'ssh2'],
    ['simulator/fleet/fleet.ts', '../personalities/index.js'],
    ['simulator/rest/eapi/api.ts', '../../device/runtime.js'],
    ['simulator/personalities/cisco-ios/shows.ts', '../../engine/personality.js'],
    ['simulator/ssh/server.ts', 'ssh2'],
    ['simulator/state/arp.ts', '../topology/model.js'],
    ['simulator/control/server.ts', '../fleet/control.js'],
    ['simulator/control/metrics.ts', 'prom-client'],
    ['client/cli/commands/up-control.ts', '../../../simulator/control/index.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toBe(0);
  });
});
