/**
 * LAGs on EOS and Junos: `show port-channel summary`, `show lacp interfaces` (text, `| display
 * xml|json` and the RPC model) and the interface lists that name members, for the LAG lab and
 * leaf-spine-500's MLAG peer link; drift unbundling members.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aristaEosPersonality } from '../../simulator/personalities/arista-eos/personality.js';
import { EOS_JSON_MODELS } from '../../simulator/personalities/arista-eos/json/index.js';
import { EOS_SHOWS } from '../../simulator/personalities/arista-eos/shows.js';
import { juniperJunosPersonality } from '../../simulator/personalities/juniper-junos/personality.js';
import { JUNOS_SHOWS } from '../../simulator/personalities/juniper-junos/shows.js';
import { RPCS } from '../../simulator/personalities/juniper-junos/rpc/catalogue.js';
import { renderJunosJson } from '../../simulator/personalities/juniper-junos/rpc/tree.js';
import type { ShowCommand } from '../../simulator/personalities/show-table.js';
import { deviceRuntimeFor, renderContextFor } from '../device.js';
import { expectGolden, FIXTURES } from '../helpers.js';
import { eapi } from '../../simulator/rest/eapi/index.js';
import { openTerminal, type TestTerminal } from '../terminal.js';

const LAB = join(FIXTURES, 'lag', 'lab.yaml');
const slug = (command: string) => command.replace(/ \| /g, ' ').replaceAll(' ', '-');
const renderer = (table: readonly ShowCommand[], command: string) =>
  table.find((row) => row.command === command)!.render;

/** What a command prints between its echo and the prompt, with LF line ends. */
function body(s: TestTerminal, line: string): string {
  const lines = s.type(`${line}\r`).split('\r\n').slice(1);
  return lines.slice(0, lines.lastIndexOf('')).join('\n');
}

const EOS_GOLDEN: ReadonlyArray<[topology: string, label: string, device: string, command: string]> = [
  [LAB, 'lag-lab', 'eos1', 'show port-channel summary'],
  [LAB, 'lag-lab', 'eos1', 'show interfaces status'],
  [LAB, 'lag-lab', 'eos1', 'show interfaces description'],
  [LAB, 'lag-lab', 'eos1', 'show ip interface brief'],
  [LAB, 'lag-lab', 'eos1', 'show interfaces'],
  ['leaf-spine-500', 'leaf-spine-500', 'leaf1', 'show port-channel summary'],
];

describe('golden EOS output: LAGs', () => {
  for (const [topology, label, device, command] of EOS_GOLDEN)
    it(`${label} ${device}: ${command}`, async () => {
      const ctx = await renderContextFor(topology, device);
      expectGolden(`arista-eos/${label}-${device}-${slug(command)}.txt`, renderer(EOS_SHOWS, command)(ctx));
    });
});

describe('golden Junos output: LAGs', () => {
  let jx1: TestTerminal;
  beforeAll(async () => {
    jx1 = await openTerminal(LAB, 'jx1', juniperJunosPersonality, { terminal: { width: 80, length: 0 } });
  });

  for (const command of ['show lacp interfaces', 'show interfaces terse'])
    it(`lag-lab jx1: ${command}`, async () => {
      const ctx = await renderContextFor(LAB, 'jx1');
      expectGolden(`juniper-junos/lag-lab-jx1-${slug(command)}.txt`, renderer(JUNOS_SHOWS, command)(ctx));
    });

  for (const command of [
    'show lacp interfaces | display xml',
    'show lacp interfaces | display json',
    'show interfaces terse | display xml',
  ])
    it(`lag-lab jx1: ${command}`, () => {
      expectGolden(`juniper-junos/lag-lab-jx1-${slug(command)}.txt`, body(jx1, command));
    });

  it('prints the RPC reply model under | display json', () => {
    const model = RPCS['get-lacp-interface-information']!.build(jx1.device.renderContext(), new Map());
    const bare = { ...model, attributes: model.attributes?.filter(([name]) => name !== 'xmlns:junos') };
    expect(JSON.parse(body(jx1, 'show lacp interfaces | display json'))).toEqual(
      JSON.parse(renderJunosJson(bare)),
    );
    expect(body(jx1, 'show lacp interfaces | display xml rpc')).toContain('<get-lacp-interface-information>');
  });
});

describe('LAG drift on EOS and Junos', () => {
  // jx1's second member unplugged; jx2's first moved to a port outside ae0. eos1's first member unplugged.
  const DRIFT = [
    'drift:',
    '  - unplug: jx1:xe-0/2/1',
    '  - move: { from: jx2:xe-0/2/0, to: jx2:xe-0/2/3 }',
    '  - unplug: eos1:Ethernet49/1',
  ].join('\n');

  it('Junos: the moved member hears no LACP (defaulted), the unplugged one is port-disabled', async () => {
    const ctx = await renderContextFor(LAB, 'jx1', { drift: DRIFT });
    const text = renderer(JUNOS_SHOWS, 'show lacp interfaces')(ctx).split('\n');
    expect(text).toContain('      xe-0/2/0       Actor    No   Yes    No   No   No   Yes     Fast    Active');
    expect(text).toContain('      xe-0/2/0     Partner    No   Yes    No   No   No   Yes     Fast   Passive');
    expect(text).toContain('      xe-0/2/0                Defaulted   Fast periodic                Detached');
    expect(text).toContain('      xe-0/2/1            Port disabled     No periodic                Detached');
    const terse = renderer(JUNOS_SHOWS, 'show interfaces terse')(ctx);
    expect(terse).toContain('\nxe-0/2/1.0              up    down aenet    --> ae0.0\n');
    expect(terse).toContain('\nae0                     up    down\n');
  });

  it('EOS: the unplugged member is down, the port-channel stays in use on the other', async () => {
    const ctx = await renderContextFor(LAB, 'eos1', { drift: DRIFT });
    const rows = renderer(EOS_SHOWS, 'show port-channel summary')(ctx).split('\n');
    expect(rows).toContain('Number of channels in use: 1');
    expect(rows.at(-1)).toBe('   Po7(U)             LACP(a)      Et49/1(D) Et50/1(PG+)  ');
    const detail = renderer(EOS_SHOWS, 'show interfaces')(ctx);
    expect(detail).toContain(
      '  Active members in this channel: 1\n  ... Ethernet50/1 , Full-duplex, 10Gb/s\n',
    );
  });

  it('a box without LAGs: Junos has no lacpd, EOS counts no channel', async () => {
    const jx = await renderContextFor('lab-100', 'r2-jx14');
    expect(renderer(JUNOS_SHOWS, 'show lacp interfaces')(jx)).toBe(
      'warning: lacp subsystem not running - not needed by configuration.',
    );
    const eos = await renderContextFor('lab-100', 'r2-ar08');
    expect(renderer(EOS_SHOWS, 'show port-channel summary')(eos)).toContain('Number of channels in use: 0\n');
  });
});

describe('EOS show port-channel summary | json', () => {
  let eos1: TestTerminal;
  beforeAll(async () => {
    eos1 = await openTerminal(LAB, 'eos1', aristaEosPersonality, { terminal: { width: 200, length: 0 } });
  });

  it('lag-lab eos1: show port-channel summary | json', () => {
    expectGolden(
      'arista-eos/lag-lab-eos1-show-port-channel-summary-json.txt',
      body(eos1, 'show port-channel summary | json'),
    );
  });

  it('eAPI runCmds answers the same model', async () => {
    const device = await deviceRuntimeFor(LAB, 'eos1');
    const rpc = JSON.stringify({
      jsonrpc: '2.0',
      method: 'runCmds',
      params: { version: 1, cmds: ['show port-channel summary'], format: 'json' },
      id: 1,
    });
    const reply = await eapi.handle(
      {
        method: 'POST',
        path: '/command-api',
        query: new URLSearchParams(),
        headers: { 'content-type': 'application/json-rpc' },
        body: Buffer.from(rpc),
        user: 'admin',
      },
      device,
    );
    const [model] = (JSON.parse(reply.body) as { result: object[] }).result;
    expect(model).toEqual(JSON.parse(body(eos1, 'show port-channel summary | json')));
  });

  it('names the port-channels, members and counts the text prints', async () => {
    for (const [topology, device, drift] of [
      [LAB, 'eos1', undefined],
      [LAB, 'eos1', 'drift:\n  - unplug: eos1:Ethernet49/1'],
      ['leaf-spine-500', 'leaf1', undefined],
      ['lab-100', 'r2-ar08', undefined],
    ] as const) {
      const ctx = await renderContextFor(topology, device, drift ? { drift } : {});
      const text = renderer(EOS_SHOWS, 'show port-channel summary')(ctx);
      const model = EOS_JSON_MODELS['show port-channel summary']!(ctx, {}) as {
        numberOfChannelsInUse: number;
        numberOfAggregators: number;
        portChannels: Record<string, { ports: Record<string, object> }>;
      };
      expect(text).toContain(`Number of channels in use: ${model.numberOfChannelsInUse}\n`);
      expect(text).toContain(`Number of aggregators: ${model.numberOfAggregators}\n`);
      // Text rows: `   Po7(U) ...  Et49/1(PG+) Et50/1(PG+)`, continuation lines with ports only.
      const fromText: Record<string, string[]> = {};
      let current = '';
      for (const line of text
        .split('\n')
        .slice(text.split('\n').findIndex((l) => l.startsWith(`${'-'.repeat(18)} `)) + 1)) {
        const po = /^ {3}Po(\d+)\(/.exec(line);
        if (po) current = `Port-Channel${po[1]}`;
        fromText[current] = [
          ...(fromText[current] ?? []),
          ...[...line.matchAll(/Et([\d/]+)\(/g)].map((m) => `Ethernet${m[1]}`),
        ];
      }
      expect(
        Object.fromEntries(Object.entries(model.portChannels).map(([n, pc]) => [n, Object.keys(pc.ports)])),
      ).toEqual(fromText);
    }
  });
});

describe('EOS terminal', () => {
  it('answers show port-channel summary in every mode', async () => {
    const s = await openTerminal(LAB, 'eos1', aristaEosPersonality, { terminal: { width: 200, length: 0 } });
    expect(s.type('show port-channel summary\r')).toContain('Po7(U)');
    expect(s.type('show port-channel summary\r')).toContain('Et49/1(PG+) Et50/1(PG+)');
  });
});
