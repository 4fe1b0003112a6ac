import { describe, expect, it } from 'vitest';
import { parseCommand, nextTokens, labelOf } from '../../simulator/engine/parser.js';
import { ciscoIosPersonality } from '../../simulator/personalities/cisco-ios/personality.js';

const specs = ciscoIosPersonality.commands;

describe('IOS command parsing', () => {
  it.each([
    ['show clock', 'enable', 'show clock'],
    ['sh clo', 'enable', 'show clock'],
    ['SHOW CLOCK', 'user', 'show clock'],
    ['conf t', 'enable', 'configure terminal'],
    ['term len 0', 'user', 'terminal length 0'],
    ['terminal width 511', 'enable', 'terminal width 511'],
    ['en', 'user', 'enable'],
    ['int Gi2', 'config', 'interface <interface>'],
    ['interface GigabitEthernet 1/0/1', 'config', 'interface <interface>'],
    ['desc to R2 Gi2', 'config-if', 'description <text>'],
    ['no shut', 'config-if', 'no shutdown'],
    ['do sh clock', 'config', 'do <command>'],
  ])('%s in %s mode → %s', (line, mode, canonical) => {
    const result = parseCommand(line, mode, specs);
    expect(result).toMatchObject({ kind: 'ok', canonical });
  });

  it.each([
    // column = where matching stopped, counted in the typed line
    ['show foo', 'enable', 5],
    ['shox clock', 'enable', 3],
    ['show clock extra', 'enable', 11],
    ['configure terminal', 'user', 0], // privileged only
    ['terminal length 999', 'enable', 16],
    ['show running-config', 'user', 5],
  ])('%s in %s mode is invalid at column %d', (line, mode, column) => {
    expect(parseCommand(line, mode, specs)).toEqual({ kind: 'invalid', column });
  });

  it('reports incomplete and ambiguous input', () => {
    expect(parseCommand('show', 'enable', specs)).toEqual({ kind: 'incomplete' });
    expect(parseCommand('terminal length', 'enable', specs)).toEqual({ kind: 'incomplete' });
    expect(parseCommand('logging', 'config', specs)).toEqual({ kind: 'incomplete' });
    expect(parseCommand('e', 'user', specs)).toEqual({ kind: 'ambiguous', token: 'e', column: 0 });
    expect(parseCommand('   ', 'user', specs)).toEqual({ kind: 'empty' });
  });

  it('captures parameters and their columns', () => {
    const result = parseCommand('terminal length 0', 'user', specs);
    expect(result).toMatchObject({ kind: 'ok', args: { length: '0' }, columns: { length: 16 } });
  });

  it('lists what may follow for ? help', () => {
    expect(nextTokens('terminal ', 'user', specs).map(labelOf)).toEqual(['length', 'width']);
    expect(nextTokens('con', 'enable', specs).map(labelOf)).toEqual(['configure']);
  });
});
