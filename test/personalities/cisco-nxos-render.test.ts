import { beforeAll, describe, expect, it } from 'vitest';
import { interpret } from '../../simulator/engine/interpret.js';
import type { SessionState } from '../../simulator/engine/types.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { ciscoNxosPersonality } from '../../simulator/personalities/cisco-nxos/personality.js';
import * as render from '../../simulator/personalities/cisco-nxos/render/index.js';
import { nxosCdpPortName } from '../../simulator/personalities/cisco-nxos/render/names.js';
import { renderNxosUptime, uptimeParts } from '../../simulator/personalities/cisco-nxos/render/time.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';
import { NXOS_SHOWS } from '../../simulator/personalities/cisco-nxos/shows.js';
import {
  STRUCTURED_COMMANDS,
  structuredBody,
} from '../../simulator/personalities/cisco-nxos/structured/index.js';
import { goldenRows } from './show-rows.js';
import { join } from 'node:path';
import { expectGolden, FIXTURES } from '../helpers.js';

const COMMANDS = goldenRows(NXOS_SHOWS);

/** lab-100: a 10.3 N9K hearing an NX-OS and an EOS peer, a 9.3 N3K hearing Junos, a 7.0 N3K. */
const NXOS_DEVICES = ['r2-nx02', 'r2-nx11', 'r4-nx08'] as const;

const contexts = new Map<string, RenderContext>();
const ctxOf = (device: string) => contexts.get(device)!;

beforeAll(async () => {
  for (const device of NXOS_DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

const slug = (command: string) => command.replaceAll(' ', '-');

describe('golden device output', () => {
  for (const device of NXOS_DEVICES) {
    for (const [command, renderer] of COMMANDS) {
      it(`lab-100 ${device}: ${command}`, () => {
        expectGolden(`cisco-nxos/lab-100-${device}-${slug(command)}.txt`, renderer(ctxOf(device)));
      });
    }
  }
});

/** The LAG lab's nx1: port-channel5 to an EOS box, in the port-channel and interface lists. */
const LAG_COMMANDS = [
  'show port-channel summary',
  'show interface brief',
  'show interface status',
  'show interface description',
  'show ip interface brief',
  'show ip route',
  'show running-config',
];

describe('golden device output: a LAG', () => {
  for (const command of LAG_COMMANDS) {
    it(`lag-lab nx1: ${command}`, async () => {
      const ctx = await renderContextFor(join(FIXTURES, 'lag', 'lab.yaml'), 'nx1');
      const renderer = COMMANDS.find(([c]) => c === command)![1];
      expectGolden(`cisco-nxos/lag-lab-nx1-${slug(command)}.txt`, renderer(ctx));
    });
  }
});

describe('layout details the reference insists on', () => {
  it('CDP detail: no space after "Device ID:", single spaces after commas, 40 dashes', () => {
    const text = render.renderShowCdpNeighborsDetail(ctxOf('r2-nx02'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('-'.repeat(40));
    expect(lines[1]).toMatch(/^Device ID:\S/);
    expect(text).toMatch(/^Platform: [^,]+, Capabilities: /m);
    expect(text).toMatch(/^Interface: Ethernet1\/\d+, Port ID \(outgoing port\): \S+$/m);
    expect(text).not.toMatch(/, {2}/);
    expect(text).toMatch(/^Device ID:r2-nx11\(\w+\)\nSystem Name: r2-nx11\n$/m);
  });

  it('CDP brief: the legend exactly, long Device IDs on their own line', () => {
    const text = render.renderShowCdpNeighbors(ctxOf('r2-nx02'));
    expect(text.split('\n').slice(0, 6)).toEqual([
      'Capability Codes: R - Router, T - Trans-Bridge, B - Source-Route-Bridge',
      '                  S - Switch, H - Host, I - IGMP, r - Repeater,',
      '                  V - VoIP-Phone, D - Remotely-Managed-Device,',
      '                  s - Supports-STP-Dispute',
      '',
      'Device-ID          Local Intrfce  Hldtme Capability  Platform      Port ID',
    ]);
    expect(text).toMatch(/^r2-nx11\(\w+\)\n {20}Eth1\/6 {9}\d{3} {4}R S I s {3}N3K-C3172PQ-10GE Eth1\/3$/m);
    expect(text).toMatch(/\n\nTotal entries displayed: \d+$/);
  });

  it('ARP starts with a blank line and lists only learnt entries', () => {
    const ctx = ctxOf('r2-nx02');
    const text = render.renderShowIpArp(ctx);
    expect(text.startsWith('\nFlags: * - Adjacencies learnt on non-active FHRP router\n')).toBe(true);
    const learnt = ctx.state.arp.filter((e) => e.ageMinutes !== undefined).length;
    expect(text).toContain(`Total number of entries: ${learnt}\n`);
    expect(text).toMatch(
      /^\d+\.\d+\.\d+\.\d+ +\d\d:\d\d:\d\d {2}[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4} {2}\S+$/m,
    );
  });

  it('prints NX-OS messages when a protocol is off', () => {
    const ctx = ctxOf('r2-nx02');
    const off = { ...ctx, state: { ...ctx.state, protocols: { cdp: false, lldp: false } } };
    expect(render.renderShowCdpNeighbors(off)).toBe('% CDP is not enabled');
    expect(render.renderShowCdpNeighborsDetail(off)).toBe('% CDP is not enabled');
  });

  it('abbreviates neighbour ports the NX-OS way', () => {
    expect(nxosCdpPortName('GigabitEthernet1/0/5')).toBe('Gig1/0/5');
    expect(nxosCdpPortName('FastEthernet1/0/9')).toBe('Fas1/0/9');
    expect(nxosCdpPortName('Ethernet1/1')).toBe('Eth1/1');
    expect(nxosCdpPortName('mgmt0')).toBe('mgmt0');
    expect(nxosCdpPortName('ge-0/0/1')).toBe('ge-0/0/1');
  });

  it('spells uptime with every unit', () => {
    expect(renderNxosUptime(uptimeParts(60 * 86_400 + 17 * 3600 + 26 * 60 + 51))).toBe(
      '60 day(s), 17 hour(s), 26 minute(s), 51 second(s)',
    );
    expect(renderNxosUptime(uptimeParts(59))).toBe('0 day(s), 0 hour(s), 0 minute(s), 59 second(s)');
  });
});

describe('link history agrees across commands', () => {
  it('an unplugged port: notconnec, down since it was pulled, logged down, no connected route', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-nx02', {
      drift: 'drift:\n  - unplug: "r2-nx02:Ethernet1/1"\n',
    });
    expect(render.renderShowInterfaceStatus(ctx)).toMatch(
      /^Eth1\/1 +to r2-tor1 Gigabit notconnec routed +auto +auto/m,
    );
    const detail = render.renderShowInterface(ctx);
    expect(detail).toMatch(/^Ethernet1\/1 is down \(Link not connected\)$/m);
    const flapped = /^Ethernet1\/1 is[^]*?Last link flapped (.+)$/m.exec(detail)?.[1];
    expect(flapped).toMatch(/week|d\d\dh/);
    const log = render.renderShowLoggingLogfile(ctx).split('\n');
    const last = log.filter((l) => / Ethernet1\/1[ ,]/.test(l)).at(-1);
    expect(last).toMatch(/%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1\/1 is down \(Link failure\)$/);
    expect(render.renderShowIpRoute(ctx)).not.toContain('Eth1/1,');
    expect(render.renderShowIpInterfaceBrief(ctx)).toMatch(
      /^Eth1\/1 +10\.0\.0\.96 +protocol-down\/link-down\/admin-up$/m,
    );
  });

  it('an up port: logged up as long ago as the route and Last link flapped say', () => {
    const ctx = ctxOf('r2-nx02');
    const age =
      /^10\.0\.0\.96\/31, ubest\/mbest: 1\/0, attached\n {4}\*via 10\.0\.0\.96, Eth1\/1, \[0\/0\], (\S+), direct$/m.exec(
        render.renderShowIpRoute(ctx),
      )?.[1];
    expect(age).toBe('4d22h');
    expect(render.renderShowInterface(ctx)).toContain('  Last link flapped 4d22h\n');
    expect(render.renderShowLoggingLogfile(ctx)).toMatch(
      / %ETHPORT-5-IF_UP: Interface Ethernet1\/1 is up in Layer3$/m,
    );
    expect(render.renderShowIpRoute(ctx)).toMatch(
      /^0\.0\.0\.0\/0, ubest\/mbest: 1\/0\n {4}\*via 10\.0\.0\.97, \[1\/0\], \S+, static$/m,
    );
    expect(render.renderShowIpRouteVrfManagement(ctx)).toMatch(
      /^ {4}\*via \S+, mgmt0, \[0\/0\], \S+, direct$/m,
    );
  });
});

describe('determinism', () => {
  it('renders independently built contexts of the same seed identically', async () => {
    const again = await renderContextFor('lab-100', 'r2-nx02');
    for (const [, renderer] of COMMANDS) expect(renderer(again)).toBe(renderer(ctxOf('r2-nx02')));
  });

  it('moves with the clock: holdtimes count down, ARP ages grow, the clock ticks', async () => {
    const later = await renderContextFor('lab-100', 'r2-nx02', { elapsedSeconds: 125 });
    const before = ctxOf('r2-nx02');
    expect(render.renderShowCdpNeighbors(later)).not.toBe(render.renderShowCdpNeighbors(before));
    expect(render.renderShowIpArp(later)).not.toBe(render.renderShowIpArp(before));
    expect(render.renderShowClock(later)).toBe(
      '09:32:05.000 UTC Thu Jan 15 2026\nTime source is Hardware Calendar',
    );
  });
});

/** A device runtime over a render context, enough for the command table. */
function fakeDevice(ctx: RenderContext): DeviceRuntime {
  return {
    name: ctx.state.name,
    node: {
      name: ctx.state.name,
      platform: 'cisco_nxos',
      model: ctx.state.model,
      credentials: { username: 'admin' },
    },
    state: () => ctx.state,
    config: () => ctx.config,
    renderContext: () => ctx,
  } as unknown as DeviceRuntime;
}

describe('CLI', () => {
  const run = (line: string, mode = 'exec', ctx = ctxOf('r2-nx02')) => {
    const session: SessionState = { mode, user: 'admin', terminal: { length: 0, width: 511 } };
    const prompt = ciscoNxosPersonality.prompt(ctx.config.hostname, session, fakeDevice(ctx));
    const step = interpret(line, session, fakeDevice(ctx), ciscoNxosPersonality, prompt.length);
    return { ...step!.result, prompt };
  };

  it('prompts with a trailing space in exec and configuration modes', () => {
    const p = (mode: string) =>
      ciscoNxosPersonality.prompt(
        'sw1',
        { mode, user: 'admin', terminal: { length: 0, width: 511 } },
        fakeDevice(ctxOf('r2-nx02')),
      );
    expect(p('exec')).toBe('sw1# ');
    expect(p('config')).toBe('sw1(config)# ');
    expect(p('config-if')).toBe('sw1(config-if)# ');
  });

  it('enters configuration with the one-space banner and leaves with end or exit', () => {
    expect(run('configure terminal')).toMatchObject({
      mode: 'config',
      output: 'Enter configuration commands, one per line. End with CNTL/Z.',
    });
    expect(run('conf t').mode).toBe('config');
    expect(run('end', 'config').mode).toBe('exec');
    expect(run('exit', 'config').mode).toBe('exec');
    expect(run('exit', 'config-if').mode).toBe('config');
  });

  it('acknowledges terminal length and width with nothing', () => {
    expect(run('terminal length 0')).toEqual({ terminal: { length: 0 }, prompt: 'r2-nx02# ' });
    expect(run('terminal width 511')).toEqual({ terminal: { width: 511 }, prompt: 'r2-nx02# ' });
  });

  it('puts the caret under the failing word, with no blank line after', () => {
    const { output, prompt } = run('show foo');
    expect(output).toBe(`${' '.repeat(prompt.length + 5)}^\n% Invalid command at '^' marker.`);
  });

  it('puts the caret after the typed text of an incomplete command', () => {
    const { output, prompt } = run('show cdp');
    expect(output).toBe(`${' '.repeat(prompt.length + 8)}^\n% Incomplete command at '^' marker.`);
  });

  it('reports ambiguity in NX-OS words', () => {
    // The caret sits under the ambiguous word: prompt "r2-nx02# " (9) + "show " (5).
    expect(run('show c').output).toBe(`${' '.repeat(14)}^\n% Ambiguous command at '^' marker.`);
  });

  it('accepts abbreviations, pipes and show commands in configuration mode', () => {
    expect(run('sh ver | include Device name').output).toBe('  Device name: r2-nx02');
    expect(run('show version | include Device', 'config').output).toBe('  Device name: r2-nx02');
    expect(run('do show clock', 'config').output).toContain('09:30:00.000 UTC');
  });

  it('prints the structured model after | json (one line), | json-pretty (four spaces) and | xml', () => {
    const body = structuredBody('show version', ctxOf('r2-nx02'))!;
    const line = run('show version | json').output!;
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(body);
    const pretty = run('sh ver | json-pretty').output!;
    expect(pretty).toBe(JSON.stringify(body, null, 4));
    expect(run('show version | json-pretty', 'config').output).toBe(pretty);
    const xml = run('show inventory | xml').output!;
    expect(xml.split('\n').slice(0, 5)).toEqual([
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
      '<nf:rpc-reply xmlns:nf="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns="http://www.cisco.com/nxos:1.0">',
      ' <nf:data>',
      '  <show>',
      '   <inventory>',
    ]);
    expect(xml).toContain('<productid>N9K-C93180YC-EX</productid>');
    expect(xml.endsWith('</nf:rpc-reply>\n]]>]]>')).toBe(true);
  });

  it('every command with a structured model answers the json pipes with that model', () => {
    for (const command of STRUCTURED_COMMANDS) {
      const out = run(`${command} | json`).output!;
      const body = structuredBody(command, ctxOf('r2-nx02'))!;
      expect(out === '' ? {} : JSON.parse(out)).toEqual(body);
    }
  });

  it('a command without a structured model refuses | json with the caret under the pipe word', () => {
    const { output, prompt } = run('show running-config | json');
    expect(output).toBe(
      `${' '.repeat(prompt.length + 'show running-config | '.length)}^\n% Invalid command at '^' marker.`,
    );
    expect(run('dir | json-pretty').output).toContain("% Invalid command at '^' marker.");
  });

  it('a refusal stands in any format: CDP off, LLDP without the feature', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-nx02');
    const off = { ...ctx, state: { ...ctx.state, protocols: { cdp: false, lldp: false } } };
    expect(run('show cdp neighbors detail | json-pretty', 'exec', off).output).toBe('% CDP is not enabled');
    expect(run('show lldp neighbors | json', 'exec', off).output).toContain(
      "% Invalid command at '^' marker.",
    );
  });

  it('what Ansible nxos_facts and cliconf parse from the text answers', () => {
    const inventory = run('show inventory').output!;
    expect(/NAME: "Chassis",\s*DESCR:.*\nPID:\s*(\S+)/.exec(inventory)?.[1]).toBe('N9K-C93180YC-EX');
    expect(/License hostid: VDH=(.+)$/m.exec(run('show license host-id').output!)?.[1]).toBe(
      ctxOf('r2-nx02').state.serial,
    );
    expect(run('dir').output!.match(/^Usage for (\S+)\/\//gm)).toEqual(['Usage for bootflash://']);
    expect(run('show hostname').output!.trim()).toBe('r2-nx02');
    const text = run('show interface').output!;
    expect(text).toMatch(/^Ethernet1\/1 is up\nadmin state is up, Dedicated Interface\n/m);
    expect(text).toMatch(/^ {2}Hardware: 1000\/10000 Ethernet, address: [0-9a-f.]+ \(bia [0-9a-f.]+\)$/m);
    expect(text).toMatch(/^ {2}full-duplex, 10 Gb\/s, media type is 10G$/m);
  });

  it('has no show lldp commands without feature lldp', async () => {
    const ctx = await renderContextFor('lab-100', 'r2-nx02');
    const off = { ...ctx, state: { ...ctx.state, protocols: { cdp: true, lldp: false } } };
    const { output, prompt } = run('show lldp neighbors detail', 'exec', off);
    expect(output).toBe(`${' '.repeat(prompt.length + 6)}^\n% Invalid command at '^' marker.`);
  });
});
