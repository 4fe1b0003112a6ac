/**
 * containerlab topologies read as labfleet's: four kinds and both link syntaxes come up and pass
 * `check` over SSH; `validate` says what was mapped; every bad input is located in the .clab.yml.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../simulator/errors.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import { renderInventory } from '../../simulator/fleet/inventory.js';
import { loadTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { runCaptured } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-clab-'));

const FOUR_KINDS = `name: four-kinds
topology:
  defaults:
    kind: ceos
  kinds:
    ceos: { image: ceos:4.32.0F }
  nodes:
    leaf1: {}
    rtr1: { kind: cisco_c8000v, image: vrnetlab/cisco_c8000v:17.12.01 }
    nx1: { kind: cisco_n9kv }
    vj1: { kind: juniper_vjunosrouter }
  links:
    - endpoints: ["leaf1:eth1", "rtr1:eth1"]
    - endpoints: ["nx1:Ethernet1/2", "vj1:eth1"]
    - type: veth
      endpoints:
        - node: leaf1
          interface: eth2
        - node: nx1
          interface: eth1
    - type: veth
      endpoints: [{ node: rtr1, interface: Gi3 }, { node: vj1, interface: ge-0/0/1 }]
    - endpoints: ["leaf1:eth3", "host:leaf1-eth3"]
`;

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const cli = runCaptured;

describe('a containerlab topology with four kinds and both link syntaxes', () => {
  const file = write('four.clab.yml', FOUR_KINDS);
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await startFleet({
      topology: await loadTopology(file),
      rest: false,
      sshPort: 0,
      commandLatencyMs: 0,
    });
  });
  afterAll(() => fleet.stop());

  it('maps kinds to platforms and models, ethN to each image’s port names', async () => {
    const topology = await loadTopology(file);
    expect(topology.nodes.map((n) => [n.name, n.platform, n.model])).toEqual([
      ['leaf1', 'arista_eos', 'cEOSLab'],
      ['rtr1', 'cisco_ios', 'C8000V'],
      ['nx1', 'cisco_nxos', 'N9K-C9300v'],
      ['vj1', 'juniper_junos', 'vJunos-router'],
    ]);
    expect(topology.links.map((l) => `${l.a.node}:${l.a.interface} ${l.b.node}:${l.b.interface}`)).toEqual([
      'leaf1:Ethernet1 rtr1:GigabitEthernet2',
      'nx1:Ethernet1/2 vj1:ge-0/0/0',
      'leaf1:Ethernet2 nx1:Ethernet1/1',
      'rtr1:GigabitEthernet3 vj1:ge-0/0/1',
    ]);
  });

  it('validate prints what was mapped and what is not simulated', async () => {
    const { code, out } = await cli('validate', file);
    expect(code).toBe(0);
    expect(out).toContain('(containerlab, read as labfleet): four-kinds, 4 devices');
    for (const line of [
      'mapped: kind ceos → arista_eos, model cEOSLab, ethN → EthernetN: leaf1',
      'mapped: kind cisco_c8000v → cisco_ios, model C8000V, ethN → GigabitEthernet(N+1): rtr1',
      'mapped: kind cisco_n9kv → cisco_nxos, model N9K-C9300v, ethN → Ethernet1/N: nx1',
      'mapped: kind juniper_vjunosrouter → juniper_junos, model vJunos-router, ethN → ge-0/0/(N-1): vj1',
      'mapped: not simulated: image (of nodes, kinds and defaults)',
      'mapped: topology.links[4]: host:leaf1-eth3 is not a cable between two nodes; not simulated',
    ])
      expect(out).toContain(line);
    expect(out).toMatch(/mapped: management: containerlab's docker network .* labfleet's mgmt pool/);
  });

  it('check against the same file passes over SSH, as the topology and as --doc', async () => {
    const port = String(fleet.sshPort);
    const asTopology = await cli('check', file, '--ssh-port', port, '--no-progress');
    expect(asTopology.out.split('\n')[0]).toBe('Cabling 100% coincides with the documentation!');
    expect(asTopology.code).toBe(0);
    const asDoc = await cli('check', file, '--doc', file, '--ssh-port', port, '--no-progress');
    expect(asDoc.out.split('\n')[0]).toBe('Cabling 100% coincides with the documentation!');
    expect(asDoc.code).toBe(0);
  });

  it('check --inventory --doc writes what it saw as a containerlab file that keeps the documented models', async () => {
    const inventory = write('four-inventory.json', renderInventory(fleet.devices, 'json'));
    const seen = join(dir, 'seen.clab.yml');
    const args = ['--inventory', inventory, '--doc', file, '--no-progress'];
    expect((await cli('check', ...args, '--format', 'containerlab', '--output', seen)).code).toBe(0);
    const { topology, diagnostics } = validateTopologyText(readFileSync(seen, 'utf8'), seen);
    expect(diagnostics).toEqual([]);
    const original = await loadTopology(file);
    const models = (t: typeof original) => t.nodes.map((n) => `${n.name} ${n.model}`).sort();
    expect([topology!.name, models(topology!)]).toEqual([original.name, models(original)]);
    const again = await cli('check', '--inventory', inventory, '--doc', seen, '--no-progress');
    expect([again.code, again.out.split('\n')[0]]).toEqual([
      0,
      'Cabling 100% coincides with the documentation!',
    ]);
  });
});

describe('models and port numbering of the other kinds', () => {
  it.each<[kind: string, iface: string, model: string, port: string]>([
    ['cisco_iol', 'eth1', 'IOL', 'Ethernet0/1'],
    ['cisco_iol', 'eth4', 'IOL', 'Ethernet1/0'],
    ['cisco_iol', 'e1/1', 'IOL', 'Ethernet1/1'],
    ['cisco_iol, type: L2', 'eth2', 'IOL-L2', 'Ethernet0/2'],
    ['cisco_cat9kv', 'eth1', 'C9KV-UADP-8P', 'GigabitEthernet1/0/1'],
    ['vr-csr', 'eth1', 'CSR1000V', 'GigabitEthernet2'],
    ['vr-vmx', 'eth1', 'vMX', 'ge-0/0/0'],
    ['juniper_vjunosswitch', 'eth2', 'vJunos-switch', 'ge-0/0/1'],
    ['juniper_vqfx', 'eth1', 'vQFX', 'xe-0/0/0'],
    ['juniper_vqfx', 'ge-0/0/3', 'vQFX', 'xe-0/0/3'],
    ['arista_ceos', 'Et5', 'cEOSLab', 'Ethernet5'],
  ])('%s %s → %s %s', (kind, iface, model, port) => {
    const text = `name: one\ntopology:\n  nodes:\n    a: { kind: ${kind} }\n    b: { kind: ceos }\n  links:\n    - endpoints: ["a:${iface}", "b:eth1"]\n`;
    const { topology, diagnostics } = validateTopologyText(text, 'one.clab.yml');
    expect(diagnostics).toEqual([]);
    expect([topology!.nodes[0]!.model, topology!.links[0]!.a.interface]).toEqual([model, port]);
  });

  it('a labfleet.model label naming a model of the platform wins; ports beyond the image pick a model that has them', () => {
    const text = `name: labels
topology:
  nodes:
    a: { kind: ceos, labels: { labfleet.model: DCS-7280SR-48C6 } }
    b: { kind: ceos, labels: { labfleet.model: C9300-48P } }
    c: { kind: cisco_n9kv }
  links:
    - endpoints: ["a:Ethernet49/1", "b:eth1"]
    - endpoints: ["c:Ethernet8/1", "b:eth2"]
`;
    const result = validateTopologyText(text, 'labels.clab.yml');
    expect(result.diagnostics).toEqual([]);
    expect(result.topology!.nodes.map((n) => n.model)).toEqual(['DCS-7280SR-48C6', 'cEOSLab', 'N9K-C9508']);
    expect(result.notes).toContain(
      "b: label labfleet.model C9300-48P is not a arista_eos model; using the kind's model",
    );
  });
});

describe('bad containerlab files: every problem located in the .clab.yml', () => {
  const BAD = `name: bad
topology:
  nodes:
    r1: { kind: cisco_c8000v }
    s1: { kind: nokia_srlinux }
    l1: { kind: ceos }
  links:
    - endpoints: ["r1:eth1", "r9:eth1"]
    - endpoints: ["r1:eth0", "l1:eth1"]
    - endpoints: ["r1:eth2", "l1"]
    - type: veth
      endpoints: [{ node: r1, interface: eth3 }, { node: l1, interface: Ethernet99 }]
    - type: wormhole
    - type: veth
      endpoints: [{ node: r1, interface: eth5 }]
`;

  it('reports all of them, in file order, each with its path and code', async () => {
    const file = write('bad.clab.yml', BAD);
    const { code, err } = await cli('validate', file);
    expect(code).toBe(2);
    const lines = err.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
    expect(lines.map((l) => l.replace(`${file}:`, '').replace(/: .*\[/, ' ['))).toEqual([
      '5:17 [KIND_UNKNOWN]',
      '8:30 [ENDPOINT_NODE_UNKNOWN]',
      '9:19 [INTERFACE_INVALID]',
      '10:30 [ENDPOINT_INVALID]',
      '12:50 [INTERFACE_INVALID]',
      '13:13 [VALUE_INVALID]',
      '15:18 [ENDPOINT_INVALID]',
    ]);
    expect(lines[0]).toContain(
      'topology.nodes.s1.kind: kind "nokia_srlinux" is not supported. Supported kinds are ceos,',
    );
    expect(lines[4]).toContain('topology.links[3].endpoints[1]: ');
  });

  it('problems found after translation (a port used twice) point into the .clab.yml too', () => {
    const text = `name: twice\ntopology:\n  nodes:\n    a: { kind: ceos }\n    b: { kind: ceos }\n  links:\n    - endpoints: ["a:eth1", "b:eth1"]\n    - endpoints: ["a:Ethernet1", "b:eth2"]\n`;
    const { diagnostics } = validateTopologyText(text, 'twice.clab.yml');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^twice\.clab\.yml:8:\d+: topology\.links\[1\]\.endpoints\[0\]: .*\[INTERFACE_DUPLICATE\]$/,
      ),
    ]);
  });
});
