/**
 * Commands only some models have (IOS Catalyst-only VLAN and MAC tables, Junos EX/QFX switching,
 * NX-OS `show lldp` without the feature): a device without one does not know its words, so the
 * caret of an abbreviated line, of `do` and `run`, and of the APIs that wrap the CLI sits where the
 * device's own tree stops matching, and `?` and Tab never offer the command.
 */
import { describe, expect, it } from 'vitest';
import { commandsOf } from '../../simulator/engine/commands-of.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';
import * as ios from '../../simulator/personalities/cisco-ios/render/index.js';
import { ciscoNxosPersonality } from '../../simulator/personalities/cisco-nxos/personality.js';
import * as nxos from '../../simulator/personalities/cisco-nxos/render/index.js';
import { juniperJunosPersonality } from '../../simulator/personalities/juniper-junos/personality.js';
import * as junos from '../../simulator/personalities/juniper-junos/render/index.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { deviceRuntimeFor } from '../device.js';
import { openTerminal } from '../terminal.js';

const spaces = (n: number) => ' '.repeat(n);
const iosInvalid = (column: number) => `${spaces(column)}^\r\n% Invalid input detected at '^' marker.\r\n`;
const junosSyntax = (column: number) => `${spaces(column)}^\r\nsyntax error, expecting <command>.\r\n`;

/** An IOS session in global configuration. */
async function iosConfig(topology: string, name: string) {
  const s = await openTerminal(topology, name, ciscoIosPersonality);
  s.type(`enable\r${s.device.node.credentials.secret}\rconfigure terminal\r`);
  return s;
}

describe('IOS: VLAN and MAC tables exist on Catalyst switches only', () => {
  it('a router refuses the abbreviated line under the first letter no command of its own has', async () => {
    const s = await openTerminal('routers-10', 'R1', ciscoIosPersonality);
    // `v` still begins `version`, `m` begins `memory`: the caret goes under the next letter.
    expect(s.type('sh vl br\r')).toBe(`sh vl br\r\n${iosInvalid('R1>sh v'.length)}\r\nR1>`);
    expect(s.type('sh mac add\r')).toBe(`sh mac add\r\n${iosInvalid('R1>sh m'.length)}\r\nR1>`);
    expect(s.type('show vlan\r')).toBe(`show vlan\r\n${iosInvalid('R1>show v'.length)}\r\nR1>`);
  });

  it('a router refuses `do` at the same letter, counted from the configuration prompt', async () => {
    const s = await iosConfig('routers-10', 'R1');
    expect(s.type('do sh vl br\r')).toBe(
      `do sh vl br\r\n${iosInvalid('R1(config)#do sh v'.length)}\r\nR1(config)#`,
    );
    expect(s.type('do show mac address-table\r')).toBe(
      `do show mac address-table\r\n${iosInvalid('R1(config)#do show m'.length)}\r\nR1(config)#`,
    );
  });

  it('a router lists neither at `?` nor completes them with Tab', async () => {
    const s = await openTerminal('routers-10', 'R1', ciscoIosPersonality);
    expect(s.type('show v?')).toBe(
      'show v?\r\n  version  System hardware and software status\r\n\r\nR1>show v',
    );
    expect(s.type('\x15show vl\t')).not.toContain('vlan');
    expect(s.type('\x15show ma?')).toBe(
      '\b \b'.repeat('show vl'.length) + 'show ma?\r\n% Unrecognized command\r\n\r\nR1>show ma',
    );
  });

  it('a Catalyst runs them typed short, through `do`, and offers them at `?` and Tab', async () => {
    const s = await iosConfig('lab-100', 'r2-tor1');
    const brief = ios.renderShowVlanBrief(s.device.renderContext());
    expect(s.type('do sh vl br\r')).toBe(
      `do sh vl br\r\n${brief}\r\nr2-tor1(config)#`.replaceAll(/\r?\n/g, '\r\n'),
    );
    expect(s.type('end\rsh mac add\r')).toContain('Mac Address Table');
    expect(s.type('show v?')).toContain('\r\n  vlan     VTP VLAN status\r\n');
    expect(s.type('\x15show vl\t')).toMatch(/an $/);
  });
});

describe('Junos: ethernet-switching and VLANs exist on EX/QFX only', () => {
  const prompt = 'admin@r3-mx17> ';

  it('an MX gives its syntax error under the word it does not know, typed short or in full', async () => {
    const s = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    expect(s.type('sh eth tab\r')).toBe(`sh eth tab\r\n${junosSyntax(`${prompt}sh `.length)}\r\n${prompt}`);
    expect(s.type('show vlans\r')).toBe(
      `show vlans\r\n${junosSyntax(`${prompt}show v`.length)}\r\n${prompt}`,
    );
  });

  it('an MX refuses `run` at the same word, counted from the configuration prompt', async () => {
    const s = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    s.type('configure\r');
    const edit = 'admin@r3-mx17# ';
    expect(s.type('run sh vlans\r')).toBe(
      `run sh vlans\r\n${junosSyntax(`${edit}run sh v`.length)}\r\n[edit]\r\n${edit}`,
    );
    expect(s.type('run show ethernet-switching table\r')).toBe(
      `run show ethernet-switching table\r\n${junosSyntax(`${edit}run show `.length)}\r\n[edit]\r\n${edit}`,
    );
  });

  it('an MX does not offer them at `?`; an EX does, and runs them through `run`', async () => {
    const mx = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    expect(mx.type('show v?')).toBe(
      `show v?\r\n  version  Show software process revision levels\r\n\r\n${prompt}show v`,
    );
    const ex = await openTerminal('lab-100', 'r2-jx14', juniperJunosPersonality);
    expect(ex.type('show v?')).toContain('\r\n  vlans    Show VLAN information\r\n');
    ex.type('\x15configure\r');
    const vlans = junos.renderShowVlans(ex.device.renderContext());
    const text = vlans.replace(/\n+$/, '').replaceAll('\n', '\r\n');
    expect(ex.type('run sh vlans\r')).toBe(`run sh vlans \r\n${text}\r\n\r\n[edit]\r\nadmin@r2-jx14# `);
  });
});

describe('NX-OS: no show lldp without feature lldp', () => {
  it('the CLI, `?` and the APIs that wrap the CLI agree, typed short or in full', async () => {
    const s = await openTerminal('lab-100', 'r2-nx02', ciscoNxosPersonality);
    s.device.state().protocols.lldp = false;
    const invalid = (column: number) => `${spaces(column)}^\r\n% Invalid command at '^' marker.\r\n`;
    expect(s.type('sh lld nei\r')).toBe(`sh lld nei\r\n${invalid('r2-nx02# sh l'.length)}r2-nx02# `);
    expect(s.type('show lldp neighbors detail\r')).toBe(
      `show lldp neighbors detail\r\n${invalid('r2-nx02# show l'.length)}r2-nx02# `,
    );
    expect(s.type('show ll?')).toBe('show ll?\r\n% Unrecognized command\r\n\r\nr2-nx02# show ll');
    const api = runCliLine(s.device, apiSession(s.device, 'admin'), 'sh lld nei det');
    expect(api).toMatchObject({
      failed: true,
      output: `${spaces('sh l'.length)}^\n% Invalid command at '^' marker.`,
    });
  });

  it('with the feature, the same lines answer', async () => {
    const device = await deviceRuntimeFor('lab-100', 'r2-nx02');
    const api = runCliLine(device, apiSession(device, 'admin'), 'sh lld nei det');
    expect(api).toMatchObject({
      failed: false,
      output: nxos.renderShowLldpNeighborsDetail(device.renderContext()),
    });
  });
});

describe('commandsOf', () => {
  it('shares one list between devices of the same model and leaves out only the gated rows', async () => {
    const [r1, r2] = await Promise.all([
      deviceRuntimeFor('routers-10', 'R1'),
      deviceRuntimeFor('routers-10', 'R2'),
    ]);
    const tor = await deviceRuntimeFor('lab-100', 'r2-tor1');
    expect(commandsOf(ciscoIosPersonality, r1)).toBe(commandsOf(ciscoIosPersonality, r2));
    expect(commandsOf(ciscoIosPersonality, tor)).toBe(ciscoIosPersonality.commands);
    const missing = ciscoIosPersonality.commands.filter(
      (c) => !commandsOf(ciscoIosPersonality, r1).includes(c),
    );
    expect(missing.map((c) => c.grammar.map((t) => ('keyword' in t ? t.keyword : '')).join(' '))).toEqual([
      'show mac address-table',
      'show vlan',
      'show vlan brief',
    ]);
  });
});

describe('`do` and `run` answer an incomplete or ambiguous command as the prompt does', () => {
  it("IOS: `do show` is incomplete and `do sh i` ambiguous, in the exec prompt's words", async () => {
    const exec = await openTerminal('routers-10', 'R1', ciscoIosPersonality);
    const error = (typed: string, out: string) => out.slice(typed.length + 2, out.lastIndexOf('\r\n'));
    const s = await iosConfig('routers-10', 'R1');
    expect(error('do show', s.type('do show\r'))).toBe('% Incomplete command.\r\n');
    expect(error('show', exec.type('show\r'))).toBe('% Incomplete command.\r\n');
    const ambiguous = error('do sh i', s.type('do sh i\r'));
    expect(ambiguous).toMatch(/^% Ambiguous command: {2}"/);
    expect(ambiguous).toBe(error('sh i', exec.type('sh i\r')));
  });

  it('Junos: `run show` is incomplete, the caret after the line as at the operational prompt', async () => {
    const s = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    expect(s.type('show\r')).toContain(
      `${spaces('admin@r3-mx17> show'.length + 1)}^\r\nsyntax error, expecting <command>.`,
    );
    s.type('configure\r');
    expect(s.type('run show\r')).toContain(
      `${spaces('admin@r3-mx17# run show'.length + 1)}^\r\nsyntax error, expecting <command>.`,
    );
  });
});

describe('Junos xml-mode netconf (a hidden command)', () => {
  it('hands the channel to NETCONF with what was typed after it, and prints nothing more', async () => {
    const s = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    const hello = '<hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"/>]]>]]>';
    // The echo is the line as the Junos CLI completes it on Enter; nothing follows it, no prompt.
    expect(s.type(`xml-mode netconf need-trailer\n${hello}`)).toMatch(
      /^xml-mode netconf need-trailer ?\r\n$/,
    );
    expect(s.handedOver).toEqual({ protocol: 'netconf', typed: hello });
    expect(s.type('show version\r')).toBe('');
  });

  it('is not listed by ? and answers only when typed in full', async () => {
    const s = await openTerminal('lab-100', 'r3-mx17', juniperJunosPersonality);
    expect(s.type('?')).not.toContain('xml-mode');
    expect(s.type('\x15xml-m netconf\r')).toContain('syntax error');
    expect(s.handedOver).toBeUndefined();
  });
});
