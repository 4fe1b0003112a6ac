import { describe, expect, it } from 'vitest';
import { openTerminal } from '../terminal.js';
import {
  frameJunosOutput,
  juniperJunosPersonality,
  junosEnterEcho,
} from '../../simulator/personalities/juniper-junos/personality.js';
import * as render from '../../simulator/personalities/juniper-junos/render/index.js';
import { renderAgo } from '../../simulator/personalities/juniper-junos/render/uptime.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';
import { renderMacColons } from '../../simulator/state/mac.js';
import { JUNOS_SHOWS } from '../../simulator/personalities/juniper-junos/shows.js';
import { goldenRows } from './show-rows.js';
import { expectGolden } from '../helpers.js';

const COMMANDS = goldenRows(JUNOS_SHOWS);

/** lab-100: an EX4300 virtual chassis (`{master:0}`) and an MX204 router. */
const DEVICES = ['r2-jx14', 'r3-mx17'] as const;

const contexts = new Map<string, RenderContext>();
const slug = (command: string) => command.replaceAll(' ', '-');

// Loaded while the file is collected, so each device's cases can follow its model.
for (const device of DEVICES) contexts.set(device, await renderContextFor('lab-100', device));

describe('golden device output', () => {
  for (const device of DEVICES) {
    // The MX has no switch-only commands (their rows are not available), so no golden file.
    const has = (command: string) =>
      JUNOS_SHOWS.find((row) => row.command === command)!.available?.(contexts.get(device)!.state) ?? true;
    for (const [command, renderer] of COMMANDS.filter(([c]) => has(c))) {
      it(`lab-100 ${device}: ${command}`, () => {
        expectGolden(`juniper-junos/lab-100-${device}-${slug(command)}.txt`, renderer(contexts.get(device)!));
      });
    }
  }
});

describe('determinism', () => {
  it('renders independently built contexts of the same seed identically', async () => {
    for (const device of DEVICES) {
      const again = await renderContextFor('lab-100', device);
      for (const [, renderer] of COMMANDS) expect(renderer(again)).toBe(renderer(contexts.get(device)!));
    }
  });

  it('moves with the clock: LLDP ages and the uptime advance', async () => {
    const later = await renderContextFor('lab-100', 'r2-jx14', { elapsedSeconds: 125 });
    const before = contexts.get('r2-jx14')!;
    expect(render.renderShowLldpNeighborsDetail(later)).not.toBe(
      render.renderShowLldpNeighborsDetail(before),
    );
    expect(render.renderShowSystemUptime(later)).toContain('Current time: 2026-01-15 09:32:05 UTC');
  });
});

describe('show lldp neighbors', () => {
  it('places the columns at 0, 19, 39, 59 and 78 as the reference does', () => {
    const ctx = contexts.get('r2-jx14')!;
    const [header, first] = render.renderShowLldpNeighbors(ctx).split('\n');
    expect(header).toBe(
      'Local Interface    Parent Interface    Chassis Id          Port info          System Name',
    );
    const n = ctx.state.neighbors.find((x) => x.protocol === 'lldp')!;
    expect(first!.slice(0, 19).trimEnd()).toBe(n.localInterface);
    expect(first!.slice(19, 39).trimEnd()).toBe('-');
    expect(first!.slice(39, 59).trimEnd()).toBe(renderMacColons(n.chassisMac));
    expect(first!.endsWith(` ${n.deviceId}`)).toBe(true);
  });

  it('prints nothing when LLDP is off', () => {
    const ctx = contexts.get('r2-jx14')!;
    const off = { ...ctx, state: { ...ctx.state, protocols: { cdp: false, lldp: false } } };
    expect(render.renderShowLldpNeighbors(off)).toBe('');
    expect(render.renderShowLldpNeighborsDetail(off)).toBe('');
  });
});

describe('show arp no-resolve', () => {
  it('uses the EX layout on a virtual chassis and the 25-wide Interface column on MX', () => {
    const ex = render.renderShowArpNoResolve(contexts.get('r2-jx14')!).split('\n');
    const mx = render.renderShowArpNoResolve(contexts.get('r3-mx17')!).split('\n');
    expect(ex[0]).toBe('MAC Address       Address         Interface     Flags');
    expect(mx[0]).toBe('MAC Address       Address         Interface                Flags');
    expect(ex[1]).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2} \S+ +\S+\.0 +none$/);
    expect(ex.at(-1)).toBe(`Total entries: ${ex.length - 2}`);
  });
});

describe('show arp', () => {
  it('prints the address as the Name (no DNS), in the one layout of vMX, QFX and MX captures', () => {
    for (const device of DEVICES) {
      const lines = render.renderShowArp(contexts.get(device)!).split('\n');
      const plain = render.renderShowArpNoResolve(contexts.get(device)!).split('\n');
      expect(lines[0]).toBe(
        'MAC Address       Address         Name                      Interface               Flags',
      );
      expect(lines.length).toBe(plain.length);
      lines.slice(1, -1).forEach((row, i) => {
        const [mac, address, unit, flags] = plain[i + 1]!.split(/ +/);
        const columns = [
          row.slice(0, 18),
          row.slice(18, 34),
          row.slice(34, 60),
          row.slice(60, 84),
          row.slice(84),
        ];
        expect(columns.map((c) => c.trimEnd())).toEqual([mac, address, address, unit, flags]);
      });
      expect(lines.at(-1)).toBe(plain.at(-1));
    }
  });
});

describe('renderAgo', () => {
  it.each([
    [59, '00:00:59'],
    [3600 + 61, '01:01:01'],
    [86_400 + 3600, '1d 01:00'],
    [15 * 86_400 + 6 * 3600 + 7 * 60, '2w1d 06:07'],
  ])('%i seconds → %s', (seconds, text) => expect(renderAgo(seconds)).toBe(text));
});

describe('framing', () => {
  it('ends output with a blank line before the prompt; the opening space ends the echoed command', () => {
    expect(frameJunosOutput('Screen length set to 0')).toBe('Screen length set to 0\n');
    expect(frameJunosOutput('\n')).toBe('');
    expect(frameJunosOutput('     ^\nunknown command.\n')).toBe('     ^\nunknown command.\n');
    expect(junosEnterEcho('show version', false)).toBe(' \n');
    expect(junosEnterEcho('show foo', true)).toBe('\n');
    expect(junosEnterEcho('', false)).toBe('\n');
  });
});

function session(device: string, terminal = { width: 80, length: 0 }) {
  return openTerminal('lab-100', device, juniperJunosPersonality, { terminal });
}

describe('terminal session (Junos)', () => {
  it('acknowledges session preparation as netmiko and scrapli expect', async () => {
    const s = await session('r3-mx17');
    expect(s.type('set cli screen-length 0\r')).toBe(
      'set cli screen-length 0 \r\nScreen length set to 0\r\n\r\nadmin@r3-mx17> ',
    );
    expect(s.type('set cli screen-width 511\r')).toContain(
      ' \r\nScreen width set to 511\r\n\r\nadmin@r3-mx17> ',
    );
    expect(s.type('set cli complete-on-space off\r')).toContain(
      ' \r\nDisabling complete-on-space\r\n\r\nadmin@r3-mx17> ',
    );
  });

  it('answers the Ansible junos terminal plugin and the other set cli settings as Junos does', async () => {
    const s = await session('r2-jx14');
    const after = ' \r\n';
    const end = '\r\n\r\n{master:0}\r\nadmin@r2-jx14> ';
    expect(s.type('set cli timestamp disable\r')).toBe(
      `set cli timestamp disable${after}CLI timestamp disabled${end}`,
    );
    expect(s.type('set cli screen-width 1024\r')).toBe(
      `set cli screen-width 1024${after}Screen width set to 1024${end}`,
    );
    expect(s.type('set cli timestamp\r')).toBe(
      `set cli timestamp${after}Jan 15 09:30:00\r\nCLI timestamp set to: %b %d %T${end}`,
    );
    expect(s.type('set cli idle-timeout 5\r')).toBe(
      `set cli idle-timeout 5${after}Idle timeout set to 5 minutes${end}`,
    );
    expect(s.type('set cli idle-timeout 0\r')).toContain('Idle timeout disabled');
    expect(s.type('set cli complete-on-space on\r')).toContain(`${after}Enabling complete-on-space${end}`);
    // None of them trips the plugin's error patterns.
    const errors = /unknown command|syntax error|[\r\n]error:/;
    for (const line of ['set cli timestamp disable', 'set cli screen-length 0', 'set cli screen-width 1024'])
      expect(s.type(`${line}\r`)).not.toMatch(errors);
  });

  it('prints the caret, the error and a blank line', async () => {
    const s = await session('r3-mx17');
    const prompt = 'admin@r3-mx17> ';
    const caret = (column: number) => `${' '.repeat(prompt.length + column)}^`;
    expect(s.type('foo\r')).toBe(`foo\r\n${caret(0)}\r\nunknown command.\r\n\r\n${prompt}`);
    // scrapli's recorded session: the caret under `configuration-mode`.
    expect(s.type('exit configuration-mode\r')).toBe(
      `exit configuration-mode\r\n${caret(5)}\r\nsyntax error, expecting <command>.\r\n\r\n${prompt}`,
    );
    // Incomplete: the caret one past what was typed (Junos echoes a space after the word).
    expect(s.type('show\r')).toBe(
      `show\r\n${caret(5)}\r\nsyntax error, expecting <command>.\r\n\r\n${prompt}`,
    );
  });

  it('enters and leaves configuration mode with [edit] above the prompt', async () => {
    const s = await session('r3-mx17');
    expect(s.type('configure\r')).toBe(
      'configure \r\nEntering configuration mode\r\n\r\n[edit]\r\nadmin@r3-mx17# ',
    );
    expect(s.type('set cli screen-length 0\r')).toBe(
      'set cli screen-length 0\r\n                   ^\r\nsyntax error.\r\n\r\n[edit]\r\nadmin@r3-mx17# ',
    );
    expect(s.type('edit interfaces xe-0/1/0\r')).toContain('[edit interfaces xe-0/1/0]\r\nadmin@r3-mx17# ');
    expect(s.type('top\r')).toContain('\r\n[edit]\r\nadmin@r3-mx17# ');
    expect(s.type('commit\r')).toBe('commit \r\ncommit complete\r\n\r\n[edit]\r\nadmin@r3-mx17# ');
    expect(s.type('exit configuration-mode\r')).toBe(
      'exit configuration-mode \r\nExiting configuration mode\r\n\r\nadmin@r3-mx17> ',
    );
    s.type('configure\r');
    expect(s.type('exit\r')).toContain('Exiting configuration mode\r\n\r\nadmin@r3-mx17> ');
  });

  it('puts {master:0} above the prompt of a virtual chassis, after a blank line', async () => {
    const s = await session('r2-jx14');
    const out = s.type('show arp no-resolve\r');
    expect(out).toMatch(/\r\nTotal entries: \d+\r\n\r\n\{master:0\}\r\nadmin@r2-jx14> $/);
    expect(s.type('\r')).toBe('\r\n{master:0}\r\nadmin@r2-jx14> ');
  });

  it('pages with ---(more)--- and | no-more turns it off for one command', async () => {
    const s = await session('r3-mx17', { width: 80, length: 10 });
    expect(s.type('show interfaces terse\r')).toMatch(/---\(more\)---$/);
    s.type('q');
    expect(s.type('show interfaces terse | no-more\r')).toMatch(/admin@r3-mx17> $/);
  });

  it('filters with | match, | except, | count and chains | no-more', async () => {
    const s = await session('r3-mx17');
    const matched = s.type('show interfaces terse | match XE-0/1/0 | no-more\r');
    expect(matched).toContain('xe-0/1/0 ');
    expect(matched).not.toContain('et-0/0/0');
    expect(s.type('show lldp neighbors | count\r')).toMatch(/ \r\nCount: \d+ lines\r\n/);
    const filtered = s.type('show version | except JUNOS\r').split('\r\n').slice(1).join('\n');
    expect(filtered).toContain('Hostname: r3-mx17');
    expect(filtered).not.toContain('JUNOS ');
  });

  it('runs operational commands from configuration mode with run', async () => {
    const s = await session('r3-mx17');
    s.type('configure\r');
    expect(s.type('run show version\r')).toContain('Hostname: r3-mx17');
  });

  it('closes the session on exit', async () => {
    const s = await session('r3-mx17');
    s.type('exit\r');
    expect(s.closed).toBe(true);
  });
});

describe('show interfaces', () => {
  it('prints one block per port, lo0 last, with the terse view’s state and addresses', () => {
    const ctx = contexts.get('r2-jx14')!;
    const text = render.renderShowInterfaces(ctx);
    const blocks = text.split(/\n\n(?=Physical interface: )/);
    expect(blocks).toHaveLength(ctx.state.interfaces.length + 1);
    expect(blocks.at(-1)).toMatch(
      /^Physical interface: lo0, Enabled, Physical link is Up\n {2}Interface index: 6/,
    );
    for (const iface of ctx.state.interfaces) {
      const block = blocks.find((b) => b.startsWith(`Physical interface: ${iface.name},`))!;
      expect(block).toContain(`Physical link is ${iface.connected ? 'Up' : 'Down'}`);
      if (iface.address?.prefix === 31)
        expect(block).toMatch(
          new RegExp(`Destination: \\S+/31, Local: ${iface.address.ip.replaceAll('.', '\\.')}(\\n|$)`),
        );
    }
  });

  it('shares the LLDP Port ID (SNMP ifIndex) and descriptions with the other commands', () => {
    const ctx = contexts.get('r3-mx17')!;
    const iface = ctx.state.interfaces.find((i) => i.documentedPeer && i.connected)!;
    const block = render.renderShowInterface(ctx, iface.name)!;
    const description = `to ${iface.documentedPeer!.node} ${iface.documentedPeer!.interface}`;
    expect(block).toContain(`  Description: ${description}\n`);
    expect(render.renderShowInterfacesDescriptions(ctx)).toContain(`   ${description}`);
    expect(render.renderShowInterface(ctx, `${iface.name}.0`)).toMatch(/^ {2}Logical interface /);
    expect(render.renderShowInterface(ctx, 'ge-9/9/9')).toBeUndefined();
  });

  it('names an unknown device as mgd does', async () => {
    const s = await session('r3-mx17');
    expect(s.type('show interfaces ge-9/9/9\r')).toContain(' \r\nerror: device ge-9/9/9 not found\r\n');
    expect(s.type('show interfaces xe-0/1/0\r')).toContain('Physical interface: xe-0/1/0, Enabled');
  });
});

describe('show log messages', () => {
  it('logs an unplugged documented port going down at the moment `show interfaces` says it flapped', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-jx14', {
      drift: 'drift:\n  - unplug: "r2-jx14:ge-0/0/3"\n',
    });
    const lines = render.renderShowLogMessages(ctx).split('\n');
    const traps = lines.filter((l) => l.endsWith('ifName ge-0/0/3'));
    expect(traps.map((l) => /SNMP_TRAP_LINK_(UP|DOWN)/.exec(l)![1])).toEqual(['UP', 'DOWN']);
    expect(traps[1]).toMatch(
      /^\w{3} [ \d]\d \d\d:\d\d:\d\d {2}r2-jx14 mib2d\[\d+\]: SNMP_TRAP_LINK_DOWN: ifIndex 504, ifAdminStatus up\(1\), ifOperStatus down\(2\), ifName ge-0\/0\/3$/,
    );
    const flap = /Last flapped {3}: (\S+ \S+)/.exec(render.renderShowInterface(ctx, 'ge-0/0/3') ?? '')?.[1];
    expect(flap).toBeDefined();
    expect(traps[1]).toContain(flap!.slice(11, 19));
  });
});

describe('show ethernet-switching table and show vlans', () => {
  const drift = 'drift:\n  - add: ["r2-jx14:ge-0/0/16", "r2-sw01:GigabitEthernet1/0/40"]\n';

  it('learns the LLDP peer port MAC on a cabled switch port; routed ports learn nothing', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-jx14', { drift });
    const heard = ctx.state.neighbors.find((n) => n.localInterface === 'ge-0/0/16')!;
    const lines = render.renderShowEthernetSwitchingTable(ctx).split('\n');
    expect(lines).toContain('Ethernet switching table : 1 entries, 1 learned');
    expect(lines.at(-1)).toBe(
      `    default             ${renderMacColons(heard.portMac)}   D             -   ge-0/0/16.0`,
    );
    expect(render.renderShowVlans(ctx).split('\n').slice(1, 3)).toEqual([
      'default-switch          default                  1',
      `${' '.repeat(59)}ge-0/0/16.0*`,
    ]);
  });

  it('is a syntax error on an MX, caret under the second word', async () => {
    const s = await session('r3-mx17');
    expect(s.type('show ethernet-switching table\r')).toBe(
      `show ethernet-switching table\r\n${' '.repeat('admin@r3-mx17> show '.length)}^\r\nsyntax error, expecting <command>.\r\n\r\nadmin@r3-mx17> `,
    );
  });
});

describe('show system users', () => {
  it("repeats show system uptime's BSD line and puts LOGIN@, IDLE and WHAT under their headings", () => {
    const ctx = contexts.get('r3-mx17')!;
    const [uptime, header, session] = render.renderShowSystemUsers(ctx).split('\n');
    expect(uptime).toBe(render.renderShowSystemUptime(ctx).split('\n').at(-1));
    expect(session!.indexOf('9:30AM')).toBe(header!.indexOf('LOGIN@'));
    expect(session!.indexOf(' - ') + 1).toBe(header!.indexOf('IDLE') + 3);
    expect(session!.indexOf('-cli')).toBe(header!.indexOf('WHAT'));
  });
});
