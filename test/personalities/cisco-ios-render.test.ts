import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as render from '../../simulator/personalities/cisco-ios/render/index.js';
import { renderArpRow } from '../../simulator/personalities/cisco-ios/render/arp.js';
import { renderUptime } from '../../simulator/format/uptime.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import {
  cdpVersionText,
  iosCodeName,
  iosXeVersion,
  lldpSystemDescription,
  platformDescription,
  softwareBanner,
} from '../../simulator/personalities/software.js';
import { renderContextFor } from '../device.js';
import { specOf } from '../../simulator/state/identity.js';
import type { Neighbor } from '../../simulator/state/neighbors.js';
import { findModel, getKind } from '../../simulator/topology/kinds/index.js';
import { IOS_SHOWS } from '../../simulator/personalities/cisco-ios/shows.js';
import { goldenRows } from './show-rows.js';
import { expectGolden, FIXTURES } from '../helpers.js';

const COMMANDS = goldenRows(IOS_SHOWS);

/**
 * routers-10 R1 (CSR1000V, CDP only); from lab-100 a C9300 ToR hearing NX-OS, EOS and Junos peers,
 * an ISR and an ASR router, and a 16.12 Catalyst 3850 cabled to a Nexus.
 */
const DEVICES: ReadonlyArray<[topology: string, device: string]> = [
  ['routers-10', 'R1'],
  ['lab-100', 'r2-tor1'],
  ['lab-100', 'r1-rt11'],
  ['lab-100', 'r1-rt09'],
  ['lab-100', 'r2-sw13'],
];

const contexts = new Map<string, RenderContext>();
const ctxOf = (topology: string, device: string) => contexts.get(`${topology}/${device}`)!;

const DRIFT_TOPOLOGY = join(FIXTURES, 'drift', 'lab.yaml');
const DRIFT = readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8');

// Loaded while the file is collected, so each device's cases can follow its hardware.
for (const [topology, device] of DEVICES) {
  contexts.set(`${topology}/${device}`, await renderContextFor(topology, device));
}

beforeAll(async () => {
  for (const device of ['R1', 'R2', 'R5']) {
    contexts.set(`drift/${device}`, await renderContextFor(DRIFT_TOPOLOGY, device, { drift: DRIFT }));
  }
});

const slug = (command: string) => command.replaceAll(' ', '-');
const lines = (text: string) => text.split('\n');

/** A copy of the context with other neighbours. */
function withNeighbors(ctx: RenderContext, neighbors: Neighbor[]): RenderContext {
  return { ...ctx, state: { ...ctx.state, neighbors } };
}

describe('golden device output', () => {
  for (const [topology, device] of DEVICES) {
    // Routers have no Catalyst-only commands (their rows are not available), so no golden file.
    const has = (command: string) =>
      IOS_SHOWS.find((row) => row.command === command)!.available?.(ctxOf(topology, device).state) ?? true;
    for (const [command, renderer] of COMMANDS.filter(([c]) => has(c))) {
      it(`${topology} ${device}: ${command}`, () => {
        expectGolden(
          `cisco-ios/${topology}-${device}-${slug(command)}.txt`,
          renderer(ctxOf(topology, device)),
        );
      });
    }
  }

  const driftCommands = COMMANDS.filter(([c]) =>
    [
      'show cdp neighbors detail',
      'show lldp neighbors',
      'show ip interface brief',
      'show interfaces status',
    ].includes(c),
  );
  for (const device of ['R1', 'R2', 'R5']) {
    for (const [command, renderer] of driftCommands) {
      it(`drift lab ${device}: ${command}`, () => {
        expectGolden(`cisco-ios/drift-lab-${device}-${slug(command)}.txt`, renderer(ctxOf('drift', device)));
      });
    }
  }
});

describe('determinism', () => {
  it('renders the same context to the same bytes, twice', () => {
    for (const [topology, device] of DEVICES) {
      for (const [, renderer] of COMMANDS) {
        const ctx = ctxOf(topology, device);
        expect(renderer(ctx)).toBe(renderer(ctx));
      }
    }
  });

  it('renders independently built contexts of the same seed identically', async () => {
    const again = await renderContextFor('lab-100', 'r2-tor1');
    for (const [, renderer] of COMMANDS) expect(renderer(again)).toBe(renderer(ctxOf('lab-100', 'r2-tor1')));
  });

  it('moves with the clock: holdtimes count down, ARP ages grow, the clock ticks', async () => {
    const later = await renderContextFor('lab-100', 'r2-tor1', { elapsedSeconds: 125 });
    const before = ctxOf('lab-100', 'r2-tor1');
    expect(render.renderShowCdpNeighbors(later)).not.toBe(render.renderShowCdpNeighbors(before));
    expect(render.renderShowIpArp(later)).not.toBe(render.renderShowIpArp(before));
    expect(render.renderShowClock(later)).toBe('*09:32:05.000 UTC Thu Jan 15 2026');
  });
});

describe('uptime', () => {
  it.each([
    [60, '1 minute'],
    [120, '2 minutes'],
    [3600, '1 hour'],
    [2 * 3600 + 17 * 60, '2 hours, 17 minutes'],
    [86_400 + 60, '1 day, 1 minute'],
    [7 * 86_400, '1 week'],
    [
      365 * 86_400 + 22 * 7 * 86_400 + 6 * 86_400 + 9 * 3600 + 38 * 60 + 59,
      '1 year, 22 weeks, 6 days, 9 hours, 38 minutes',
    ],
    [2 * 365 * 86_400 + 3600, '2 years, 1 hour'],
    [30, '0 minutes'],
  ])('%i seconds → %s', (seconds, text) => {
    expect(renderUptime(seconds)).toBe(text);
  });

  it('puts the configured hostname where parsers look for it', () => {
    const ctx = ctxOf('routers-10', 'R1');
    const renamed = { ...ctx, config: { ...ctx.config, hostname: 'edge-1' } };
    const match = /^\s*(\S+)\s+uptime\s+is\s+(.+)$/m.exec(render.renderShowVersion(renamed));
    expect(match?.[1]).toBe('edge-1');
    expect(match?.[2]).toBe(renderUptime(ctx.uptimeSeconds));
  });
});

describe('show cdp neighbors', () => {
  const base = () => ctxOf('routers-10', 'R1');
  const neighbor = (deviceId: string): Neighbor => ({
    ...base().state.neighbors[0]!,
    deviceId,
    holdtime: 152,
  });

  it.each([
    ['R2', ['R2               Gig 2             152              R I   CSR1000V  Gig 2']],
    ['fifteen-chars-x', ['fifteen-chars-x  Gig 2             152              R I   CSR1000V  Gig 2']],
    [
      'sixteen-chars-xx',
      ['sixteen-chars-xx', '                 Gig 2             152              R I   CSR1000V  Gig 2'],
    ],
    [
      'INT2.example.com',
      ['INT2.example.com', '                 Gig 2             152              R I   CSR1000V  Gig 2'],
    ],
  ])('Device ID %s', (deviceId, expected) => {
    const text = render.renderShowCdpNeighbors(withNeighbors(base(), [neighbor(deviceId)]));
    expect(lines(text).slice(5, 5 + expected.length)).toEqual(expected);
  });

  it('abbreviates a Nexus port the IOS way and cuts the platform to 9 characters', () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const nexus = ctx.state.neighbors.find((n) => n.protocol === 'cdp' && n.peerPlatform === 'cisco_nxos')!;
    const text = render.renderShowCdpNeighbors(withNeighbors(ctx, [{ ...nexus, holdtime: 133 }]));
    expect(lines(text)[6]).toBe(
      '                 Gig 1/0/2         133             R S I  N9K-C9318 Eth 1/1',
    );
  });

  it('keeps the legend trailing spaces and counts only CDP neighbours', () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const text = render.renderShowCdpNeighbors(ctx);
    expect(lines(text)[1]!.endsWith('P - Phone, ')).toBe(true);
    expect(lines(text)[2]!.endsWith('Mac Relay ')).toBe(true);
    const cdp = ctx.state.neighbors.filter((n) => n.protocol === 'cdp');
    expect(cdp.length).toBeLessThan(ctx.state.neighbors.length);
    expect(text.endsWith(`\n\nTotal cdp entries displayed : ${cdp.length}`)).toBe(true);
  });
});

describe('show cdp neighbors detail', () => {
  it('has one 25-dash entry per CDP neighbour and two blank lines before the total', () => {
    for (const [topology, device] of DEVICES) {
      const ctx = ctxOf(topology, device);
      const text = render.renderShowCdpNeighborsDetail(ctx);
      const cdp = ctx.state.neighbors.filter((n) => n.protocol === 'cdp').length;
      expect(lines(text).filter((l) => l === '-'.repeat(25))).toHaveLength(cdp);
      expect(text).toMatch(
        new RegExp(`\\n  IP address: [\\d.]+\\n\\n\\nTotal cdp entries displayed : ${cdp}$`),
      );
    }
  });

  it('keeps trailing spaces and the two spaces after the commas', () => {
    const text = render.renderShowCdpNeighborsDetail(ctxOf('routers-10', 'R1'));
    const all = lines(text);
    expect(all).toContain('Entry address(es): ');
    expect(all).toContain('Management address(es): ');
    expect(all).toContain('Platform: cisco CSR1000V,  Capabilities: Router IGMP ');
    expect(all).toContain('Interface: GigabitEthernet2,  Port ID (outgoing port): GigabitEthernet2');
  });

  it('splits into entries the way the original cabling check did', () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const blocks = render.renderShowCdpNeighborsDetail(ctx).split(/\n\n-{6,}\n/);
    expect(blocks).toHaveLength(ctx.state.neighbors.filter((n) => n.protocol === 'cdp').length);
    for (const block of blocks) {
      expect(block).toMatch(/Device ID: \S+/);
      expect(block).toMatch(/Interface: \S+, {2}Port ID \(outgoing port\): \S+/);
    }
  });

  it("prints each peer's Version block exactly as that peer's own show version does", async () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const text = render.renderShowCdpNeighborsDetail(ctx);
    for (const peer of ['r2-sw01', 'r2-rt03', 'r2-rt09', 'r2-sw13']) {
      const own = lines(render.renderShowVersion(await renderContextFor('lab-100', peer))).slice(1, 5);
      expect(text).toContain(`Device ID: ${peer}.lab.example.com\n`);
      expect(text).toContain(`Version :\n${own.join('\n')}\n\n`);
    }
    expect(text).toContain('Version :\nCisco Nexus Operating System (NX-OS) Software, Version ');
  });

  it('passes the rules of the TextFSM template, which ends in `^. -> Error`', () => {
    const rules = [
      /^Device ID\s*:\s*\S+\s*$/,
      /^Entry address\(es\)\s*:\s*$/,
      /^\s*IP address:\s*\d+\.\d+\.\d+\.\d+\s*$/,
      /^\s*Platform\s*:\s*.*\s*,\s*Capabilities\s*:\s*.+?\s*$/,
      /^Interface:\s*.*\s*,\s*Port ID\s*\(outgoing port\)\s*:\s*.*\s*$/,
      /^Holdtime\s*:\s*\d+\s*sec/,
      /^advertisement\s+version\s*:\s*\d+\s*$/,
      /^VTP Management Domain\s*:\s*.+\s*$/,
      /^\s*Duplex\s*:\s*\S+\s*$/,
      /^Management address\(es\)\s*:\s*$/,
      /^-+$/,
      /^$/,
      /^Total\s*cdp\s*entries\s*displayed\s*:/,
    ];
    const ctx = ctxOf('lab-100', 'r2-tor1');
    // Version text is consumed by its own state up to the next blank line.
    const outside = render.renderShowCdpNeighborsDetail(ctx).replace(/Version :\n(?:.+\n)+/g, '');
    for (const line of lines(outside))
      expect(
        rules.some((r) => r.test(line)),
        line,
      ).toBe(true);
  });
});

describe('show lldp neighbors', () => {
  const base = () => ctxOf('lab-100', 'r2-tor1');

  it('cuts the Device ID at 20 characters with no gap, as IOS does', () => {
    const first = base().state.neighbors.find((n) => n.protocol === 'lldp')!;
    const text = render.renderShowLldpNeighbors(
      withNeighbors(base(), [{ ...first, deviceId: 'long_name_swt.josh-vlan.example' }]),
    );
    expect(lines(text)[5]).toBe('long_name_swt.josh-vGi1/0/1        120        B               Gi1/0/1');
  });

  it('shows Junos, EOS and NX-OS peers by their own port names', () => {
    const text = render.renderShowLldpNeighbors(base());
    expect(text).toContain('r2-jx14.lab.example.Gi1/0/14       120        B,R             ge-0/0/0\n');
    expect(text).toContain('r2-ar06.lab.example.Gi1/0/6        120        B,R             Ethernet1\n');
    expect(text).toContain('r2-nx02.lab.example.Gi1/0/2        120        B,R             Ethernet1/1\n');
  });

  it('counts only LLDP neighbours, in the table and in the detail', () => {
    for (const [topology, device] of DEVICES) {
      const ctx = ctxOf(topology, device);
      if (!ctx.state.protocols.lldp) {
        expect(render.renderShowLldpNeighbors(ctx)).toBe('% LLDP is not enabled');
        expect(render.renderShowLldpNeighborsDetail(ctx)).toBe('% LLDP is not enabled');
        continue;
      }
      const count = ctx.state.neighbors.filter((n) => n.protocol === 'lldp').length;
      const brief = render.renderShowLldpNeighbors(ctx);
      expect(lines(brief)).toHaveLength(5 + count + 3);
      expect(brief.endsWith(`\n\nTotal entries displayed: ${count}\n`)).toBe(true);
      const detail = render.renderShowLldpNeighborsDetail(ctx);
      expect(lines(detail).filter((l) => l === '-'.repeat(48))).toHaveLength(count);
    }
  });

  it("describes each peer with the LLDP system description of that peer's software", () => {
    const text = render.renderShowLldpNeighborsDetail(base());
    expect(text).toMatch(
      /System Description:\nJuniper Networks, Inc\. ex4300-48t Ethernet Switch, kernel JUNOS \S+, Build date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC Copyright \(c\) 1996-\d{4} Juniper Networks, Inc\.\n\n/,
    );
    expect(text).toMatch(
      /System Description:\nArista Networks EOS version \S+ running on an Arista Networks DCS-\S+\n\n/,
    );
    expect(text).toMatch(
      /System Description:\nCisco Nexus Operating System \(NX-OS\) Software \S+\nTAC support: /,
    );
  });
});

describe('show ip arp', () => {
  const ctx = () => ctxOf('routers-10', 'R1');

  it.each([
    [
      { address: '100.64.12.1', mac: 0xfa163e3f563a, interface: 'GigabitEthernet3' },
      'Internet  100.64.12.1             -   fa16.3e3f.563a  ARPA   GigabitEthernet3',
    ],
    [
      { address: '100.64.12.2', mac: 0xfa163ead651e, interface: 'GigabitEthernet3', ageMinutes: 111 },
      'Internet  100.64.12.2           111   fa16.3ead.651e  ARPA   GigabitEthernet3',
    ],
    [
      { address: '10.100.88.199', interface: 'GigabitEthernet3', ageMinutes: 0 },
      'Internet  10.100.88.199           0   Incomplete      ARPA',
    ],
  ])('%o', (entry, row) => {
    expect(renderArpRow(ctx(), entry)).toBe(row);
  });

  it('passes the rules of the TextFSM template, which ends in `^. -> Error`', () => {
    const header = /^Protocol\s+Address\s+Age\s*\(min\)\s+Hardware Addr\s+Type\s+Interface/;
    const row = /^\S+\s+\d+\.\d+\.\d+\.\d+\s+\S+\s+\S+\s+\S+(\s+\S+)?/;
    for (const [topology, device] of DEVICES) {
      const [first, ...rest] = lines(render.renderShowIpArp(ctxOf(topology, device)));
      expect(first).toMatch(header);
      for (const line of rest) expect(line).toMatch(row);
    }
  });

  it('prints the same table for show arp', () => {
    expect(render.renderShowArp(ctx())).toBe(render.renderShowIpArp(ctx()));
  });

  it('leaves the management VRF out of the global table on Catalyst and ISR/ASR', () => {
    const tor = ctxOf('lab-100', 'r2-tor1');
    expect(render.renderShowIpArp(tor)).not.toContain('GigabitEthernet0/0');
    expect(render.renderShowIpArp(ctx())).toContain('GigabitEthernet1\n');
  });
});

describe('show ip interface brief and show interfaces status', () => {
  it('honours shutdown and description from configuration mode', () => {
    const base = ctxOf('lab-100', 'r2-tor1');
    const interfaces = new Map([
      ['GigabitEthernet1/0/1', { shutdown: true, description: 'uplink to the lab core, rack 2' }],
    ]);
    const ctx = { ...base, config: { ...base.config, interfaces } };
    expect(render.renderShowIpInterfaceBrief(ctx)).toContain(
      '\nGigabitEthernet1/0/1   10.0.0.93       YES manual administratively down down    \n',
    );
    expect(render.renderShowInterfacesStatus(ctx)).toContain(
      '\nGi1/0/1   uplink to the lab  disabled     routed       auto   auto 10/100/1000BaseTX\n',
    );
    expect(render.renderShowRunningConfig(ctx)).toContain(
      '\ninterface GigabitEthernet1/0/1\n description uplink to the lab core, rack 2\n no switchport\n ip address 10.0.0.93 255.255.255.254\n shutdown\n!\n',
    );
  });

  it('keeps the columns when a name overruns its column', () => {
    const text = render.renderShowIpInterfaceBrief(ctxOf('lab-100', 'r2-tor1'));
    expect(text).toContain(
      '\nTenGigabitEthernet1/1/5 unassigned     YES unset  down                  down    ',
    );
    for (const line of lines(text).slice(1)) expect(line.slice(39, 43)).toBe('YES ');
  });

  it('lists every physical port once (and Vlan1 on Catalyst)', () => {
    for (const [topology, device] of DEVICES) {
      const ctx = ctxOf(topology, device);
      const catalyst = ctx.state.model.startsWith('C9') || ctx.state.model.startsWith('WS-');
      expect(lines(render.renderShowIpInterfaceBrief(ctx))).toHaveLength(
        1 + ctx.state.interfaces.length + (catalyst ? 1 : 0),
      );
      expect(lines(render.renderShowInterfacesStatus(ctx))).toHaveLength(1 + ctx.state.interfaces.length);
    }
  });

  it('passes the rules of the show interfaces status template', () => {
    const row = /^\s*\S+\s+.+?\s+(err-disabled|disabled|connected|notconnect)\s+\S+\s+\S+\s+\S+\s*.*$/;
    const header = /^Port\s+Name\s+Status\s+Vlan\s+Duplex\s+Speed\s+Type/;
    const [first, ...rest] = lines(render.renderShowInterfacesStatus(ctxOf('lab-100', 'r2-sw13')));
    expect(first).toMatch(header);
    for (const line of rest) expect(line).toMatch(row);
  });
});

describe('memory', () => {
  it('pads process names to 16 and ends with the total held', () => {
    const ctx = ctxOf('routers-10', 'R1');
    const text = render.renderShowProcessesMemorySorted(ctx);
    const rows = lines(text).filter((l) => /^\s*\d+\s+0\s/.test(l));
    expect(rows).toHaveLength(ctx.memory.processes.length);
    for (const row of rows) expect(row).toHaveLength(80);
    expect(text).toContain(' *Init*          \n');
    const held = ctx.memory.processes.reduce((sum, p) => sum + p.holding, 0);
    expect(text.endsWith(`\n\n${held} Total`)).toBe(true);
  });

  it('passes the rules of the processes memory template', () => {
    const [pools, table] = render
      .renderShowProcessesMemorySorted(ctxOf('lab-100', 'r2-tor1'))
      .split(/\n\s*PID.*\n/);
    for (const line of lines(pools!))
      expect(line).toMatch(
        /^(Processor\s+Pool\s+Total:\s+\d+\s+Used:\s+\d+\s+Free:\s+\d+|\s*lsmpi_io\s+Pool.*|\s*)$/,
      );
    for (const line of lines(table!))
      expect(line).toMatch(/^(\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+.+?\s*|\s*\d+\s+Total\s*|\s*)$/);
  });

  it('puts the pools in the columns of the header', () => {
    const text = render.renderShowMemoryStatistics(ctxOf('routers-10', 'R1'));
    const [header, processor, io] = lines(text);
    expect(header).toBe('                Head    Total(b)     Used(b)     Free(b)   Lowest(b)  Largest(b)');
    expect(processor).toMatch(/^Processor {2}[0-9A-F]{10}( +\d+){5}$/);
    expect(io!.startsWith(' lsmpi_io  FF867C51A8     6295128 ')).toBe(true);
    expect(processor).toHaveLength(81);
  });

  it('reports percentages that agree with the figures', () => {
    const text = render.renderShowPlatformSoftwareStatusControlProcessorBrief(ctxOf('lab-100', 'r1-rt09'));
    const row = lines(text).find((l) => /^\s*RP0 Healthy\s+\d+\s+\d+ \(/.test(l))!;
    const [total, used, usedPct, free, freePct] = row.match(/\d+/g)!.slice(1).map(Number);
    expect(used! + free!).toBe(total);
    expect(usedPct).toBe(Math.round((used! / total!) * 100));
    expect(freePct).toBe(Math.round((free! / total!) * 100));
  });
});

describe('show running-config', () => {
  it('counts the bytes of everything after its own line', () => {
    for (const [topology, device] of DEVICES) {
      const text = render.renderShowRunningConfig(ctxOf(topology, device));
      const match = /^Building configuration\.\.\.\n\nCurrent configuration : (\d+) bytes\n([\s\S]*)$/.exec(
        text,
      )!;
      expect(Number(match[1])).toBe(Buffer.byteLength(match[2]!));
      expect(match[2]!.endsWith('\nend\n')).toBe(true);
    }
  });

  it('names the documented peer and keeps lines entered in configuration mode', () => {
    const base = ctxOf('routers-10', 'R1');
    const ctx = { ...base, config: { ...base.config, hostname: 'R1-new', lines: ['ntp server 192.0.2.1'] } };
    const text = render.renderShowRunningConfig(ctx);
    expect(text).toContain('\nhostname R1-new\n');
    expect(text).toContain('\ninterface GigabitEthernet2\n description to R2 GigabitEthernet2\n ip address ');
    expect(text).toContain('\nntp server 192.0.2.1\n!\n');
    expect(text).not.toContain(' shutdown\n');
  });

  it('puts the Catalyst management port in Mgmt-vrf', () => {
    const text = render.renderShowRunningConfig(ctxOf('lab-100', 'r2-tor1'));
    expect(text).toMatch(
      /\ninterface GigabitEthernet0\/0\n vrf forwarding Mgmt-vrf\n ip address 127\.100\.\d+\.\d+ 255\.255\.0\.0\n/,
    );
  });
});

describe('software', () => {
  const ios = (model: string) => findModel(getKind('cisco_ios'), model)!;

  it.each([
    ['16.12.3', '16.12.03', 'Gibraltar'],
    ['17.3.7', '17.03.07', 'Amsterdam'],
    ['17.3.8a', '17.03.08a', 'Amsterdam'],
    ['17.6.5', '17.06.05', 'Bengaluru'],
    ['17.9.4a', '17.09.04a', 'Cupertino'],
    ['17.12.2', '17.12.02', 'Dublin'],
    ['17.15.1', '17.15.01', 'IOSXE'],
  ])('%s is shown as %s, train %s', (version, shown, name) => {
    expect(iosXeVersion(version)).toBe(shown);
    expect(iosCodeName(version)).toBe(name);
  });

  it.each([
    [
      'CSR1000V',
      '16.12.3',
      'Cisco IOS Software [Gibraltar], Virtual XE Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.12.3, RELEASE SOFTWARE (fc5)',
    ],
    [
      'C9300-48P',
      '17.3.7',
      'Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.7, RELEASE SOFTWARE (fc3)',
    ],
    [
      'ISR4451-X/K9',
      '17.6.5',
      'Cisco IOS Software [Bengaluru], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.6.5, RELEASE SOFTWARE (fc2)',
    ],
    [
      'ASR1001-X',
      '17.9.4a',
      'Cisco IOS Software [Cupertino], ASR1000 Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a, RELEASE SOFTWARE (fc',
    ],
  ])('%s %s', (model, version, start) => {
    const banner = softwareBanner('cisco_ios', ios(model), version);
    expect(banner[0]).toBe(`Cisco IOS XE Software, Version ${iosXeVersion(version)}`);
    expect(banner[1]!.startsWith(start)).toBe(true);
    expect(banner[2]).toBe('Technical Support: http://www.cisco.com/techsupport');
    expect(banner[4]).toMatch(
      /^Compiled (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d by mcpre$/,
    );
    expect(cdpVersionText('cisco_ios', ios(model), version)).toEqual(banner.slice(1));
    expect(lldpSystemDescription('cisco_ios', ios(model), version)).toEqual(banner.slice(1));
  });

  it('compiles known builds on the day they were built', () => {
    expect(softwareBanner('cisco_ios', ios('CSR1000V'), '16.12.3')[4]).toBe(
      'Compiled Mon 09-Mar-20 21:50 by mcpre',
    );
    expect(softwareBanner('cisco_ios', ios('CSR1000V'), '17.3.8a')[3]).toBe(
      'Copyright (c) 1986-2023 by Cisco Systems, Inc.',
    );
  });

  it('describes the other platforms in their own words', () => {
    const model = (platform: 'cisco_nxos' | 'arista_eos' | 'juniper_junos', name: string) =>
      findModel(getKind(platform), name)!;
    expect(platformDescription('cisco_nxos', model('cisco_nxos', 'N9K-C93180YC-EX'), '9.3(10)')).toBe(
      'Cisco Nexus Operating System (NX-OS) Software, Version 9.3(10)',
    );
    expect(platformDescription('arista_eos', model('arista_eos', 'DCS-7050SX3-48YC8'), '4.28.3M')).toBe(
      'Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7050SX3-48YC8',
    );
    expect(platformDescription('juniper_junos', model('juniper_junos', 'EX4300-48T'), '21.4R3-S4.9')).toMatch(
      /^Juniper Networks, Inc\. ex4300-48t Ethernet Switch, kernel JUNOS 21\.4R3-S4\.9, Build date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC Copyright \(c\) 1996-\d{4} Juniper Networks, Inc\.$/,
    );
    expect(platformDescription('juniper_junos', model('juniper_junos', 'MX204'), '22.4R2.8')).toContain(
      'mx204 internet router, kernel JUNOS 22.4R2.8',
    );
  });

  it("matches a device's own banner", () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const { model } = specOf(ctx.state);
    const banner = softwareBanner(ctx.state.platform, model, ctx.state.version);
    expect(lines(render.renderShowVersion(ctx)).slice(0, 5)).toEqual(banner);
  });
});

describe('show version', () => {
  it('counts interfaces by type and shows the stack table on Catalyst', () => {
    const ctx = ctxOf('lab-100', 'r2-tor1');
    const text = render.renderShowVersion(ctx);
    expect(text).toContain(
      '\n1 Virtual Ethernet interface\n49 Gigabit Ethernet interfaces\n8 Ten Gigabit Ethernet interfaces\n',
    );
    const version = iosXeVersion(ctx.state.version).padEnd(17);
    expect(text).toContain(`\n*    1 56    C9300-48P          ${version} CAT9K_IOSXE           INSTALL\n`);
    expect(text.endsWith('\nConfiguration register is 0x102\n')).toBe(true);
  });

  it('reports the processor pool as its main memory', () => {
    const ctx = ctxOf('routers-10', 'R1');
    const kb = Math.floor(ctx.memory.pools[0]!.total / 1024);
    expect(render.renderShowVersion(ctx)).toContain(
      `\ncisco CSR1000V (VXE) processor (revision VXE) with ${kb}K/3075K bytes of memory.\nProcessor board ID ${ctx.state.serial}\n`,
    );
  });
});
