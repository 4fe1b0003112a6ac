import { beforeAll, describe, expect, it } from 'vitest';
import { openTerminal } from '../terminal.js';
import { aristaEosPersonality } from '../../simulator/personalities/arista-eos/personality.js';
import * as render from '../../simulator/personalities/arista-eos/render/index.js';
import { renderEosDuration, renderEosUptime } from '../../simulator/personalities/arista-eos/render/text.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';
import { EOS_SHOWS } from '../../simulator/personalities/arista-eos/shows.js';
import { goldenRows } from './show-rows.js';
import { expectGolden } from '../helpers.js';
import { renderMacDotted } from '../../simulator/state/mac.js';
import { macAddressTableModel } from '../../simulator/personalities/arista-eos/json/routing.js';

const COMMANDS = goldenRows(EOS_SHOWS);

/** A 7280 hearing IOS, EOS and Junos peers, and a 7050 hearing NX-OS peers. */
const DEVICES = ['r2-ar08', 'r2-ar12'] as const;

const contexts = new Map<string, RenderContext>();
const slug = (command: string) => command.replaceAll(' ', '-');

beforeAll(async () => {
  for (const device of DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

describe('golden EOS output', () => {
  for (const device of DEVICES) {
    for (const [command, renderer] of COMMANDS) {
      it(`lab-100 ${device}: ${command}`, () => {
        expectGolden(`arista-eos/lab-100-${device}-${slug(command)}.txt`, renderer(contexts.get(device)!));
      });
    }
  }
});

describe('EOS renderers', () => {
  it('renders the same context to the same bytes, and moves with the clock only', async () => {
    const later = await renderContextFor('lab-100', 'r2-ar08', { elapsedSeconds: 3600 });
    for (const [, renderer] of COMMANDS) {
      expect(renderer(contexts.get('r2-ar08')!)).toBe(renderer(await renderContextFor('lab-100', 'r2-ar08')));
    }
    expect(render.renderShowClock(later)).toMatch(/^Thu Jan 15 10:30:00 2026\n/);
  });

  it('keeps the trailing spaces real EOS prints in the detail', () => {
    const detail = render.renderShowLldpNeighborsDetail(contexts.get('r2-ar08')!);
    expect(detail).toContain('  - Management Address Subtype: IPv4 \n');
    expect(detail).toMatch(/^ {4}OID String {16}: \n/m);
    expect(detail).toMatch(
      /^Interface Ethernet7 detected 1 LLDP neighbors:\n\n {2}Neighbor [0-9a-f.]{14}\/"Ethernet8", age \d+ seconds$/m,
    );
  });

  it('logs an unplugged port going down halfway through the uptime, and routes no longer to it', () => {
    const ctx = contexts.get('r2-ar08')!;
    const interfaces = ctx.state.interfaces.map((i) =>
      i.name === 'Ethernet3' ? { ...i, connected: false, peer: undefined } : i,
    );
    const drifted = { ...ctx, state: { ...ctx.state, interfaces } };
    const log = render.renderShowLogging(drifted).split('\n');
    const down = log.filter((l) => l.includes('Ethernet3') && l.endsWith('changed state to down'));
    expect(down).toHaveLength(2);
    expect(down[0]).toMatch(
      / r2-ar08 Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet3 \(to .+\), changed/,
    );
    expect(log.at(-2)).toBe(down[1]);
    expect(render.renderShowIpRoute(drifted)).not.toContain('Ethernet3\n');
  });

  it('learns the neighbour MAC on a switched port only', () => {
    const ctx = contexts.get('r2-ar08')!;
    expect(render.renderShowMacAddressTable(ctx)).toContain('\nTotal Mac Addresses for this criterion: 0\n');
    const interfaces = ctx.state.interfaces.map((i) =>
      i.name === 'Ethernet7' ? { ...i, address: undefined } : i,
    );
    const switched = { ...ctx, state: { ...ctx.state, interfaces } };
    const peer = ctx.state.neighbors.find((n) => n.localInterface === 'Ethernet7')!;
    const table = render.renderShowMacAddressTable(switched);
    expect(table).toMatch(
      new RegExp(
        `^   1    ${renderMacDotted(peer.portMac)}    DYNAMIC     Et7        1       \\d+ days?, [0-9:]+ ago$`,
        'm',
      ),
    );
    expect(table).toContain('\nTotal Mac Addresses for this criterion: 1\n');
    expect(macAddressTableModel(switched)).toMatchObject({
      unicastTable: { tableEntries: [{ vlanId: 1, interface: 'Ethernet7', entryType: 'dynamic', moves: 1 }] },
    });
  });

  it('answers "% LLDP is not enabled" when LLDP is off', () => {
    const ctx = contexts.get('r2-ar08')!;
    const off = { ...ctx, state: { ...ctx.state, protocols: { cdp: false, lldp: false } } };
    expect(render.renderShowLldpNeighbors(off)).toBe('% LLDP is not enabled');
    expect(render.renderShowLldpNeighborsDetail(off)).toBe('% LLDP is not enabled');
  });

  it.each([
    [0, '0:00:00'],
    [71, '0:01:11'],
    [86_400 + 5 * 3600 + 27 * 60 + 3, '1 day, 5:27:03'],
    [34 * 86_400 + 19 * 3600 + 40 * 60 + 42, '34 days, 19:40:42'],
  ])('says %i seconds ago as %s', (seconds, text) => {
    expect(renderEosDuration(seconds)).toBe(text);
  });

  it.each([
    [3 * 60, '0 weeks, 0 days, 0 hours and 3 minutes'],
    [(7 * 1440 + 20 * 60 + 15) * 60, '1 week, 0 days, 20 hours and 15 minutes'],
    [(21 * 1440 + 1440 + 60 + 1) * 60, '3 weeks, 1 day, 1 hour and 1 minute'],
  ])('says an uptime of %i seconds as %s', (seconds, text) => {
    expect(renderEosUptime(seconds)).toBe(text);
  });
});

function session(terminal = { width: 80, length: 0 }) {
  return openTerminal('lab-100', 'r2-ar08', aristaEosPersonality, { terminal, lf: true });
}

describe('EOS CLI', () => {
  it('logs in at ">", enables with the secret and configures without a banner', async () => {
    const s = await session();
    expect(s.type('\r')).toBe('\nr2-ar08>');
    expect(s.type('terminal length 0\r')).toBe('terminal length 0\nPagination disabled.\nr2-ar08>');
    expect(s.type('terminal width 511\r')).toBe('terminal width 511\nWidth set to 511 columns.\nr2-ar08>');
    expect(s.type('enable\r')).toBe('enable\nPassword: ');
    expect(s.type('admin\r')).toBe('\nr2-ar08#');
    expect(s.type('configure terminal\r')).toBe('configure terminal\nr2-ar08(config)#');
    expect(s.type('interface Et3\r')).toBe('interface Et3\nr2-ar08(config-if-Et3)#');
    expect(s.type('description set here\r')).toBe('description set here\nr2-ar08(config-if-Et3)#');
    expect(s.type('exit\r')).toBe('exit\nr2-ar08(config)#');
    expect(s.type('vlan 10\r')).toBe('vlan 10\nr2-ar08(config-vlan-10)#');
    expect(s.type('end\r')).toBe('end\nr2-ar08#');
    expect(s.device.config().interfaces.get('Ethernet3')).toEqual({ description: 'set here' });
    expect(s.type('disable\r')).toBe('disable\nr2-ar08>');
    expect(s.type('exit\r')).toBe('exit\n');
    expect(s.closed).toBe(true);
  });

  it('shows this session on a vty line in "show users"', async () => {
    const s = await session();
    expect(s.type('show users\r')).toMatch(
      /^show users\n {4}Line {6}User {8}Host\(s\).*\n\* {2}2 vty 2 {4}\S+ +idle {10}00:00:00 {4}127\.0\.0\.1\n/,
    );
  });

  it('prints EOS errors without carets or blank lines', async () => {
    const s = await session();
    expect(s.type('show foo\r')).toBe("show foo\n% Invalid input (at token 1: 'foo')\nr2-ar08>");
    expect(s.type('show lldp\r')).toBe('show lldp\n% Incomplete command\nr2-ar08>');
    expect(s.type('show i\r')).toBe("show i\n% Ambiguous command (at token 1: 'i')\nr2-ar08>");
    expect(s.type('configure terminal\r')).toBe(
      'configure terminal\n% Invalid input (privileged mode required)\nr2-ar08>',
    );
    expect(s.type('show running-config\r')).toBe(
      'show running-config\n% Invalid input (privileged mode required)\nr2-ar08>',
    );
  });

  it('refuses a wrong secret with "% Access denied"', async () => {
    const s = await session();
    s.type('enable\r');
    s.type('nope\r');
    s.type('nope\r');
    expect(s.type('nope\r')).toBe('\n% Access denied\nr2-ar08>');
  });

  it('pages with " --More-- " when the terminal has a length, and filters through pipes', async () => {
    const s = await session({ width: 80, length: 10 });
    expect(s.type('show lldp neighbors\r')).toMatch(/\n --More-- $/);
    expect(s.type('q')).toMatch(/r2-ar08>$/);
    expect(s.type('terminal length 0\r')).toContain('Pagination disabled.');
    expect(s.type('show lldp neighbors | include Et7 \r')).toMatch(
      /\nEt7 +r2-ar12\.\S+ +Ethernet8 +120\nr2-ar08>$/,
    );
    expect(s.type('sh ver | inc memory\r')).toMatch(/\nTotal memory: \d+ kB\nFree memory: \d+ kB\nr2-ar08>$/);
  });

  it('runs show commands in configuration mode too', async () => {
    const s = await session();
    s.type('enable\radmin\rconfigure\r');
    expect(s.type('show clock\r')).toBe(
      'show clock\nThu Jan 15 09:30:00 2026\nTimezone: UTC\nClock source: local\nr2-ar08(config)#',
    );
  });
});
