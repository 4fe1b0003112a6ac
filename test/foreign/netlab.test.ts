/**
 * netlab topology files read as labfleet topologies: `validate` says what was mapped; ports are the
 * names netlab gives them; bad input is located in the netlab file; which files are netlab's.
 * (netlab-up.test.ts serves one and checks it.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NETLAB_LAB } from './netlab-lab.js';
import { validateTopologyText } from '../../simulator/topology/load.js';
import { runCaptured } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'labfleet-netlab-'));

const file = join(dir, 'topology.yml');
writeFileSync(file, NETLAB_LAB);

const run = runCaptured;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate of a netlab topology', () => {
  it('says it was read as netlab and what each device type became', async () => {
    const { code, out } = await run('validate', file);
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      `${file}: valid (netlab, read as labfleet): ${dir
        .split('/')
        .pop()!
        .slice(0, 12)
        .replace(
          /[^A-Za-z0-9._-]/g,
          '_',
        )}, 5 devices (arista_eos 2, cisco_ios 1, cisco_nxos 1, juniper_junos 1), 5 links`,
      '  mapped: device eos (e1, e2) → arista_eos, model vEOS; ports Ethernet{ifindex} from ifindex 1 (Ethernet1), in link order',
      '  mapped: device csr (pe1) → cisco_ios, model CSR1000V; ports GigabitEthernet{ifindex} from ifindex 2 (GigabitEthernet2), in link order',
      '  mapped: device nxos (n1) → cisco_nxos, model N9K-C9300v; ports Ethernet1/{ifindex} from ifindex 1 (Ethernet1/1), in link order',
      '  mapped: device vmx (j1) → juniper_junos, model vMX; ports ge-0/0/{ifindex} from ifindex 0 (ge-0/0/0), in link order',
      '  mapped: LLDP runs on every device, as netlab\'s initial configuration turns it on (IOS "lldp run", NX-OS "feature lldp")',
      '  mapped: links[5]: a stub link: e1 Ethernet3 is numbered but has no neighbour',
      '  mapped: ignored (labfleet serves CLI, CDP/LLDP and APIs, not protocols): module, provider',
      '',
    ]);
  });

  it('gives format and mapped lines in --json', async () => {
    const { code, out } = await run('validate', file, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as { valid: boolean; format: string; mapped: string[] };
    expect(summary).toMatchObject({ valid: true, format: 'netlab' });
    expect(summary.mapped[0]).toMatch(/^device eos \(e1, e2\) → arista_eos, model vEOS;/);
  });
});

/** Diagnostics of a netlab file written by the test, as `code line:column path`. */
function problems(text: string): string[] {
  const result = validateTopologyText(text, join(dir, 'bad', 'topology.yml'));
  expect(result.format).toBe('netlab');
  expect(result.topology).toBeUndefined();
  return result.diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.path}`);
}

describe('bad netlab input: every problem located in the netlab file, all reported', () => {
  it('unknown devices, unknown nodes, LANs, empty links, ifindex out of range or taken', () => {
    const text = [
      'defaults:', //                                   1
      '  device: eos', //                               2
      'nodes:', //                                      3
      '- e1', //                                        4
      '- e2', //                                        5
      '- name: h1', //                                  6
      '  device: linux', //                             7
      'links:', //                                      8
      '- e1-e9', //                                     9
      '- [ e1, e2, h1 ]', //                            10
      '- e1:', //                                       11
      '  e2:', //                                       12
      '    ifindex: 40', //                             13
      '- e1:', //                                       14
      '  e3:', //                                       15
      '- e2:', //                                       16
      '    ifindex: 0', //                              17
      '  e1:', //                                       18
      '- interfaces: [ { node: e1, ifindex: 3 }, e2 ]', // 19
      '- []', //                                        20
      '',
    ].join('\n');
    expect(problems(text).sort()).toEqual(
      [
        'KIND_UNKNOWN 7:11 nodes[2].device',
        'ENDPOINT_NODE_UNKNOWN 9:3 links[0]',
        'LINK_UNSUPPORTED 10:3 links[1]',
        'INTERFACE_INVALID 13:14 links[2].e2.ifindex',
        'ENDPOINT_NODE_UNKNOWN 15:3 links[3].e3',
        'VALUE_INVALID 17:14 links[4].e2.ifindex',
        'INTERFACE_DUPLICATE 19:38 links[5].interfaces[0].ifindex',
        'LINK_UNSUPPORTED 20:3 links[6]',
      ].sort(),
    );
  });

  it('a node with no device names the supported ones; iosv ports exist on no labfleet model', () => {
    const result = validateTopologyText('nodes: [ r1, r2 ]\nlinks: [ r1-r2 ]\n', join(dir, 'topology.yml'));
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['KEY_MISSING', 'nodes[0]'],
      ['KEY_MISSING', 'nodes[1]'],
    ]);
    expect(result.diagnostics[0]!.message).toContain('supported: iosv, iosvl2, csr');
    expect(problems('defaults.device: iosv\nnodes: [ r1, r2 ]\nlinks: [ r1-r2 ]\n')).toEqual([
      'INTERFACE_INVALID 1:18 defaults.device',
      'INTERFACE_INVALID 1:18 defaults.device',
    ]);
  });

  it("labfleet's own checks after translation point into the netlab file too", () => {
    // node names with "_" are valid in netlab, not as hostnames: the schema's finding, located
    expect(problems('defaults.device: eos\nnodes:\n  r_1:\n  r2:\nlinks:\n- r_1-r2\n')).toEqual([
      expect.stringMatching(/^\w+ 3:3 nodes\.r_1$/),
    ]);
  });
});

describe('which files are netlab files', () => {
  const read = (text: string, name = 'lab.yml') => validateTopologyText(text, join(dir, name)).format;

  it('netlab traits: nodes as a list, string links, device, netlab-only keys, the name topology.yml', () => {
    expect(read('defaults.device: eos\nnodes: { a: , b: }\n')).toBe('netlab');
    expect(read('nodes: [ a, b ]\n')).toBe('netlab');
    expect(read('nodes: { a: { device: eos }, b: { device: eos } }\nlinks: [ a-b ]\n')).toBe('netlab');
    expect(read('name: x\nnodes: { a: , b: }\n', 'topology.yml')).toBe('netlab');
  });

  it('a file with a name and only traits a mistaken labfleet file has stays labfleet', () => {
    expect(read('name: x\nnodes: [ a, b ]\n')).toBeUndefined();
    expect(read('name: x\nnodes: { a: , b: }\nlinks: [ a-b ]\n')).toBeUndefined();
    expect(read('name: x\ndefaults.device: eos\nnodes: [ a, b ]\n')).toBe('netlab');
  });

  it('not labfleet files (endpoints, kind) nor containerlab files (topology:)', () => {
    expect(read('name: x\nnodes: { a: { kind: arista_eos }, b: }\n', 'topology.yml')).toBeUndefined();
    expect(
      read('name: x\ndefaults: { kind: arista_eos }\nnodes: { a: , b: }\n', 'topology.yml'),
    ).toBeUndefined();
    expect(
      read('name: x\nnodes: { a: , b: }\nlinks:\n- endpoints: [ "a:Ethernet1", "b:Ethernet1" ]\n'),
    ).toBeUndefined();
    expect(read('name: x\ntopology:\n  nodes: { a: { kind: ceos } }\n', 'topology.yml')).not.toBe('netlab');
  });
});

describe('netlab link forms that number ports without a cable of their own', () => {
  it('no links at all: the nodes alone', () => {
    const result = validateTopologyText('defaults.device: eos\nnodes: [ a, b ]\n', join(dir, 'topology.yml'));
    expect(result.diagnostics).toEqual([]);
    expect(result.topology!.nodes.map((n) => n.name)).toEqual(['a', 'b']);
  });

  it('named link lists, link groups, disabled, loopback and stub links', () => {
    const text = [
      'defaults.device: nxos',
      'nodes: [ s1, s2, s3 ]',
      'links:',
      '  core:',
      '  - s1-s2',
      '  - { s1: , type: loopback }',
      '  - { s1: , s3: , disable: true }',
      '  edge:',
      '  - group: uplinks',
      '    bandwidth: 100',
      '    members: [ s2-s3, s1-s3 ]',
      '  - s2',
      '  - s2-s3',
      '',
    ].join('\n');
    const result = validateTopologyText(text, join(dir, 'forms', 'topology.yml'));
    expect(result.diagnostics).toEqual([]);
    expect(
      result.topology!.links.map((l) => `${l.a.node}:${l.a.interface} ${l.b.node}:${l.b.interface}`),
    ).toEqual([
      's1:Ethernet1/1 s2:Ethernet1/1',
      's2:Ethernet1/2 s3:Ethernet1/1',
      's1:Ethernet1/2 s3:Ethernet1/2',
      's2:Ethernet1/4 s3:Ethernet1/3',
    ]);
    expect(result.topology!.name).toBe('forms');
    expect(result.notes).toContain('links.core[1]: a loopback link: virtual interfaces, no port or cable');
    expect(result.notes).toContain(
      'links.edge[1]: a stub link: s2 Ethernet1/3 is numbered but has no neighbour',
    );
  });
});
