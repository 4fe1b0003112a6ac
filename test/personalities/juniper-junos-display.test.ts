import { beforeAll, describe, expect, it } from 'vitest';
import { openTerminal, type TestTerminal } from '../terminal.js';
import { juniperJunosPersonality } from '../../simulator/personalities/juniper-junos/personality.js';
import { parseDisplayFormat } from '../../simulator/personalities/juniper-junos/display.js';
import { RPCS } from '../../simulator/personalities/juniper-junos/rpc/catalogue.js';
import { renderJunosJson } from '../../simulator/personalities/juniper-junos/rpc/tree.js';
import { expectGolden } from '../helpers.js';

/** What a command prints between its echo and the prompt, with LF line ends. */
function body(s: TestTerminal, line: string): string {
  const lines = s.type(`${line}\r`).split('\r\n').slice(1);
  return lines.slice(0, lines.lastIndexOf('')).join('\n');
}

const terminals = new Map<string, TestTerminal>();
const terminal = (device: string) => terminals.get(device)!;

beforeAll(async () => {
  for (const device of ['r2-jx14', 'r3-mx17'])
    terminals.set(
      device,
      await openTerminal('lab-100', device, juniperJunosPersonality, { terminal: { width: 80, length: 0 } }),
    );
});

const GOLDEN: ReadonlyArray<[device: string, command: string]> = [
  ['r2-jx14', 'show version | display xml'],
  ['r3-mx17', 'show version | display xml'],
  ['r3-mx17', 'show version | display json'],
  ['r2-jx14', 'show lldp neighbors | display xml'],
  ['r3-mx17', 'show arp no-resolve | display json'],
  ['r3-mx17', 'show arp no-resolve | display xml rpc'],
  ['r3-mx17', 'show configuration | display set'],
  ['r3-mx17', 'show configuration | display xml'],
  ['r3-mx17', 'show configuration | display json'],
  ['r2-jx14', 'show system uptime | display xml'],
  ['r2-jx14', 'show system uptime | display xml rpc'],
  ['r3-mx17', 'show system uptime | display json'],
  ['r3-mx17', 'show system users | display xml'],
  ['r2-jx14', 'show system users | display json'],
  ['r3-mx17', 'show route | display xml'],
  ['r3-mx17', 'show route | display json'],
  ['r3-mx17', 'show route | display xml rpc'],
  ['r3-mx17', 'show interfaces terse | display xml'],
  ['r3-mx17', 'show interfaces terse | display json'],
  ['r3-mx17', 'show interfaces terse | display xml rpc'],
  ['r2-jx14', 'show interfaces descriptions | display xml'],
  ['r3-mx17', 'show interfaces descriptions | display json'],
  ['r3-mx17', 'show interfaces | display xml'],
  ['r2-jx14', 'show interfaces ge-0/0/0 | display json'],
  ['r3-mx17', 'show interfaces et-0/0/1.0 | display xml rpc'],
  ['r3-mx17', 'show chassis hardware | display xml'],
  ['r2-jx14', 'show chassis hardware | display xml'],
  ['r2-jx14', 'show chassis hardware | display json'],
  ['r3-mx17', 'show lldp neighbors detail | display xml'],
  ['r3-mx17', 'show lldp neighbors detail | display json'],
  ['r3-mx17', 'show log messages | display xml'],
  ['r3-mx17', 'show log messages | display xml rpc'],
  ['r2-jx14', 'show ethernet-switching table | display xml'],
  ['r2-jx14', 'show ethernet-switching table | display json'],
  ['r2-jx14', 'show ethernet-switching table | display xml rpc'],
  ['r2-jx14', 'show vlans | display xml'],
  ['r2-jx14', 'show vlans | display json'],
];

const slugOf = (command: string) => command.replace(/ \| /g, ' ').replaceAll('/', '_').replaceAll(' ', '-');

describe('| display (golden)', () => {
  for (const [device, command] of GOLDEN)
    it(`${device}: ${command}`, () => {
      expectGolden(`juniper-junos/lab-100-${device}-${slugOf(command)}.txt`, body(terminal(device), command));
    });
});

describe('| display', () => {
  it('prints the REST reply model: same elements, the CLI layout', () => {
    const s = terminal('r3-mx17');
    const rest = RPCS['get-software-information']!.build(s.device.renderContext(), new Map());
    const json = body(s, 'show version | display json');
    const model = { ...rest, attributes: rest.attributes?.filter(([name]) => name !== 'xmlns:junos') };
    expect(JSON.parse(json)).toEqual(JSON.parse(renderJunosJson(model)));
    expect(json).not.toMatch(/, $/m);
    const xml = body(s, 'show version | display xml').split('\n');
    expect(xml[0]).toBe('<rpc-reply xmlns:junos="http://xml.juniper.net/junos/22.4R2/junos">');
    expect(xml[1]).toBe('    <software-information>');
    expect(xml.slice(-4)).toEqual(['    <cli>', '        <banner></banner>', '    </cli>', '</rpc-reply>']);
  });

  it('puts the prompt line above in the banner: {master:0}, [edit]', () => {
    expect(body(terminal('r2-jx14'), 'show arp | display xml rpc')).toContain('<banner>{master:0}</banner>');
    const s = terminal('r3-mx17');
    s.type('configure\r');
    expect(body(s, 'run show version | display xml rpc')).toContain(
      '        <get-software-information>\n        </get-software-information>\n',
    );
    expect(body(s, 'run show version | display xml rpc')).toContain('<banner>[edit]</banner>');
    expect(body(s, 'show | display set')).toContain('set system host-name r3-mx17');
    s.type('exit configuration-mode\r');
  });

  it('turns the configuration into set lines that name every address', () => {
    const s = terminal('r3-mx17');
    const set = body(s, 'show configuration | display set').split('\n');
    const addresses = s.device.renderContext().state.interfaces.filter((i) => i.address);
    expect(set[0]).toMatch(/^set version /);
    expect(set.filter((l) => / family inet address /.test(l))).toHaveLength(addresses.length);
    expect(set).toContain('set protocols lldp interface all');
    expect(body(s, 'show configuration | display set | count')).toBe(`Count: ${set.length} lines`);
  });

  it('keeps the configuration JSON valid JSON', () => {
    const parsed = JSON.parse(body(terminal('r3-mx17'), 'show configuration | display json')) as {
      configuration: { interfaces: { interface: Array<{ name: string }> } };
    };
    expect(parsed.configuration.interfaces.interface[0]!.name).toBe('fxp0');
  });

  it.each([
    ['xml', 'xml'],
    ['x', 'xml'],
    ['json', 'json'],
    ['set', 'set'],
    ['xml rpc', 'xml rpc'],
    ['x r', 'xml rpc'],
    ['foo', undefined],
    ['', undefined],
  ])('parses display %j as %s', (typed, format) => expect(parseDisplayFormat(typed)).toBe(format));
});
