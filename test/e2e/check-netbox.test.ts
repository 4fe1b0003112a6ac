/**
 * `check --doc` with NetBox's cable exports, written by the test from the topology as NetBox
 * writes them, against a drifted routers-10: exactly the drift is found, whichever export
 * documents the lab; a CSV with a wrong header is refused; a bad NetBox row is one located problem.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../client/cli/program.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { captureIO, FIXTURES } from '../helpers.js';
import { cablesApiJson, cablesApiJsonOld, cablesImportCsv, cablesUiCsv } from '../verify/netbox-export.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-check-netbox-'));
let fleet: Fleet;
let routers: Topology;

async function check(...argv: string[]) {
  const captured = captureIO();
  const code = await runCli(
    ['check', 'routers-10', '--ssh-port', String(fleet.sshPort), '--no-progress', ...argv],
    captured.io,
  );
  return { code, out: captured.out, err: captured.err };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  routers = await loadTopology('routers-10');
  const drift = parseDrift(readFileSync(join(FIXTURES, 'check', 'routers-10-drift.yaml'), 'utf8'), routers);
  fleet = await startFleet({ topology: routers, world: drift, rest: false, sshPort: 0, commandLatencyMs: 0 });
});
afterAll(() => fleet?.stop());

describe('check --doc with NetBox cable exports of a drifted lab', () => {
  let expected: string[];
  beforeAll(async () => {
    const { code, out } = await check();
    expect(code).toBe(1);
    expected = out.split('\n').slice(0, -2);
    expect(expected).toHaveLength(5); // swap, move, missing, unexpected, the summary
  });

  /** The UI export as messy files are: hosts with a domain, abbreviated lower-case ports. */
  const messyUi = (t: Topology) =>
    cablesUiCsv(t)
      .replace(/,(R\d+),(R\d+),/g, ',$1.lab.example.com,$2,')
      .replace(/GigabitEthernet(\d)/g, 'gi$1');

  it.each<[string, string, (t: Topology) => string]>([
    ['bulk-import CSV', 'cables.csv', cablesImportCsv],
    ['web UI CSV with domains and abbreviated ports', 'netbox_cables.csv', messyUi],
    ['API JSON, NetBox 4', 'cables.json', cablesApiJson],
    ['API JSON, NetBox 3.2, no .json name', 'cables.txt', cablesApiJsonOld],
  ])('%s: exactly the drift', async (_name, file, exportCables) => {
    const { code, out } = await check('--doc', write(file, exportCables(routers)));
    expect(out.split('\n').slice(0, -2)).toEqual(expected);
    expect(code).toBe(1);
  });

  it('a bad NetBox row is one located problem; the other cables are still checked', async () => {
    const lines = cablesImportCsv(routers).split('\n');
    lines.push('R1,dcim.interface,GigabitEthernet9,,,');
    const file = write('bad-row.csv', lines.join('\n'));
    const { code, out } = await check('--doc', file);
    expect(code).toBe(1);
    expect(out).toContain(`DOCUMENTATION ${file}:17:`);
    expect(out).toContain('Cabling: 11 of 15 documented cables verified; 5 problems.');
  });

  it('a CSV with a wrong header is refused: DOCUMENTATION_INVALID, exit 2, the headers it reads shown', async () => {
    const file = write('wrong.csv', 'hostname,port,neighbor,neighbor_port\nR1,Gi2,R2,Gi2\n');
    const { code, err, out } = await check('--doc', file);
    expect(out).toBe('');
    expect(err).toMatch(/^labfleet: .*\[DOCUMENTATION_INVALID\]\n/);
    expect(err).toContain(
      `${file}:1:1: not a cabling CSV labfleet reads: the header must be local_hostname,local_port,remote_hostname,remote_port`,
    );
    expect(err).toContain('side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name');
    expect(code).toBe(2);
  });
});
