/**
 * `labfleet import netbox`: a topology exported as NetBox would export it, imported back, is a
 * valid topology with the same devices, kinds, models and cabling; device names NetBox allows and
 * hostnames do not are mapped and said so; bad exports are IMPORT_INVALID, every problem located.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostnameFor, platformOf } from '../../client/import/netbox.js';
import { atLine } from '../../client/netbox/read.js';
import { formatDiagnostic, type Diagnostic } from '../../simulator/errors.js';
import { loadTopology, validateTopologyText } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { captureIO, runCaptured } from '../helpers.js';
import {
  cablesApiJson,
  cablesApiJsonOld,
  cablesImportCsv,
  cablesUiCsv,
  devicesApiJson,
  devicesImportCsv,
} from '../verify/netbox-export.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-import-netbox-'));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const run = runCaptured;

const cabling = (t: Topology, host = (node: string) => node) =>
  t.links
    .map((l) => [`${host(l.a.node)}:${l.a.interface}`, `${host(l.b.node)}:${l.b.interface}`].sort().join(' '))
    .sort();

let lab: Topology;
let small: Topology;
beforeAll(async () => {
  lab = await loadTopology('lab-100');
  small = await loadTopology('routers-10');
});

describe('a topology exported to NetBox and imported back', () => {
  it.each<[string, (t: Topology) => string, (t: Topology) => string]>([
    ['bulk-import CSVs', devicesImportCsv, cablesImportCsv],
    ['API JSON (NetBox 4)', (t) => devicesApiJson(t), cablesApiJson],
    ['devices CSV, web UI cables CSV', devicesImportCsv, cablesUiCsv],
    ['API JSON without platforms, NetBox 3.2 cables', (t) => devicesApiJson(t, false), cablesApiJsonOld],
  ])('%s: same devices, kinds, models and cabling', async (name, devices, cables) => {
    const slug = name.replace(/\W+/g, '-');
    const ext = (text: string) => (text.startsWith('{') || text.startsWith('[') ? 'json' : 'csv');
    const d = devices(lab);
    const c = cables(lab);
    const output = join(dir, `${slug}.yaml`);
    const { code, err } = await run(
      'import',
      'netbox',
      write(`${slug}-devices.${ext(d)}`, d),
      write(`${slug}-cables.${ext(c)}`, c),
      '--output',
      output,
      '--name',
      'from-netbox',
    );
    expect(err).toMatch(/devices, \d+ links/);
    expect(code).toBe(0);
    const result = validateTopologyText(readFileSync(output, 'utf8'), output);
    expect(result.diagnostics).toEqual([]);
    const imported = result.topology!;
    expect(imported.name).toBe('from-netbox');
    expect(cabling(imported)).toEqual(cabling(lab));
    expect(imported.nodes.map((n) => [n.name, n.platform, n.model])).toEqual(
      lab.nodes.map((n) => [n.name, n.platform, n.model]),
    );
  });
});

describe('device names and kinds', () => {
  it.each([
    ['R1', 'R1'],
    ['core1.dc1.example.com', 'core1'],
    ['core sw 1', 'core-sw-1'],
    ['edge_router_2', 'edge-router-2'],
    ['1st-floor', 'n1st-floor'],
    ['toString', 'n-toString'],
  ])('%s → hostname %s', (name, host) => {
    expect(hostnameFor(name)).toBe(host);
  });

  it.each<[Partial<Record<'platform' | 'manufacturer' | 'deviceType', string>>, string | undefined]>([
    [{ platform: 'cisco-ios-xe' }, 'cisco_ios'],
    [{ platform: 'Cisco IOS-XE' }, 'cisco_ios'],
    [{ platform: 'iosxe' }, 'cisco_ios'],
    [{ platform: 'nxos_ssh' }, 'cisco_nxos'],
    [{ platform: 'Cisco NX-OS' }, 'cisco_nxos'],
    [{ platform: 'eos' }, 'arista_eos'],
    [{ platform: 'juniper_junos' }, 'juniper_junos'],
    [{ platform: 'iosxr', manufacturer: 'cisco', deviceType: 'Nexus 93180YC-EX' }, 'cisco_nxos'],
    [{ manufacturer: 'cisco', deviceType: 'N9K-C93180YC-EX' }, 'cisco_nxos'],
    [{ manufacturer: 'Cisco Systems', deviceType: 'C9300-48P' }, 'cisco_ios'],
    [{ manufacturer: 'juniper-networks' }, 'juniper_junos'],
    [{ manufacturer: 'arista' }, 'arista_eos'],
    [{ platform: 'linux', manufacturer: 'dell' }, undefined],
  ])('%j → %s', (device, platform) => {
    expect(platformOf({ name: 'x', at: atLine(1), ...device })?.platform).toBe(platform);
  });

  it('maps names to hostnames, a domain dropped, and writes what it mapped in the header', async () => {
    const rename = (n: string) => (n === 'R1' ? 'R1.lab.example.com' : n === 'R2' ? 'R_2 (spare)' : n);
    const cables = cablesImportCsv(small)
      .replace(/^R1,/gm, 'R1.lab.example.com,')
      .replace(/,R1,/g, ',R1.lab.example.com,')
      .replace(/^R2,/gm, '"R_2 (spare)",')
      .replace(/,R2,/g, ',"R_2 (spare)",');
    const { code, out } = await run(
      'import',
      'netbox',
      write('renamed-devices.csv', devicesImportCsv(small, rename)),
      write('renamed-cables.csv', cables),
    );
    expect(code).toBe(0);
    expect(out).toContain('# mapped: R1.lab.example.com: hostname R1');
    expect(out).toContain('# mapped: R_2 (spare): hostname R-2-spare');
    const imported = validateTopologyText(out).topology!;
    expect(cabling(imported)).toEqual(cabling(small, (n) => (n === 'R2' ? 'R-2-spare' : n)));
  });

  it('a device type labfleet lacks gets a model with every cabled port, said so', async () => {
    const devices = devicesImportCsv(small).replace(/CSR1000V/g, 'Catalyst 8000V');
    const { code, out } = await run(
      'import',
      'netbox',
      write('c8000v-devices.csv', devices),
      write('c8000v-cables.csv', cablesImportCsv(small)),
    );
    expect(code).toBe(0);
    expect(out).toMatch(/# mapped: R1: model \S+ \(device type "Catalyst 8000V" is not a labfleet model/);
    expect(cabling(validateTopologyText(out).topology!)).toEqual(cabling(small));
  });
});

describe('bad NetBox exports are IMPORT_INVALID, every problem located', () => {
  async function refused(devices: string, cables: string): Promise<string[]> {
    const { code, err } = await run('import', 'netbox', devices, cables);
    expect(code).toBe(2);
    expect(err).toMatch(/\[IMPORT_INVALID\]/);
    return err.split('\n').slice(1, -1);
  }

  it('bad rows in both files: each at its file:line, the good rows still read', async () => {
    const devices = write(
      'bad-devices.csv',
      [
        'name,manufacturer,device_type,platform',
        'R1,cisco,CSR1000V,ios',
        ',cisco,CSR1000V,ios',
        'S1,dell,S5248F,os10',
        'R2,cisco,CSR1000V,ios',
      ].join('\n'),
    );
    const cables = write(
      'bad-cables.csv',
      [
        'side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name',
        'R1,dcim.interface,Gi2,R2,dcim.interface,Gi2',
        'R1,dcim.interface,Gi3,,,',
        'R1,dcim.interface,Gi4,R9,dcim.interface,Gi2',
        'R1,dcim.interface,Gi5,,dcim.interface,Gi5',
      ].join('\n'),
    );
    const lines = await refused(devices, cables);
    expect(lines.map((l) => /^(.*?:\d+:\d+): .*\[(\w+)\]$/.exec(l)?.slice(1))).toEqual([
      [`${devices}:3:1`, 'KEY_MISSING'],
      [`${cables}:3:23`, 'VALUE_INVALID'],
      [`${cables}:5:23`, 'VALUE_INVALID'],
      [`${devices}:4:1`, 'KIND_UNKNOWN'],
      [`${cables}:4:1`, 'ENDPOINT_NODE_UNKNOWN'],
    ]);
  });

  it('JSON that is not a cable list, and a cable without side B: at their JSON paths', async () => {
    const devices = write('ok-devices.json', devicesApiJson(small));
    const notList = write('not-list.json', JSON.stringify({ count: 1, results: { id: 1 } }, null, 2));
    expect(await refused(devices, notList)).toEqual([
      expect.stringMatching(
        new RegExp(`^${notList}:3:\\d+: results: expected a list of NetBox cables.* \\[TYPE_INVALID\\]$`),
      ),
    ]);
    const api = JSON.parse(cablesApiJson(small)) as { results: Array<Record<string, unknown>> };
    delete api.results[3]!.b_terminations;
    (api.results[5]!.a_terminations as Array<{ object: Record<string, unknown> }>)[0]!.object.device = null;
    const cables = write('no-side-b.json', JSON.stringify(api, null, 2));
    const lines = await refused(devices, cables);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${cables}:\\d+:\\d+: results\\[3\\]: side B is missing`));
    expect(lines[1]).toMatch(
      new RegExp(`^${cables}:\\d+:\\d+: results\\[5\\]\\.a_terminations\\[0\\]: expected an interface`),
    );
  });

  it('a cables file that is not NetBox shows the headers it reads', async () => {
    const devices = write('ok-devices.csv', devicesImportCsv(lab));
    const [line] = await refused(devices, join(import.meta.dirname, '../../topologies/routers-10.csv'));
    expect(line).toMatch(
      /routers-10\.csv:1:1: not a NetBox cable export .*side_a_device,side_a_type,side_a_name/,
    );
  });

  it('the diagnostics carry codes, not only text', async () => {
    const devices = write('kinds.csv', 'name,platform\nR1,os10\n');
    const cables = write('kinds-cables.csv', cablesImportCsv(lab).split('\n')[0]!);
    let error: { code?: string; diagnostics?: Diagnostic[] } = {};
    const { runImportNetbox } = await import('../../client/cli/commands/import.js');
    await runImportNetbox(devices, cables, {}, captureIO().io).catch(
      (e: unknown) => (error = e as typeof error),
    );
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.diagnostics!.map(formatDiagnostic)).toEqual([
      expect.stringMatching(new RegExp(`^${devices}:2:1: R1: platform "os10" .* \\[KIND_UNKNOWN\\]$`)),
    ]);
  });
});
