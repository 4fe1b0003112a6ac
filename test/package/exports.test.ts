/**
 * The package's public surface, pinned: adding or removing an export is a visible diff here.
 * Each subpath's runtime names are compared to a literal list, once from the TypeScript entry and
 * once through package.json `exports` from the build (`npm test` builds first).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const PUBLIC: Record<string, { source: string; names: string[] }> = {
  labfleet: {
    source: '../../client/index.js',
    names: [
      'ClientError',
      'DEFAULT_COLLECT_OPTIONS',
      'LabfleetError',
      'checkCabling',
      'collectAll',
      'collectDevice',
      'createStateContext',
      'createWorld',
      'deriveDeviceState',
      'documentationFromContainerlab',
      'documentationFromCsv',
      'documentationFromTopology',
      'generateLeafSpine',
      'generateRacks',
      'generateRandom',
      'generateRing',
      'loadDrift',
      'loadInventory',
      'loadTopology',
      'parseDrift',
      'parseTopology',
      'renderInventory',
      'renderReport',
      'renderTopologyYaml',
      'startFleet',
      'targetsFromTopology',
      'validateTopologyFile',
      'validateTopologyText',
      'verifyCabling',
    ],
  },
  'labfleet/topology': {
    source: '../../simulator/topology/index.js',
    names: [
      'ALL_INTERFACE_TYPES',
      'FAULT_DESCRIPTIONS',
      'FAULT_KINDS',
      'KINDS',
      'LabfleetError',
      'PLATFORMS',
      'createWorld',
      'driftJsonSchema',
      'faultsJsonSchema',
      'findKind',
      'findModel',
      'formatDiagnostic',
      'getKind',
      'loadDrift',
      'loadFaults',
      'loadTopology',
      'normalizeInterfaceName',
      'parseDrift',
      'parseFaults',
      'parseInterfaceName',
      'parseTopology',
      'shortInterfaceName',
      'topologyJsonSchema',
      'validateDriftText',
      'validateFaultsText',
      'validateTopologyFile',
      'validateTopologyText',
    ],
  },
  'labfleet/testing': {
    source: '../../client/testing/index.js',
    names: ['startFleet', 'startTestFleet'],
  },
};

const run = promisify(execFile);

/** Runs an ES module script with the package root as cwd, so `labfleet/…` resolves through `exports`. */
async function node(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  return stdout;
}

function built(): boolean {
  return existsSync(join(ROOT, 'dist', 'client', 'index.js'));
}

describe('the public surface', () => {
  it.each(Object.entries(PUBLIC))('%s exports exactly its pinned names (source)', async (_, entry) => {
    const module = (await import(entry.source)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual(entry.names);
  });

  it.each(Object.entries(PUBLIC))(
    '%s resolves through package.json to the same names',
    async (name, entry) => {
      expect(built(), 'run `npm run build` first (npm test does)').toBe(true);
      const out = await node(
        `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()))`,
      );
      expect(JSON.parse(out)).toEqual(entry.names);
    },
  );

  it('package.json exports every subpath above, the JSON Schemas and itself, nothing else', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual([
      '.',
      './drift.schema.json',
      './faults.schema.json',
      './package.json',
      './testing',
      './topology',
      './topology.schema.json',
    ]);
  });
});

/**
 * Which modules an import pulls in, seen by a module resolve hook (`module.register`) in a child
 * process: every ES import, static or dynamic, passes through it, including the first import of
 * a CommonJS package such as ssh2 or fastify. The hook runs on the loader thread and posts each
 * resolved URL on a MessagePort before answering; `receiveMessageOnPort` drains them afterwards
 * synchronously, so no message can be missed by a race.
 */
async function resolvedBy(specifier: string): Promise<string[]> {
  const hooks = `
    let port;
    export function initialize(data) { port = data.port; }
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      port.postMessage(resolved.url);
      return resolved;
    }`;
  const script = `
    import { register } from 'node:module';
    import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, {
      data: { port: port2 },
      transferList: [port2],
    });
    await import(${JSON.stringify(specifier)});
    const urls = [];
    for (let m; (m = receiveMessageOnPort(port1)); ) urls.push(m.message);
    port1.close();
    console.log(JSON.stringify(urls));`;
  return JSON.parse(await node(script)) as string[];
}

const HEAVY = /\/node_modules\/(ssh2|fastify)\//;

describe('labfleet/topology stays light', () => {
  it('loads neither ssh2 nor fastify', async () => {
    expect(built(), 'run `npm run build` first (npm test does)').toBe(true);
    const urls = await resolvedBy('labfleet/topology');
    expect(urls.some((u) => u.endsWith('/dist/simulator/topology/index.js'))).toBe(true);
    expect(urls.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it('while the hook does see ssh2 when the main entry loads it (the check can fail)', async () => {
    const urls = await resolvedBy('labfleet');
    expect(urls.some((u) => /\/node_modules\/ssh2\//.test(u))).toBe(true);
  });
});
