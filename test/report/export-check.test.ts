/**
 * `check --format <export>` against a drifted fleet (one fleet): the exports hold what the
 * neighbours showed, read back (export-read.ts), and check's exit code; `graph --drift` predicts them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import {
  cablingFromTopology,
  type ExportCabling,
  type ExportFormat,
} from '../../client/report/export/index.js';
import { cableKey } from '../../client/verify/ports.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { captureIO, FIXTURES } from '../helpers.js';
import { expectExport, FORMATS, keysOf } from './export-read.js';

describe('check --format <export> of a drifted fleet: what the neighbours showed', () => {
  const file = join(FIXTURES, 'drift', 'lab.yaml');
  const driftFile = join(FIXTURES, 'drift', 'lab-drift.yaml');
  let topology: Topology;
  let fleet: Fleet;
  let drifted: ExportCabling;
  beforeAll(async () => {
    topology = await loadTopology(file);
    const world = parseDrift(readFileSync(driftFile, 'utf8'), topology, driftFile);
    fleet = await startFleet({
      topology,
      world,
      sshPort: 0,
      rest: false,
      netconf: false,
      commandLatencyMs: 0,
    });
    drifted = cablingFromTopology(topology, world.drift);
  }, 60_000);
  afterAll(() => fleet?.stop());

  const check = async (format: ExportFormat) => {
    const captured = captureIO();
    const argv = ['check', file, '--ssh-port', String(fleet.sshPort), '--format', format, '--no-progress'];
    return { code: await runCli(argv, captured.io), ...captured };
  };

  it.each(FORMATS)(
    '%s: the drifted cabling (moved, swapped, added; not the unplugged), exit 1',
    async (format) => {
      const { code, out, err } = await check(format);
      expect(code).toBe(1);
      expectExport(format, out, drifted);
      if (format === 'anta') expect(err).toMatch(/5 device\(s\) are not Arista EOS/);
      else expect(err).toBe('');
    },
  );

  it('graph --drift writes what check finds: the same bytes where the order is the format’s', async () => {
    for (const format of ['batfish', 'anta'] as const) {
      const graph = captureIO();
      const argv = ['graph', file, '--drift', driftFile, '--format', format];
      expect(await runCli(argv, graph.io)).toBe(0);
      expect(graph.out).toBe((await check(format)).out);
    }
  });

  it('the drift is in the export: the unplugged cable gone, the added one there', () => {
    const keys = keysOf(drifted.cables);
    expect(keys).not.toContain(
      cableKey(
        { device: 'R2', interface: 'GigabitEthernet3' },
        { device: 'R3', interface: 'GigabitEthernet3' },
      ),
    );
    expect(keys).toContain(
      cableKey({ device: 'R5', interface: 'GigabitEthernet6' }, { device: 'sw1', interface: 'Ethernet2' }),
    );
  });
});
