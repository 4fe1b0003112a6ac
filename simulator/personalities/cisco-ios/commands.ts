/** The IOS command table: exec, privileged and configuration commands (show commands in shows.ts). */
import { k, rest, num } from '../../engine/grammar.js';
import type { CommandResult, CommandSpec } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { configurationLines, createDoCommand, enterInterface, rememberLine } from '../config-commands.js';
import { createSessionCommands } from '../session-commands.js';
import { ping } from './ping.js';
import { renderDir } from './render/dir.js';
import { IOS_SESSION_SHOWS } from './session-shows.js';
import { IOS_SHOW_COMMANDS } from './shows.js';

type Spec = CommandSpec<DeviceRuntime>;

export const EXEC = ['user', 'enable'] as const;
export const PRIV = ['enable'] as const;
const CONFIG = ['config'] as const;
const SUBMODES = ['config-if', 'config-line', 'config-router', 'config-vlan'] as const;
const ANY_CONFIG = [...CONFIG, ...SUBMODES];

const ok: CommandResult = {};

const session: Spec[] = [
  ...createSessionCommands({
    modes: EXEC,
    privilege: { user: 'user', enabled: 'enable' },
    exits: ['exit', 'logout'],
    terminalHelp: 'Set terminal line parameters',
    length: { min: 0, max: 512 },
    width: { min: 0, max: 512 },
    configure: {
      modes: PRIV,
      bare: false,
      banner: 'Enter configuration commands, one per line.  End with CNTL/Z.',
    },
  }),
  {
    grammar: [
      k('ping', 'Send echo messages'),
      { param: 'word', name: 'target', help: 'Ping destination address or hostname' },
    ],
    modes: EXEC,
    run: ({ device, args }) => ping(device, args.target!),
  },
  {
    grammar: [k('dir', 'List files on a filesystem')],
    modes: PRIV,
    run: ({ device }) => ({ output: renderDir(device.renderContext()) }),
  },
  {
    grammar: [
      k('dir', 'List files on a filesystem'),
      { param: 'word', name: 'filesystem', help: 'Directory or file name' },
    ],
    modes: PRIV,
    run: ({ device, args }) => {
      const fs = args.filesystem!.toLowerCase().replace(/\/$/, '');
      if (fs !== 'flash:' && fs !== 'bootflash:') return { rejectArg: 'filesystem' };
      return { output: renderDir(device.renderContext(), fs) };
    },
  },
  {
    grammar: [
      k('write', 'Write running configuration to memory, network, or terminal'),
      k('memory', 'Write to NV memory'),
    ],
    modes: PRIV,
    run: () => ({ output: 'Building configuration...\n[OK]' }),
  },
];

/** Global configuration lines the box accepts and keeps in its running-config. */
const GLOBAL_KEYWORDS: Array<[string, string]> = [
  ['aaa', 'Authentication, Authorization and Accounting.'],
  ['cdp', 'Global CDP configuration subcommands'],
  ['ip', 'Global IP configuration subcommands'],
  ['lldp', 'Global LLDP configuration subcommands'],
  ['logging', 'Modify message logging facilities'],
  ['ntp', 'Configure NTP'],
  ['service', 'Modify use of network based services'],
  ['snmp-server', 'Modify SNMP engine parameters'],
  ['spanning-tree', 'Spanning Tree Subsystem'],
  ['username', 'Establish User Name Authentication'],
  ['vtp', 'Configure global VTP state'],
];

const configuration: Spec[] = [
  { grammar: [k('end', 'Exit from configure mode')], modes: ANY_CONFIG, run: () => ({ mode: 'enable' }) },
  { grammar: [k('exit', 'Exit from configure mode')], modes: CONFIG, run: () => ({ mode: 'enable' }) },
  { grammar: [k('exit', 'Exit from this submode')], modes: SUBMODES, run: () => ({ mode: 'config' }) },
  {
    grammar: [
      k('hostname', "Set system's network name"),
      { param: 'word', name: 'name', help: "This system's network name" },
    ],
    modes: CONFIG,
    run: ({ device, args }) => {
      device.config().hostname = args.name!;
      return ok;
    },
  },
  {
    grammar: [k('interface', 'Select an interface to configure'), rest('interface', 'Interface name')],
    modes: [...CONFIG, 'config-if'],
    run: ({ device, args }) => enterInterface(device, args.interface!),
  },
  {
    grammar: [k('line', 'Configure a terminal line'), rest('lines', 'Line type and numbers')],
    modes: CONFIG,
    run: () => ({ mode: 'config-line' }),
  },
  {
    grammar: [k('router', 'Enable a routing process'), rest('process', 'Routing protocol and process')],
    modes: CONFIG,
    run: ({ device, canonical, args }) => ({
      ...rememberLine(device, `${canonical.split(' ')[0]} ${args.process}`),
      mode: 'config-router',
    }),
  },
  {
    grammar: [k('vlan', 'VLAN commands'), num('vlan', 'ISL VLAN IDs 1-4094', 1, 4094)],
    modes: CONFIG,
    run: ({ device, args }) => ({ ...rememberLine(device, `vlan ${args.vlan}`), mode: 'config-vlan' }),
  },
  ...configurationLines(
    GLOBAL_KEYWORDS,
    [
      'ip',
      'switchport',
      'speed',
      'duplex',
      'mtu',
      'cdp',
      'lldp',
      'channel-group',
      'spanning-tree',
      'negotiation',
    ],
    {
      no: 'Negate a command or set its defaults',
      description: 'Interface specific description',
      descriptionText: 'Up to 240 characters describing this interface',
      shutdown: 'Shutdown the selected interface',
    },
  ),
  {
    grammar: [rest('settings', 'Settings of this submode')],
    modes: ['config-line', 'config-router', 'config-vlan'],
    run: () => ok,
  },
];

const doCommand = createDoCommand('enable', ANY_CONFIG);

export const IOS_COMMANDS: Spec[] = [
  ...session,
  ...IOS_SHOW_COMMANDS,
  ...IOS_SESSION_SHOWS,
  ...configuration,
  doCommand,
];
