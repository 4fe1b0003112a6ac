/** `labfleet/testing`: fleets for a user's test suite, side by side on ports the OS picked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { FROZEN_EPOCH } from '../../simulator/device/render-context.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { FIXTURES } from '../helpers.js';

let clean: TestFleet;
let drifted: TestFleet;

beforeAll(async () => {
  const routers = await loadTopology('routers-10');
  const drift = parseDrift(readFileSync(join(FIXTURES, 'check', 'routers-10-drift.yaml'), 'utf8'), routers);
  [clean, drifted] = await Promise.all([
    startTestFleet({ topology: 'routers-10' }),
    startTestFleet({ topology: routers, world: drift }),
  ]);
});
afterAll(() => Promise.all([clean?.stop(), drifted?.stop()]));

describe('startTestFleet', () => {
  it('puts two fleets of one topology on loopback, each on ports of its own', () => {
    expect(clean.sshPort).not.toBe(drifted.sshPort);
    expect(clean.sshPort).not.toBe(clean.restPort);
    for (const d of clean.devices) {
      expect(d.host).toMatch(/^127\./);
      expect(d.port).toBe(clean.sshPort);
    }
  });

  it('gives targets checkCabling reaches: the clean fleet passes, the drifted one does not', async () => {
    const documentation = documentationFromTopology(clean.topology);
    const [ok, bad] = await Promise.all(
      [clean, drifted].map((f) => checkCabling(f.targets(), documentation, DEFAULT_COLLECT_OPTIONS)),
    );
    expect(clean.targets().map((t) => t.name)).toEqual(clean.devices.map((d) => d.name));
    expect(ok!.report.ok).toBe(true);
    expect(bad!.report.ok).toBe(false);
  });

  it('freezes time by default', () => {
    expect(clean.fleet.runtime(clean.devices[0]!.name)!.now()).toBe(FROZEN_EPOCH);
  });

  it('lists REST targets only for devices that serve REST', () => {
    expect(clean.targets('rest').map((t) => t.restUrl)).toEqual(
      clean.devices.filter((d) => d.rest_url).map((d) => d.rest_url),
    );
  });
});
