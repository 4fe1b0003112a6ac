/**
 * Reads each cabling export back, as the tools that take it would: NetBox's cable CSV parsed and
 * every cable found once; Batfish's Layer-1 JSON parsed, its edges the cabling both ways; the ANTA
 * catalog parsed with `yaml`, each EOS device's neighbours its cables; the containerlab file parsed
 * with `yaml` (kinds, model labels, one link per cable, each end's NOS name as written or in the
 * link's comment) and validated with Python's jsonschema against containerlab's own
 * schemas/clab.schema.json where a containerlab checkout is at hand (CLAB_SCHEMA, or the mirror).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitCsv } from '../../client/csv.js';
import type { ExportCabling, ExportFormat } from '../../client/report/export/index.js';
import { NETBOX_CABLE_COLUMNS } from '../../client/report/export/netbox-csv.js';
import { cableKey } from '../../client/verify/ports.js';
import type { Cable } from '../../client/verify/verifier.js';
import { shortInterfaceName } from '../../simulator/topology/interfaces.js';
import { getKind } from '../../simulator/topology/kinds/index.js';

export const FORMATS: ExportFormat[] = ['netbox-csv', 'containerlab', 'batfish', 'anta'];

export const keysOf = (cables: readonly Cable[]) => cables.map((c) => cableKey(c.a, c.b)).sort();

function readNetbox(text: string): Cable[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  expect(splitCsv(header!)).toEqual([...NETBOX_CABLE_COLUMNS]);
  return rows.map((row) => {
    const [aDevice, aType, aName, bDevice, bType, bName, status] = splitCsv(row);
    expect([aType, bType, status]).toEqual(['dcim.interface', 'dcim.interface', 'connected']);
    return { a: { device: aDevice!, interface: aName! }, b: { device: bDevice!, interface: bName! } };
  });
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
    topology: {
      nodes: Record<string, { kind: string; labels?: Record<string, string> }>;
      links: Array<{ endpoints: [string, string] }>;
    };
  };
  expect(clab.name).toBe(cabling.name);
  const devices = cabling.devices.filter((d) => d.platform);
  for (const d of devices) {
    expect(clab.topology.nodes[d.name]?.kind).toMatch(/^(arista_ceos|cisco_\w+|juniper_\w+)$/);
    if (d.model) expect(clab.topology.nodes[d.name]!.labels!['labfleet.model']).toBe(d.model);
  }
  expect(clab.topology.links).toHaveLength(cabling.cables.length);
  // each end by its NOS name: as written, or (a Linux ethN: cEOS's, or a port no alias reaches) from
  // the link's comment
  const lines = text.split('\n').filter((l) => /^ {4}- endpoints:/.test(l));
  const cables = lines.map((line, i): Cable => {
    const renamed = (/ {2}# (.*)$/.exec(line)?.[1] ?? '').split(', ').filter(Boolean);
    const [a, b] = clab.topology.links[i]!.endpoints.map((end) => {
      const device = end.slice(0, end.indexOf(':'));
      const iface = end.slice(end.indexOf(':') + 1);
      if (!/^eth\d+(_\d+)*$/.test(iface)) return { device, interface: iface };
      const named = renamed.shift()!;
      expect(named.startsWith(`${device} `), `${line}: ${end}`).toBe(true);
      return { device, interface: named.slice(device.length + 1) };
    });
    return { a: a!, b: b! };
  });
  expect(keysOf(cables)).toEqual(keysOf(cabling.cables));
  const ends = clab.topology.links.flatMap((l) => l.endpoints);
  expect(new Set(ends).size, 'an endpoint used twice').toBe(ends.length);
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
