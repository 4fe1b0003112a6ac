/**
 * Reads each cabling export back: NetBox's cable CSV through labfleet's own NetBox reader (the one
 * `check --doc` uses), its columns NetBox's bulk-import ones and every cable found once; Batfish's
 * Layer-1 JSON parsed, its edges the cabling both ways; the ANTA catalog parsed with `yaml`, each
 * EOS device's neighbours its cables; the containerlab file loaded as a topology by labfleet's
 * containerlab reader (`labfleet up lab.clab.yml` serves the same cabling and models), and
 * validated with Python's jsonschema against containerlab's own schemas/clab.schema.json where a
 * containerlab checkout is at hand (CLAB_SCHEMA, or the mirror).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitCsv } from '../../client/csv.js';
import type { ExportCabling, ExportFormat } from '../../client/report/export/index.js';
import { NETBOX_CABLE_COLUMNS } from '../../client/report/export/netbox-csv.js';
import { readNetboxCableCsv } from '../../client/verify/netbox.js';
import { cableKey } from '../../client/verify/ports.js';
import type { Cable } from '../../client/verify/verifier.js';
import { shortInterfaceName } from '../../simulator/topology/interfaces.js';
import { getKind } from '../../simulator/topology/kinds/index.js';
import { validateTopologyText } from '../../simulator/topology/load.js';

export const FORMATS: ExportFormat[] = ['netbox-csv', 'containerlab', 'batfish', 'anta'];

export const keysOf = (cables: readonly Cable[]) => cables.map((c) => cableKey(c.a, c.b)).sort();

function readNetbox(text: string): Cable[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  expect(splitCsv(header!)).toEqual([...NETBOX_CABLE_COLUMNS]);
  for (const row of rows) {
    const [, aType, , , bType, , status] = splitCsv(row);
    expect([aType, bType, status]).toEqual(['dcim.interface', 'dcim.interface', 'connected']);
  }
  const read = readNetboxCableCsv(text, 'cables.csv');
  expect([read.invalid, read.problems, read.skipped]).toEqual([undefined, [], []]);
  expect(read.cables).toHaveLength(rows.length);
  return read.cables.map(({ a, b }) => ({ a, b }));
}

interface Layer1Edge {
  node1: { hostname: string; interfaceName: string };
  node2: { hostname: string; interfaceName: string };
}

const edgeKey = (e: Layer1Edge) =>
  `${e.node1.hostname}|${e.node1.interfaceName}>${e.node2.hostname}|${e.node2.interfaceName}`;

function expectBatfish(text: string, cables: readonly Cable[]): void {
  const edges = (JSON.parse(text) as { edges: Layer1Edge[] }).edges;
  const expected = cables.flatMap((c) =>
    [
      [c.a, c.b],
      [c.b, c.a],
    ].map(([x, y]) =>
      edgeKey({
        node1: { hostname: x!.device.toLowerCase(), interfaceName: x!.interface },
        node2: { hostname: y!.device.toLowerCase(), interfaceName: y!.interface },
      }),
    ),
  );
  expect(edges.map(edgeKey).sort()).toEqual(expected.sort());
}

interface AntaTest {
  VerifyLLDPNeighbors: {
    filters: { tags: string[] };
    require_fqdn: boolean;
    neighbors: Array<{ port: string; neighbor_device: string; neighbor_port: string }>;
  };
}

function expectAnta(text: string, cabling: ExportCabling): void {
  const catalog = parseYaml(text) as { 'anta.tests.connectivity': AntaTest[] };
  const tests = catalog['anta.tests.connectivity'];
  const platform = new Map(cabling.devices.map((d) => [d.name, d.platform]));
  const eos = cabling.devices.filter((d) => d.platform === 'arista_eos').map((d) => d.name);
  const portId = (device: string, iface: string) =>
    platform.get(device) === 'cisco_ios'
      ? shortInterfaceName(iface, getKind('cisco_ios').interfaceTypes)
      : iface;
  const expected = new Map<string, string[]>();
  for (const c of cabling.cables)
    for (const [x, y] of [
      [c.a, c.b],
      [c.b, c.a],
    ])
      if (eos.includes(x!.device))
        expected.set(x!.device, [
          ...(expected.get(x!.device) ?? []),
          `${x!.interface}>${y!.device}|${portId(y!.device, y!.interface)}`,
        ]);
  expect(tests.map((t) => t.VerifyLLDPNeighbors.filters.tags).sort()).toEqual(
    [...expected.keys()].sort().map((d) => [d]),
  );
  for (const { VerifyLLDPNeighbors: test } of tests) {
    expect(test.require_fqdn).toBe(false);
    const found = test.neighbors.map((n) => `${n.port}>${n.neighbor_device}|${n.neighbor_port}`);
    expect(found.sort()).toEqual(expected.get(test.filters.tags[0]!)!.sort());
  }
}

/** containerlab's JSON schema, from a containerlab checkout (CLAB_SCHEMA, or the mirror here). */
function clabSchema(): string | undefined {
  if (process.env.CLAB_SCHEMA) return process.env.CLAB_SCHEMA;
  const mirror = '/work/.mirror/srl-labs+containerlab/repo';
  if (!existsSync(mirror)) return undefined;
  try {
    return execFileSync('git', ['-C', mirror, 'show', 'HEAD:schemas/clab.schema.json'], { encoding: 'utf8' });
  } catch {
    return undefined;
  }
}

const VALIDATE = `
import json, sys, yaml, jsonschema
schema = json.loads(sys.argv[1])
errors = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(sys.stdin))]
print(json.dumps(errors))
`;

function expectContainerlab(text: string, cabling: ExportCabling): void {
  const clab = parseYaml(text) as {
    name: string;
    topology: { nodes: Record<string, { kind: string }> };
  };
  expect(clab.name).toBe(cabling.name);
  for (const d of cabling.devices.filter((d) => d.platform))
    expect(clab.topology.nodes[d.name]?.kind).toMatch(/^(arista_ceos|cisco_\w+|juniper_\w+)$/);
  const result = validateTopologyText(text, `${cabling.name}.clab.yml`);
  expect(result.diagnostics).toEqual([]);
  const topology = result.topology!;
  expect(result.format).toBe('containerlab');
  const served = topology.links.map((l): Cable => ({
    a: { device: l.a.node, interface: l.a.interface },
    b: { device: l.b.node, interface: l.b.interface },
  }));
  expect(keysOf(served)).toEqual(keysOf(cabling.cables));
  for (const d of cabling.devices.filter((d) => d.platform && d.model)) {
    const node = topology.nodeByName.get(d.name)!;
    expect([node.platform, node.model], d.name).toEqual([d.platform, d.model]);
  }
  const schema = clabSchema();
  if (!schema) return; // no containerlab checkout here: the structure above is all that is checked
  const errors = execFileSync('python3', ['-c', VALIDATE, schema], { input: text, encoding: 'utf8' });
  expect(JSON.parse(errors)).toEqual([]);
}

export function expectExport(format: ExportFormat, text: string, cabling: ExportCabling): void {
  switch (format) {
    case 'netbox-csv':
      return expect(keysOf(readNetbox(text))).toEqual(keysOf(cabling.cables));
    case 'batfish':
      return expectBatfish(text, cabling.cables);
    case 'anta':
      return expectAnta(text, cabling);
    case 'containerlab':
      return expectContainerlab(text, cabling);
  }
}
