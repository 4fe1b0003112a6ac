/** The NX-OS command table: session, configuration and `do` (show commands in shows.ts). */
import { k, rest, num } from '../../engine/grammar.js';
import type { CommandResult, CommandSpec } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { configurationLines, createDoCommand, enterInterface, rememberLine } from '../config-commands.js';
import { createSessionCommands } from '../session-commands.js';
import { NXOS_SHOW_COMMANDS } from './shows.js';

type Spec = CommandSpec<DeviceRuntime>;

const EXEC = ['exec'] as const;
const CONFIG = ['config'] as const;
const SUBMODES = ['config-if', 'config-vlan', 'config-router'] as const;
const ANY_CONFIG = [...CONFIG, ...SUBMODES];

const ok: CommandResult = {};

const CONFIG_BANNER = 'Enter configuration commands, one per line. End with CNTL/Z.';

const COPY_DONE = [
  '[########################################] 100%',
  'Copy complete, now saving to disk (please wait)...',
  'Copy complete.',
].join('\n');

const session: Spec[] = [
  ...createSessionCommands({
    modes: EXEC,
    exits: ['exit'],
    terminalHelp: 'Set terminal line parameters',
    length: { min: 0, max: 511 },
    width: { min: 24, max: 511 },
    configure: { modes: EXEC, bare: true, banner: CONFIG_BANNER },
  }),
  {
    grammar: [
      k('copy', 'Copy from source to destination'),
      k('running-config', 'Copy running configuration to destination'),
      k('startup-config', 'Copy to startup configuration'),
    ],
    modes: EXEC,
    run: () => ({ output: COPY_DONE }),
  },
];

/** Global configuration lines the box accepts and keeps in its running-config. */
const GLOBAL_KEYWORDS: Array<[string, string]> = [
  ['cdp', 'Configure CDP parameters'],
  ['feature', 'Command to enable/disable features'],
  ['ip', 'Configure IP features'],
  ['lldp', 'Configure global LLDP parameters'],
  ['logging', 'Modify message logging facilities'],
  ['ntp', 'NTP Configuration'],
  ['snmp-server', 'Configure snmp server'],
  ['spanning-tree', 'Spanning Tree Subsystem'],
  ['username', 'Configure user information.'],
  ['vrf', 'Configure VRF parameters'],
];

const INTERFACE_KEYWORDS = [
  'ip',
  'switchport',
  'speed',
  'duplex',
  'mtu',
  'cdp',
  'lldp',
  'channel-group',
  'vrf',
];

const configuration: Spec[] = [
  { grammar: [k('end', 'Go to exec mode')], modes: ANY_CONFIG, run: () => ({ mode: 'exec' }) },
  { grammar: [k('exit', 'Exit from command interpreter')], modes: CONFIG, run: () => ({ mode: 'exec' }) },
  { grammar: [k('exit', 'Exit from command interpreter')], modes: SUBMODES, run: () => ({ mode: 'config' }) },
  {
    grammar: [
      k('hostname', "Configure system's host name"),
      { param: 'word', name: 'name', help: 'Hostname' },
    ],
    modes: CONFIG,
    run: ({ device, args }) => {
      device.config().hostname = args.name!;
      return ok;
    },
  },
  {
    grammar: [k('interface', 'Configure interfaces'), rest('interface', 'Interface name')],
    modes: [...CONFIG, 'config-if'],
    run: ({ device, args }) => enterInterface(device, args.interface!),
  },
  {
    grammar: [k('vlan', 'Vlan commands'), num('vlan', 'VLAN ID 1-4094', 1, 4094)],
    modes: CONFIG,
    run: ({ device, args }) => ({ ...rememberLine(device, `vlan ${args.vlan}`), mode: 'config-vlan' }),
  },
  {
    grammar: [k('router', 'Enable a routing process'), rest('process', 'Routing protocol and tag')],
    modes: CONFIG,
    run: ({ device, args }) => ({ ...rememberLine(device, `router ${args.process}`), mode: 'config-router' }),
  },
  ...configurationLines(GLOBAL_KEYWORDS, INTERFACE_KEYWORDS, {
    no: 'Negate a command or set its defaults',
    description: 'Enter description of maximum 254 characters',
    descriptionText: 'Description',
    shutdown: 'Enable/disable an interface',
  }),
  {
    grammar: [rest('settings', 'Settings of this submode')],
    modes: ['config-vlan', 'config-router'],
    run: () => ok,
  },
];

const doCommand = createDoCommand('exec', ANY_CONFIG);

export const NXOS_COMMANDS: Spec[] = [...session, ...NXOS_SHOW_COMMANDS, ...configuration, doCommand];
