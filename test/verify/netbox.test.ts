/**
 * Documentation files as real ones are: NetBox cable exports (CSV and API JSON) read by their
 * header or content; hostnames with domains, NX-OS `name(SERIAL)`, abbreviated and mis-cased port
 * names and each cable written from both ends all read as the one cable they mean; a CSV with a
 * wrong header is refused with the headers labfleet reads; bad NetBox rows are located problems.
 */
import { describe, expect, it } from 'vitest';
import { documentationFromCsv, type Documentation } from '../../client/verify/documentation.js';
import { netboxDocumentation } from '../../client/verify/netbox.js';
import { cableKey } from '../../client/verify/ports.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';
import type { Diagnostic } from '../../simulator/errors.js';

const PLATFORMS: Record<string, Platform> = {
  r1: 'cisco_ios',
  r2: 'cisco_ios',
  n1: 'cisco_nxos',
  e1: 'arista_eos',
};
const platformOf = (device: string) => PLATFORMS[device.toLowerCase()];

const keys = (doc: Documentation) => doc.cables.map((c) => cableKey(c.a, c.b)).sort();
const key = (a: string, ai: string, b: string, bi: string) =>
  cableKey({ device: a, interface: ai }, { device: b, interface: bi });

function netbox(text: string, file = 'cables.csv'): Documentation {
  const doc = netboxDocumentation(text, file, platformOf);
  if (!doc) throw new Error('not read as NetBox');
  return doc;
}

function refusal(read: () => unknown): { code?: string; diagnostics: Diagnostic[] } {
  try {
    read();
  } catch (error) {
    return error as { code?: string; diagnostics: Diagnostic[] };
  }
  throw new Error('not refused');
}

describe('forgiving cabling CSVs', () => {
  it.each<[string, string, string[]]>([
    [
      'hostnames with domains',
      'R1.lab.example.com,Gi2,r2.LAB.example.com,Gi2',
      [key('R1', 'GigabitEthernet2', 'r2', 'GigabitEthernet2')],
    ],
    ['NX-OS name(SERIAL)', 'N1(FDO21120U8S),Eth1/1,E1,Et1', [key('N1', 'Ethernet1/1', 'E1', 'Ethernet1')]],
    [
      'abbreviations and case',
      'r1,gi2,R2,GIG2\nn1,ETH1/2,e1,et2\nr1,gigabitethernet3,r2,Gi3',
      [
        key('n1', 'Ethernet1/2', 'e1', 'Ethernet2'),
        key('r1', 'GigabitEthernet2', 'R2', 'GigabitEthernet2'),
        key('r1', 'GigabitEthernet3', 'r2', 'GigabitEthernet3'),
      ],
    ],
    [
      'each cable from both ends, once each way',
      'R1,Gi2,R2,Gi2\nR2,Gig2,R1,GigabitEthernet2\nr2,gi2,r1,gi2',
      [key('R1', 'GigabitEthernet2', 'R2', 'GigabitEthernet2')],
    ],
  ])('%s', (_name, rows, expected) => {
    const doc = documentationFromCsv(
      `local_hostname,local_port,remote_hostname,remote_port\n${rows}\n`,
      'c.csv',
      platformOf,
    );
    expect(doc.problems).toEqual([]);
    expect(keys(doc)).toEqual(expected.sort());
  });

  it('a wrong header is refused (DOCUMENTATION_INVALID) showing the headers labfleet reads', () => {
    const text = `host,port,neighbor,neighbor_port\n${'R1,Gi2,R2,Gi2\n'.repeat(876)}`;
    const error = refusal(() => documentationFromCsv(text, 'c.csv', platformOf));
    expect(error.code).toBe('DOCUMENTATION_INVALID');
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]!.location).toEqual({ file: 'c.csv', line: 1, column: 1 });
    expect(error.diagnostics[0]!.message).toContain('local_hostname,local_port,remote_hostname,remote_port');
    expect(error.diagnostics[0]!.message).toContain('side_a_device,side_a_type,side_a_name');
  });
});

describe('NetBox cable exports as documentation', () => {
  const expected = [
    key('R1', 'GigabitEthernet2', 'R2', 'GigabitEthernet2'),
    key('N1', 'Ethernet1/1', 'E1', 'Ethernet1'),
  ].sort();

  it.each<[string, string]>([
    [
      'bulk-import CSV, other columns around',
      'side_a_site,side_a_device,side_a_type,side_a_name,side_b_site,side_b_device,side_b_type,side_b_name,type,status,label\n' +
        'dc1,R1,dcim.interface,GigabitEthernet2,dc1,R2,dcim.interface,GigabitEthernet2,cat6,connected,C1\n' +
        'dc1,N1,dcim.interface,Ethernet1/1,dc1,E1,dcim.interface,Ethernet1,,,\n',
    ],
    [
      'web UI export (3.3+): labels after names, quoted comments over lines, CRLF',
      'ID,Label,Termination A,Termination B,Device A,Device B,Status,Comments\r\n' +
        '1,C1,GigabitEthernet2 (uplink),GigabitEthernet2,R1.lab.example.com,R2,Connected,"two\r\nlines"\r\n' +
        '2,C2,Ethernet1/1,Ethernet1,N1,E1,Connected,\r\n',
    ],
    [
      'web UI export (3.2)',
      'ID,Label,Side A,Termination A,Side B,Termination B,Status\n1,,R1,Gi2,R2,gi2,Connected\n2,,N1,eth1/1,E1,et1,Planned\n',
    ],
    [
      'the same cable from both ends, a power cable skipped',
      'side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name\n' +
        'R1,dcim.interface,Gi2,R2,dcim.interface,Gi2\nR2,dcim.interface,Gi2,R1,dcim.interface,Gi2\n' +
        'N1,dcim.interface,Ethernet1/1,E1,dcim.interface,Ethernet1\nR1,dcim.powerport,PSU1,,dcim.poweroutlet,1\n',
    ],
  ])('%s', (_name, text) => {
    const doc = netbox(text);
    expect(doc.problems).toEqual([]);
    expect(keys(doc)).toEqual(expected);
  });

  it('API JSON: a page (NetBox 4) and a bare list (NetBox 3.2)', () => {
    const term = (device: string, name: string) => ({ id: 1, name, device: { id: 2, name: device } });
    const page = {
      count: 2,
      next: null,
      previous: null,
      results: [
        {
          id: 1,
          a_terminations: [{ object_type: 'dcim.interface', object_id: 1, object: term('R1', 'Gi2') }],
          b_terminations: [{ object_type: 'dcim.interface', object_id: 2, object: term('R2', 'Gi2') }],
        },
        {
          id: 2,
          a_terminations: [
            { object_type: 'dcim.interface', object_id: 3, object: term('N1', 'Ethernet1/1') },
          ],
          b_terminations: [{ object_type: 'dcim.interface', object_id: 4, object: term('E1', 'Ethernet1') }],
        },
        {
          id: 3,
          a_terminations: [{ object_type: 'dcim.interface', object_id: 5, object: term('R1', 'Gi3') }],
          b_terminations: [{ object_type: 'circuits.circuittermination', object_id: 6, object: { id: 6 } }],
        },
      ],
    };
    expect(keys(netbox(JSON.stringify(page, null, 2), 'cables.json'))).toEqual(expected);
    const old = [
      {
        id: 1,
        termination_a_type: 'dcim.interface',
        termination_a: term('R1', 'Gi2'),
        termination_b_type: 'dcim.interface',
        termination_b: term('R2', 'Gi2'),
      },
      {
        id: 2,
        termination_a_type: 'dcim.interface',
        termination_a: term('N1', 'Ethernet1/1'),
        termination_b_type: 'dcim.interface',
        termination_b: term('E1', 'Ethernet1'),
      },
    ];
    expect(keys(netbox(JSON.stringify(old), 'cables.json'))).toEqual(expected);
  });

  it('bad rows are problems at file:line:column; the other cables still count', () => {
    const doc = netbox(
      'side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name\n' +
        'R1,dcim.interface,Gi2,R2,dcim.interface,Gi2\n' +
        'R1,dcim.interface,Gi3,,,\n' +
        'R1,dcim.interface,,R2,dcim.interface,Gi4\n' +
        'N1,dcim.interface,Ethernet1/1,E1,dcim.interface,Ethernet1\n',
    );
    expect(doc.problems.map((p) => p.where)).toEqual(['cables.csv:3:23', 'cables.csv:4:19']);
    expect(doc.problems[1]!.message).toMatch(/^side_a_name is empty/);
    expect(keys(doc)).toEqual(expected);
  });

  it('several terminations on one side: a problem, said why', () => {
    const doc = netbox('ID,Termination A,Termination B,Device A,Device B\n1,"Gi2,Gi3",Gi2,R1,R2\n');
    expect(doc.problems.map((p) => p.where)).toEqual(['cables.csv:2:3']);
    expect(doc.problems[0]!.message).toMatch(/^side A has several terminations/);
  });

  it('JSON records at their paths: no side B, several terminations, not an interface record', () => {
    const text = JSON.stringify(
      {
        count: 3,
        results: [
          {
            id: 1,
            a_terminations: [
              { object_type: 'dcim.interface', object: { name: 'Gi2', device: { name: 'R1' } } },
            ],
          },
          { id: 2, a_terminations: [{}, {}], b_terminations: [] },
          {
            id: 3,
            a_terminations: [{ object_type: 'dcim.interface', object: { name: 'Gi2' } }],
            b_terminations: [],
          },
        ],
      },
      null,
      2,
    );
    const doc = netbox(text, 'cables.json');
    expect(doc.problems.map((p) => p.message.replace(/:.*/, ''))).toEqual([
      'results[0]',
      'results[1].a_terminations',
      'results[2].a_terminations[0]',
    ]);
    expect(doc.problems.map((p) => p.where)).toEqual([
      'cables.json:4:5',
      'cables.json:20:25',
      'cables.json:29:9',
    ]);
  });

  it.each<[string, string, string]>([
    [
      'a CSV without its device columns',
      'ID,Label,Termination A,Termination B,Status\n1,,Gi2,Gi2,Connected\n',
      'KEY_MISSING',
    ],
    ['a CSV without side B', 'side_a_device,side_a_type,side_a_name\nR1,dcim.interface,Gi2\n', 'KEY_MISSING'],
    ['JSON that is no cable list', '{"count": 1, "results": {"id": 1}}', 'TYPE_INVALID'],
    ['JSON that is no JSON', '{"results": [1,}', 'JSON_SYNTAX'],
  ])('%s is refused: DOCUMENTATION_INVALID', (_name, text, code) => {
    const error = refusal(() => netbox(text, 'x'));
    expect(error.code).toBe('DOCUMENTATION_INVALID');
    expect(error.diagnostics.map((d) => d.code)).toEqual([code]);
  });

  it('is told by content, not by name: labfleet CSVs and topologies are not NetBox', () => {
    expect(
      netboxDocumentation(
        'local_hostname,local_port,remote_hostname,remote_port\n',
        'netbox.csv',
        platformOf,
      ),
    ).toBeUndefined();
    expect(netboxDocumentation('name: lab\nnodes: {}\n', 'netbox.json', platformOf)).toBeUndefined();
    expect(
      netboxDocumentation('{"name": "lab", "nodes": {}, "results": []}', 'netbox.json', platformOf),
    ).toBeUndefined();
  });
});
