import { describe, expect, it } from 'vitest';
import { EOS_SHOWS } from '../../simulator/personalities/arista-eos/shows.js';
import { IOS_SHOWS } from '../../simulator/personalities/cisco-ios/shows.js';
import { NXOS_SHOWS } from '../../simulator/personalities/cisco-nxos/shows.js';
import { JUNOS_SHOWS } from '../../simulator/personalities/juniper-junos/shows.js';
import type { ShowCommand } from '../../simulator/personalities/show-table.js';
import { EOS_JSON_MODELS } from '../../simulator/personalities/arista-eos/json/index.js';
import { RPCS } from '../../simulator/personalities/juniper-junos/rpc/catalogue.js';
import { STRUCTURED_COMMANDS } from '../../simulator/personalities/cisco-nxos/structured/index.js';

const commandsOf = (table: readonly ShowCommand[]) => table.map((row) => row.command);

describe('the show tables', () => {
  it.each([
    ['cisco_ios', IOS_SHOWS],
    ['cisco_nxos', NXOS_SHOWS],
    ['arista_eos', EOS_SHOWS],
    ['juniper_junos', JUNOS_SHOWS],
  ] as const)('%s lists each command once', (_platform, table) => {
    expect(new Set(commandsOf(table)).size).toBe(table.length);
  });

  it('the APIs that wrap the CLI answer only commands of their platform table', () => {
    // `show interfaces <interface>` takes a parameter, so it is a spec beside the table.
    const fixed = Object.keys(EOS_JSON_MODELS).filter((command) => !command.includes('<'));
    expect(commandsOf(EOS_SHOWS)).toEqual(expect.arrayContaining(fixed));
    expect(commandsOf(NXOS_SHOWS)).toEqual(expect.arrayContaining([...STRUCTURED_COMMANDS]));
    const flags = [new Map(), new Map([['no-resolve', undefined]])];
    const rpcCommands = Object.values(RPCS).flatMap((rpc) => flags.map((args) => rpc.command(args)));
    expect(commandsOf(JUNOS_SHOWS)).toEqual(expect.arrayContaining(rpcCommands));
  });
});
