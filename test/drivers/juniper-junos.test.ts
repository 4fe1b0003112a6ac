import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  juniperJunosDriver,
  parseJunosArp,
  parseJunosLldpDetail,
  parseJunosLldpNeighbors,
  parseJunosMemory,
  parseJunosVersion,
} from '../../client/drivers/juniper-junos.js';
import { junosPrompt } from '../../simulator/personalities/juniper-junos/personality.js';
import type { RenderContext } from '../../simulator/device/render-context.js';
import { renderContextFor } from '../device.js';
import { renderMacColons } from '../../simulator/state/mac.js';
import { TEST_DIR } from '../helpers.js';

const DEVICES = ['r2-jx14', 'r3-mx17'] as const;
const contexts = new Map<string, RenderContext>();
const golden = (device: string, command: string) =>
  readFileSync(join(TEST_DIR, 'golden', 'juniper-junos', `lab-100-${device}-${command}.txt`), 'utf8');

beforeAll(async () => {
  for (const device of DEVICES) contexts.set(device, await renderContextFor('lab-100', device));
});

describe.each(DEVICES)('%s goldens parse back into the state', (device) => {
  const ctx = () => contexts.get(device)!;
  const lldp = () =>
    ctx()
      .state.neighbors.filter((n) => n.protocol === 'lldp')
      .map((n) => ({
        protocol: 'lldp',
        localInterface: n.localInterface,
        remoteDevice: n.deviceId,
        remoteInterface: n.remoteInterface,
      }));

  it('show lldp neighbors detail', () => {
    const parsed = parseJunosLldpDetail(golden(device, 'show-lldp-neighbors-detail'));
    expect(
      parsed.map(({ protocol, localInterface, remoteDevice, remoteInterface }) => ({
        protocol,
        localInterface,
        remoteDevice,
        remoteInterface,
      })),
    ).toEqual(lldp());
    expect(parsed.map((n) => n.mgmtAddress)).toEqual(
      ctx()
        .state.neighbors.filter((n) => n.protocol === 'lldp')
        .map((n) => n.mgmtAddress),
    );
  });

  it('show lldp neighbors', () => {
    expect(parseJunosLldpNeighbors(golden(device, 'show-lldp-neighbors'))).toEqual(lldp());
  });

  it('show arp no-resolve', () => {
    const learnt = ctx().state.arp.filter((e) => e.mac !== undefined && e.ageMinutes !== undefined);
    expect(parseJunosArp(golden(device, 'show-arp-no-resolve'))).toEqual(
      learnt.map((e) => ({
        mac: renderMacColons(e.mac!),
        address: e.address,
        interface: `${e.interface}.0`,
      })),
    );
  });

  it('show version', () => {
    expect(parseJunosVersion(golden(device, 'show-version'))).toEqual({
      hostname: device,
      model: device === 'r2-jx14' ? 'ex4300-48t' : 'mx204',
      version: ctx().state.version,
    });
  });

  it('show system memory', () => {
    const facts = parseJunosMemory(golden(device, 'show-system-memory'));
    expect(facts.totalBytes).toBe(ctx().memory.totalBytes);
    expect(facts.usedBytes).toBe(Math.round(ctx().memory.usedBytes / 1024) * 1024);
    expect(facts.freeBytes! + facts.usedBytes!).toBe(facts.totalBytes);
  });
});

describe('parsers on real captures', () => {
  it('reads the reference show lldp neighbors, including a parent interface', () => {
    const text = [
      'Local Interface    Parent Interface    Chassis Id          Port info          System Name',
      'ge-0/0/1           -                   2c:6b:f5:a1:c2:c0   ge-0/0/1           vmx2',
      'xe-0/1/1           ae7                 00:1c:73:ee:c0:46   Ethernet3/29/1     core01.sjc01',
      '',
      '{master:0}',
    ].join('\n');
    expect(parseJunosLldpNeighbors(text)).toEqual([
      { protocol: 'lldp', localInterface: 'ge-0/0/1', remoteDevice: 'vmx2', remoteInterface: 'ge-0/0/1' },
      {
        protocol: 'lldp',
        localInterface: 'xe-0/1/1',
        remoteDevice: 'core01.sjc01',
        remoteInterface: 'Ethernet3/29/1',
      },
    ]);
  });

  it('reads the reference show arp no-resolve', () => {
    const text = [
      'MAC Address       Address         Interface     Flags',
      '00:00:00:00:00:04 10.1.100.130    vlan.20        none',
      '00:00:00:00:00:05 10.1.100.132    vlan.20        none',
      'Total entries: 2',
      '',
      '{master:0}',
    ].join('\n');
    expect(parseJunosArp(text)).toEqual([
      { mac: '00:00:00:00:00:04', address: '10.1.100.130', interface: 'vlan.20' },
      { mac: '00:00:00:00:00:05', address: '10.1.100.132', interface: 'vlan.20' },
    ]);
  });

  it('reads an old EX show version (JUNOS EX Software Suite)', () => {
    const text =
      'fpc0:\n' +
      '-'.repeat(74) +
      '\nHostname: lab\nModel: ex4550-32f\nJUNOS EX  Software Suite [13.2X51-D35.3]\n';
    expect(parseJunosVersion(text)).toEqual({
      hostname: 'lab',
      model: 'ex4550-32f',
      version: '13.2X51-D35.3',
    });
  });
});

describe('driver', () => {
  const mx = { node: { platform: 'juniper_junos', model: 'MX204' } } as unknown as DeviceRuntime;
  const session = (mode: string, target?: string) => ({
    mode,
    user: 'admin',
    terminal: { length: 0, width: 511 },
    ...(target === undefined ? {} : { target }),
  });

  it.each([
    ['admin@r3-mx17> ', junosPrompt('r3-mx17', session('operational'), mx)],
    ['[edit]\nadmin@r3-mx17# ', junosPrompt('r3-mx17', session('configuration', ''), mx)],
    [
      '[edit interfaces]\nadmin@r3-mx17# ',
      junosPrompt('r3-mx17', session('configuration', 'interfaces'), mx),
    ],
    ['{master:0}\nadmin@sw1.lab> ', '{master:0}\nadmin@sw1.lab> '],
  ])('recognises the prompt %j', (expected, prompt) => {
    expect(prompt).toBe(expected);
    expect(juniperJunosDriver.prompt.test(`Total entries: 2\n\n${prompt}`)).toBe(true);
  });

  it('does not take output for a prompt', () => {
    expect(juniperJunosDriver.prompt.test('Hostname: r3-mx17\n')).toBe(false);
    expect(juniperJunosDriver.prompt.test('System name        : r3-mx17\n')).toBe(false);
  });

  it('recognises Junos errors', () => {
    const errors = [
      '        ^\nunknown command.',
      '     ^\nsyntax error, expecting <command>.',
      '  ^\nsyntax error.',
    ];
    for (const e of errors) expect(juniperJunosDriver.errorMarkers.some((m) => m.test(e))).toBe(true);
    expect(juniperJunosDriver.errorMarkers.some((m) => m.test(golden('r3-mx17', 'show-version')))).toBe(
      false,
    );
  });

  it('turns paging off on open and collects LLDP in detail', () => {
    expect(juniperJunosDriver.onOpen).toEqual(['set cli screen-length 0']);
    expect(juniperJunosDriver.neighbors.map((n) => n.command)).toEqual(['show lldp neighbors detail']);
  });
});
