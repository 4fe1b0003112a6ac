/** IOS `show privilege` and the interface tables Ansible's ios_facts reads, through the CLI engine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExecCommand } from '../../simulator/engine/exec-command.js';
import { interpret } from '../../simulator/engine/interpret.js';
import type { SessionState } from '../../simulator/engine/types.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';
import * as render from '../../simulator/personalities/cisco-ios/render/index.js';
import { deviceRuntimeFor, renderContextFor } from '../device.js';
import { openTerminal } from '../terminal.js';
import { FIXTURES } from '../helpers.js';

const DRIFT_TOPOLOGY = join(FIXTURES, 'drift', 'lab.yaml');
const DRIFT = readFileSync(join(FIXTURES, 'drift', 'lab-drift.yaml'), 'utf8');

/** Runs one line in `mode` the way a session does and returns what the device printed. */
function run(device: DeviceRuntime, line: string, mode = 'enable'): string {
  const session: SessionState = { mode, user: 'admin', terminal: { length: 0, width: 511 } };
  return interpret(line, session, device, ciscoIosPersonality, 5)?.result.output ?? '';
}

function execOver(device: DeviceRuntime, line: string): Promise<string> {
  return new Promise((resolve) =>
    runExecCommand(
      {
        device,
        personality: ciscoIosPersonality,
        hostname: () => device.config().hostname,
        secret: 'admin',
        latency: () => 0,
        timers: device.timers,
      },
      line,
      'admin',
      resolve,
    ),
  );
}

/** ios_facts' block split: a line starting in column 0 opens a block keyed by its first word. */
function blockKeys(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.length > 0 && l[0] !== ' ')
    .map((l) => l.split(' ')[0]!);
}

describe('show privilege', () => {
  it('says 1 at > and 15 once enabled, as the last line Ansible reads', async () => {
    const s = await openTerminal('routers-10', 'R1', ciscoIosPersonality, { lf: true });
    expect(s.type('show privilege\r')).toBe('show privilege\nCurrent privilege level is 1\nR1>');
    s.type('enable\radmin\r');
    expect(s.type('show privilege\r')).toBe('show privilege\nCurrent privilege level is 15\nR1#');
    s.type('configure terminal\r');
    expect(s.type('do show privilege\r')).toBe(
      'do show privilege\nCurrent privilege level is 15\nR1(config)#',
    );
  });

  it('answers over an exec channel at the level the exec channel runs commands (privileged)', async () => {
    const device = await deviceRuntimeFor('routers-10', 'R1');
    expect(await execOver(device, 'show privilege')).toBe('Current privilege level is 15\r\n');
    expect(await execOver(device, 'show running-config | include ^hostname')).toBe('hostname R1\r\n');
  });
});

describe('show interfaces', () => {
  let tor: RenderContext;
  beforeAll(async () => {
    tor = await renderContextFor('lab-100', 'r2-tor1');
  });

  it('keys show ip interface by the very names show interfaces has (ios_facts indexes one by the other)', async () => {
    for (const [topology, name] of [
      ['lab-100', 'r2-tor1'],
      ['lab-100', 'r1-rt09'],
      ['routers-10', 'R1'],
    ] as const) {
      const ctx = await renderContextFor(topology, name);
      const all = blockKeys(render.renderShowInterfaces(ctx));
      expect(blockKeys(render.renderShowIpInterface(ctx))).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(render.renderShowIpv6Interface()).toBe('');
  });

  it('gives every ios_facts field of a port from device state', () => {
    const block = render.renderShowInterfacesNamed(tor, 'GigabitEthernet1/0/1');
    const iface = tor.state.interfaces.find((i) => i.name === 'GigabitEthernet1/0/1')!;
    expect(block).toMatch(/^GigabitEthernet1\/0\/1 is up, line protocol is up \(connected\)\n/);
    expect(/Hardware is (?:.*), address is (\S+)/.exec(block)?.[1]).toBe(
      iface.mac
        .toString(16)
        .padStart(12, '0')
        .replace(/^(.{4})(.{4})(.{4})$/, '$1.$2.$3'),
    );
    expect(/Description: (.+)$/m.exec(block)?.[1]).toBe('to r2-sw01 GigabitEthernet1/0/1');
    expect(/MTU (\d+)/.exec(block)?.[1]).toBe('1500');
    expect(/BW (\d+)/.exec(block)?.[1]).toBe('1000000');
    expect(/Hardware is (.+),/m.exec(block)?.[1]).toBe('Gigabit Ethernet');
    expect(/media type is (.+)$/m.exec(block)?.[1]).toBe('10/100/1000BaseTX');
    expect(/Internet address is (\S+)/.exec(block)?.[1]).toBe(`${iface.address!.ip}/31`);
  });

  it('routers print Full Duplex (what ios_facts reads as duplex)', async () => {
    const ctx = await renderContextFor('routers-10', 'R1');
    const block = render.renderShowInterfacesNamed(ctx, 'GigabitEthernet2');
    expect(/(\w+) Duplex/.exec(block)?.[1]).toBe('Full');
    expect(block).toMatch(/^GigabitEthernet2 is up, line protocol is up\n {2}Hardware is CSR vNIC, /);
  });

  it('follows shutdown and descriptions set in configuration mode', () => {
    const interfaces = new Map([['GigabitEthernet1/0/1', { shutdown: true, description: 'spare' }]]);
    const ctx = { ...tor, config: { ...tor.config, interfaces } };
    const block = render.renderShowInterfacesNamed(ctx, 'GigabitEthernet1/0/1');
    expect(block).toMatch(
      /^GigabitEthernet1\/0\/1 is administratively down, line protocol is down \(disabled\)\n/,
    );
    expect(block).toContain('\n  Description: spare\n');
    expect(block).toContain('\n  Last input never, output never, output hang never\n');
    expect(render.renderShowInterfacesDescription(ctx)).toContain(
      '\nGi1/0/1                        admin down     down     spare\n',
    );
  });

  it('shows an unplugged port down with no traffic', async () => {
    const r2 = await renderContextFor(DRIFT_TOPOLOGY, 'R2', { drift: DRIFT });
    const block = render.renderShowInterfacesNamed(r2, 'GigabitEthernet3');
    expect(block).toMatch(/^GigabitEthernet3 is down, line protocol is down\n/);
    expect(block).toContain('\n     0 packets input, 0 bytes, 0 no buffer\n');
  });

  it('counts traffic up as the clock runs', async () => {
    const later = await renderContextFor('lab-100', 'r2-tor1', { elapsedSeconds: 600 });
    const packets = (ctx: RenderContext) =>
      Number(/(\d+) packets input/.exec(render.renderShowInterfacesNamed(ctx, 'GigabitEthernet1/0/1'))![1]);
    expect(packets(later)).toBeGreaterThan(packets(tor));
  });
});

describe('show interfaces <name> through the CLI', () => {
  let device: DeviceRuntime;
  beforeAll(async () => {
    device = await deviceRuntimeFor('lab-100', 'r2-tor1');
  });

  it.each([
    'show interfaces GigabitEthernet1/0/2',
    'show interfaces Gi1/0/2',
    'sh int gi 1/0/2',
    'show interfaces gigabitethernet1/0/2',
  ])('%s', (line) => {
    expect(run(device, line)).toBe(
      render.renderShowInterfacesNamed(device.renderContext(), 'GigabitEthernet1/0/2'),
    );
  });

  it('works at > too, and answers Vlan1 on a Catalyst', () => {
    expect(run(device, 'show interfaces Vlan1', 'user')).toMatch(/^Vlan1 is administratively down, /);
  });

  it('puts the invalid-input caret under a name the box does not have', () => {
    expect(run(device, 'show interfaces Gi9/0/99')).toBe(
      `${' '.repeat(5 + 16)}^\n% Invalid input detected at '^' marker.\n`,
    );
  });

  it('keeps status and description as keywords, not interface names', () => {
    expect(run(device, 'show interfaces status')).toBe(
      render.renderShowInterfacesStatus(device.renderContext()),
    );
    expect(run(device, 'show interfaces description')).toBe(
      render.renderShowInterfacesDescription(device.renderContext()),
    );
  });
});
