// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers, lowest first: a folder of simulator/ may import its own layer's files and those of
 * the layers below, never above or beside. The client reads the shared model (format, topology,
 * state, generate, errors) and never the simulator's device, engine, personalities or servers.
 */
const SIMULATOR_LAYERS = [
  ['format'],
  ['topology'],
  ['state'],
  ['latency', 'generate'],
  ['device'],
  ['engine'],
  ['personalities'],
  ['netconf'],
  ['ssh', 'rest'],
  ['fleet'],
  ['control'],
];
/** Packages only the servers may load: the model below them stays importable without them. */
const SERVER_PACKAGES = ['ssh2', 'fastify', 'fastify/*', '@fastify/*', 'selfsigned', 'prom-client'];
const CLIENT_FORBIDDEN = ['device', 'engine', 'personalities', 'netconf', 'ssh', 'rest'];

const folderPattern = (folder) => [`./${folder}/**`, `**/${folder}/**`];

/** Import rules that hold the layering; exported so a test can prove they catch a wrong-way import. */
export const layering = [
  ...SIMULATOR_LAYERS.flatMap((layer, rank) =>
    layer.map((folder) => {
      const above = SIMULATOR_LAYERS.slice(rank + 1).flat();
      const beside = layer.filter((other) => other !== folder);
      const servers = rank < SIMULATOR_LAYERS.findIndex((l) => l.includes('ssh'));
      return {
        files: [`simulator/${folder}/**/*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...(above.length + beside.length > 0
                  ? [
                      {
                        group: [...above, ...beside].flatMap(folderPattern),
                        message: `simulator/${folder} sits below ${[...above, ...beside].join(', ')}: imports point one way (topology → state → device → engine/personalities → netconf → ssh/rest → fleet → control → CLI).`,
                      },
                    ]
                  : []),
                { group: ['**/client/**'], message: 'The simulator never imports the client.' },
                ...(servers
                  ? [
                      {
                        group: SERVER_PACKAGES,
                        message: `simulator/${folder} must load without the SSH and REST servers.`,
                      },
                    ]
                  : []),
              ],
            },
          ],
        },
      };
    }),
  ),
  {
    files: ['simulator/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/client/**'], message: 'The simulator never imports the client.' }] },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: CLIENT_FORBIDDEN.map((folder) => `**/simulator/${folder}/**`),
              message: `The client never imports the simulator's ${CLIENT_FORBIDDEN.join(', ')}: it talks to devices over the wire only.`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    ignores: ['client/cli/**', 'client/index.ts', 'client/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...CLIENT_FORBIDDEN, 'fleet', 'control'].map((folder) => `**/simulator/${folder}/**`),
              message:
                'Only the CLI and the package entries start fleets and their control API; the client library reads devices over the wire.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use a seeded generator (simulator/state/random.ts).',
        },
      ],
    },
  },
  ...layering,
  {
    // A timer the fleet does not own outlives fleet.stop() and keeps `labfleet up` alive.
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/device/timers.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate'].map((name) => ({
          name,
          message:
            "Schedule through the fleet's Timers (device.timers, simulator/device/timers.ts): fleet.stop() clears them.",
        })),
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
