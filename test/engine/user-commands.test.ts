/**
 * User-defined commands in a terminal session: they answer their words (abbreviated like
 * built-ins), win over a built-in of the same words, take pipes, keep to their modes, reach
 * `do`, fail one command at a time, and print the same bytes for the same topology and seed.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personalityFor } from '../../simulator/personalities/index.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { FIXTURES } from '../helpers.js';
import { openTerminal } from '../terminal.js';

const LAB = join(FIXTURES, 'user-commands', 'lab.yaml');
const withUserCommands = (device: DeviceRuntime) => personalityFor(device)!;
const open = (name: string) => openTerminal(LAB, name, withUserCommands, { lf: true });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('user-defined commands (IOS)', () => {
  it('answers a template, abbreviated like a built-in, with the device state', async () => {
    const s = await open('r1');
    const out = s.type('sh plat\r');
    expect(out).toMatch(
      /^sh plat\nChassis type: CSR1000V\nSerial: \S+ {3}Uptime: \d+ weeks?, .*minutes?\nr1>$/,
    );
    expect(s.type('show labfleet facts\r')).toMatch(
      /^show labfleet facts\nr1 CSR1000V \S+ \S+ cisco_ios\nr1>$/,
    );
  });

  it('prints static text as is and a node template over interfaces, filtered by a pipe', async () => {
    const s = await open('r1');
    expect(s.type('show ip bgp summary\r')).toBe(
      'show ip bgp summary\nBGP router identifier 10.0.0.1, local AS number 65001\nr1>',
    );
    const ports = s.type('show ports | include up\r').split('\n');
    expect(ports.slice(1, -1)).toEqual([
      'GigabitEthernet1       up     ',
      'GigabitEthernet2       up     to r2 GigabitEthernet2',
      'GigabitEthernet3       up     to sw1 Ethernet1/1',
    ]);
    expect(s.type('show ports | count down\r')).toContain('Number of lines which match regexp = 13');
  });

  it('reads labels, neighbours, and configuration made in the session', async () => {
    const s = await open('r1');
    expect(s.type('show role\r')).toBe('show role\nrole=edge site=unknown\nr1>');
    expect(s.type('show neighbours | include sw1\r')).toContain(
      'cdp GigabitEthernet3 -> sw1 Ethernet1/1\nlldp GigabitEthernet3 -> sw1 Ethernet1/1\n',
    );
    s.type('enable\radmin\rconf t\rhostname EDGE\rinterface Gi2\rdescription core\rshutdown\rend\r');
    expect(s.type('show ports | include Gi.*2 \r')).toContain(
      'GigabitEthernet2       administratively down core',
    );
    expect(s.type('show labfleet facts\r')).toMatch(/\nEDGE CSR1000V /);
  });

  it('wins over a built-in of the same words, only in its modes', async () => {
    const s = await open('r1');
    expect(s.type('show version\r')).toContain('Cisco IOS XE Software'); // user mode: the built-in
    s.type('enable\radmin\r');
    expect(s.type('sh ver\r')).toBe('sh ver\noverridden version\nr1#');
    // a longer built-in under the same first words still answers
    expect(s.type('show platform software status control-processor brief\r')).toContain('Load Average');
  });

  it('keeps to its modes: config-only commands answer in configuration, not in exec', async () => {
    const s = await open('r1');
    expect(s.type('show config-only\r')).toContain("% Invalid input detected at '^' marker.");
    s.type('enable\radmin\rconfigure terminal\r');
    expect(s.type('show config-only\r')).toBe('show config-only\nonly in config\nr1(config)#');
    expect(s.type('do show ip bgp summary\r')).toContain('BGP router identifier 10.0.0.1');
  });

  it('is removed on a node by null, and lists in ? help with the box own words', async () => {
    const r1 = await open('r1');
    expect(r1.type('show inventory raw\r')).toContain('% Invalid input');
    const r2 = await open('r2');
    expect(r2.type('show inventory raw\r')).toBe('show inventory raw\nstatic for everyone\nr2>');
    const help = r1.type('show ?');
    expect(help).toMatch(/^ {2}platform +Show platform information$/m);
    expect(help).toMatch(/^ {2}ports +User-defined command$/m);
  });

  it('answers a failing render with the platform error, warns once, and the session goes on', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const s = await open('r1');
    expect(s.type('show big\r')).toBe("show big\n   ^\n% Invalid input detected at '^' marker.\n\nr1>");
    s.type('show big\r');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /r1: nodes\.r1\.commands\["show big"\] failed: output passed/,
    );
    expect(s.type('show role\r')).toContain('role=edge');
  });

  it('prints the same bytes for the same topology and seed', async () => {
    const script = 'show platform\rshow ports\rshow neighbours\rshow labfleet facts\r';
    expect((await open('r1')).type(script)).toBe((await open('r1')).type(script));
  });
});

describe('user-defined commands on the other platforms', () => {
  it('NX-OS: in its exec mode, with a template and a pipe', async () => {
    const s = await open('sw1');
    expect(s.type('sh foo\r')).toBe('sh foo\nsw1 has mgmt0 first\nsw1# ');
    expect(s.type('show foo | include nothing\r')).toBe('show foo | include nothing\nsw1# ');
  });

  it('EOS: the kind-level command in user and privileged mode', async () => {
    const s = await open('eos1');
    expect(s.type('show platform\r')).toBe('show platform\nEOS chassis DCS-7050SX3-48YC8\neos1>');
    s.type('enable\radmin\r');
    expect(s.type('show platform | include EOS\r')).toContain('EOS chassis DCS-7050SX3-48YC8');
  });

  it('Junos: a user command overrides the built-in, with | match', async () => {
    const s = await open('vmx1');
    const out = s.type('show chassis hardware | match Chassis\r');
    expect(out).toMatch(/\nChassis \S+ EX4300-48T\n/);
  });
});
