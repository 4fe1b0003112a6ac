/** The EOS command table: exec, privileged and configuration commands (show commands in shows.ts). */
import type { CommandResult, CommandSpec } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { configurationLines, enterInterface, rememberLine } from '../config-commands.js';
import { k, num, rest } from '../../engine/grammar.js';
import { ANY_CONFIG, CONFIG, EXEC, PRIVILEGED, SUBMODES } from './modes.js';
import { createSessionCommands } from '../session-commands.js';
import { EOS_SHOW_COMMANDS } from './shows.js';
import { renderBootConfig } from './render/dir.js';
import { CONFIG_SESSION_COMMANDS, inConfigSession } from './config-sessions.js';
import { asCliError, PRIVILEGE_REQUIRED } from './errors.js';

type Spec = CommandSpec<DeviceRuntime>;

const ok: CommandResult = {};

const session: Spec[] = [
  ...createSessionCommands({
    modes: EXEC,
    privilege: { user: 'user', enabled: 'enable' },
    exits: ['exit', 'logout', 'quit'],
    terminalHelp: 'Configure the terminal',
    length: {
      min: 0,
      max: 32767,
      say: (typed) =>
        Number(typed) === 0 ? 'Pagination disabled.' : `Pagination set to ${Number(typed)} lines.`,
    },
    width: { min: 0, max: 32767, say: (typed) => `Width set to ${typed} columns.` },
    // `configure` alone means `configure terminal`; neither prints anything.
    configure: { modes: ['enable'], bare: true },
  }),
  {
    grammar: [k('write', 'Copy the running configuration'), k('memory', 'Write to startup-config')],
    modes: PRIVILEGED,
    run: () => ({ output: 'Copy completed successfully.' }),
  },
  {
    // Only what Ansible's cliconf reads (the image to boot); other shell commands are refused.
    grammar: [k('bash', 'Run a bash command'), rest('command', 'Command and arguments')],
    modes: PRIVILEGED,
    run: ({ device, args }) =>
      /^(timeout \d+ )?cat \/mnt\/flash\/boot-config$/.test(args.command!.trim())
        ? { output: renderBootConfig(device.renderContext()) }
        : { rejectArg: 'command' },
  },
  {
    grammar: [
      k('copy', 'Copy files from source to destination'),
      k('running-config', 'Copy from current system configuration'),
      k('startup-config', 'Copy to startup configuration'),
    ],
    modes: PRIVILEGED,
    run: () => ({ output: 'Copy completed successfully.' }),
  },
];

/** Global configuration lines the box accepts and keeps in its running-config. */
const GLOBAL_KEYWORDS: Array<[string, string]> = [
  ['aaa', 'Authentication, Authorization and Accounting'],
  ['banner', 'Configure system banners'],
  ['ip', 'IP config commands'],
  ['lldp', 'LLDP configuration'],
  ['logging', 'Configure logging'],
  ['ntp', 'Configure NTP'],
  ['service', 'Configure service options'],
  ['snmp-server', 'Modify SNMP engine parameters'],
  ['spanning-tree', 'Spanning tree configuration'],
  ['username', 'Add a user to the local database'],
];

const INTERFACE_KEYWORDS = [
  'ip',
  'switchport',
  'speed',
  'mtu',
  'lldp',
  'channel-group',
  'spanning-tree',
  'load-interval',
  'no',
];

const configuration: Spec[] = [
  { grammar: [k('end', 'Exit to privileged mode')], modes: ANY_CONFIG, run: () => ({ mode: 'enable' }) },
  { grammar: [k('exit', 'Exit from configuration mode')], modes: CONFIG, run: () => ({ mode: 'enable' }) },
  { grammar: [k('exit', 'Exit from this mode')], modes: SUBMODES, run: () => ({ mode: 'config' }) },
  {
    grammar: [
      k('hostname', 'Configure the system hostname'),
      { param: 'word', name: 'name', help: 'Hostname' },
    ],
    modes: CONFIG,
    run: ({ device, args }) => {
      device.config().hostname = args.name!;
      return ok;
    },
  },
  {
    grammar: [k('interface', 'Interface Configuration'), rest('interface', 'Interface name')],
    modes: [...CONFIG, 'config-if'],
    run: ({ device, args }) => enterInterface(device, args.interface!),
  },
  {
    grammar: [k('vlan', 'VLAN configuration'), num('vlan', 'VLAN ID', 1, 4094)],
    modes: CONFIG,
    run: ({ device, args }) => ({
      ...rememberLine(device, `vlan ${args.vlan}`),
      mode: 'config-vlan',
      target: args.vlan!,
    }),
  },
  {
    grammar: [
      k('router', 'Routing protocol configuration'),
      rest('process', 'Routing protocol and instance'),
    ],
    modes: CONFIG,
    run: ({ device, args }) => ({
      ...rememberLine(device, `router ${args.process}`),
      mode: 'config-router',
      target: args.process!.split(/\s+/)[0]!.toLowerCase(),
    }),
  },
  ...configurationLines(GLOBAL_KEYWORDS, INTERFACE_KEYWORDS, {
    no: 'Disable the command that follows',
    description: 'Description string to associate with the interface',
    descriptionText: 'Up to 240 characters',
    shutdown: 'Administratively shut off the interface',
  }),
  {
    grammar: [rest('settings', 'Settings of this mode')],
    modes: ['config-vlan', 'config-router'],
    run: () => ok,
  },
];

/**
 * Privileged commands typed at the `>` prompt: EOS knows them, so it does not call them invalid,
 * but refuses them for want of privilege.
 */
function refusedInUserMode(specs: readonly Spec[]): Spec[] {
  return specs
    .filter((s) => s.modes.includes('enable') && !s.modes.includes('user'))
    .map((s) => ({ ...s, modes: ['user'], run: () => ({ output: asCliError(PRIVILEGE_REQUIRED) }) }));
}

const known: Spec[] = [
  ...session,
  ...EOS_SHOW_COMMANDS,
  ...CONFIG_SESSION_COMMANDS,
  ...configuration.map(inConfigSession),
];

export const EOS_COMMANDS: Spec[] = [...known, ...refusedInUserMode(known)];
