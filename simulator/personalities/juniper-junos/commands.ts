/** The Junos command table: operational mode (`user@host> `) and configuration mode (`user@host# `). */
import { hiddenK, k, rest } from '../../engine/grammar.js';
import { refuseNested } from '../../engine/interpret.js';
import { parseCommand } from '../../engine/parser.js';
import type { CommandCall, CommandResult, CommandSpec } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { candidateOf, commitCandidate, datastoresOf, discardCandidate } from '../../device/datastores.js';
import { applyConfigLine } from './config-edit.js';
import { renderShowConfiguration, renderShowInterface } from './render/index.js';
import { JUNOS_SHOW_COMMANDS, JUNOS_WORDS, OPERATIONAL } from './shows.js';
import { JUNOS_CLI_SETTINGS } from './cli-settings.js';

type Spec = CommandSpec<DeviceRuntime>;

export const CONFIGURATION = ['configuration'] as const;

const ENTERING = 'Entering configuration mode';
const EXITING = 'Exiting configuration mode';
const DISCARD_WARNING = 'warning: uncommitted changes will be discarded on exit';

/**
 * `xml-mode netconf [need-trailer]`, hidden as on the box: the CLI hands the channel to NETCONF
 * (what ncclient's Junos handler falls back to, and what a person can type to try it).
 */
const xmlMode: Spec[] = [[], [hiddenK('need-trailer')]].map((tail) => ({
  grammar: [hiddenK('xml-mode'), hiddenK('netconf'), ...tail],
  modes: OPERATIONAL,
  run: () => ({ handOver: 'netconf' as const }),
}));

const operational: Spec[] = [
  ...JUNOS_CLI_SETTINGS,
  ...xmlMode,
  {
    grammar: [k('configure', 'Manipulate software configuration information')],
    modes: OPERATIONAL,
    run: () => ({ mode: 'configuration', target: '', output: ENTERING }),
  },
  ...(['exclusive', 'private'] as const).map((how): Spec => ({
    grammar: [
      k('configure', 'Manipulate software configuration information'),
      k(how, `${how} configuration`),
    ],
    modes: OPERATIONAL,
    run: () => ({ mode: 'configuration', target: '', output: `${DISCARD_WARNING}\n${ENTERING}` }),
  })),
  {
    // `show interfaces ge-0/0/1` (or a unit, `ge-0/0/1.0`); mgd names a device it does not have.
    grammar: [
      JUNOS_WORDS.show!,
      JUNOS_WORDS.interfaces!,
      { param: 'word', name: 'name', help: 'Name of physical or logical interface' },
    ],
    modes: OPERATIONAL,
    run: ({ device, args }) => ({
      output:
        renderShowInterface(device.renderContext(), args.name!) ?? `error: device ${args.name!} not found`,
    }),
  },
  { grammar: [k('exit', 'Exit the management session')], modes: OPERATIONAL, run: () => ({ close: true }) },
  { grammar: [k('quit', 'Exit the management session')], modes: OPERATIONAL, run: () => ({ close: true }) },
];

/** Top-level statements `set`, `delete` and `edit` accept. */
const HIERARCHY = new Set([
  'access',
  'chassis',
  'class-of-service',
  'firewall',
  'forwarding-options',
  'groups',
  'interfaces',
  'policy-options',
  'protocols',
  'routing-instances',
  'routing-options',
  'security',
  'snmp',
  'system',
  'vlans',
]);

/** Configuration mode's own error: the caret under the unknown statement, then `syntax error.` */
function syntaxError(call: CommandCall<DeviceRuntime>, column: number): CommandResult {
  const promptLength = `${call.session.user}@${call.device.config().hostname}# `.length;
  return { output: `${' '.repeat(promptLength + column)}^\nsyntax error.`, failed: true };
}

/** `set`/`delete`/`edit` take a path below the current edit level. */
function statement(call: CommandCall<DeviceRuntime>, path: string): CommandResult | undefined {
  const level = call.session.target ?? '';
  const first = path.split(/\s+/)[0] ?? '';
  if (level === '' && !HIERARCHY.has(first)) return syntaxError(call, call.canonical.indexOf(' ') + 1);
  return undefined;
}

const exitConfiguration = (): CommandResult => ({ mode: 'operational', output: EXITING });

const configuration: Spec[] = [
  ...(['set', 'delete'] as const).map((verb): Spec => ({
    grammar: [
      k(verb, `${verb === 'set' ? 'Set' : 'Delete'} a parameter`),
      rest('path', 'Configuration statement'),
    ],
    modes: CONFIGURATION,
    run: (call) => {
      const error = statement(call, call.args.path!);
      if (error) return error;
      const level = call.session.target ? `${call.session.target} ` : '';
      // The shared candidate (device/datastores.ts): NETCONF's load-configuration edits the same one.
      const refused = applyConfigLine(candidateOf(call.device), `${verb} ${level}${call.args.path}`);
      if (refused) return { output: `error: ${refused}`, failed: true };
      return { output: '\n' };
    },
  })),
  {
    grammar: [k('edit', 'Edit a sub-element'), rest('path', 'Configuration statement')],
    modes: CONFIGURATION,
    run: (call) => {
      const error = statement(call, call.args.path!);
      if (error) return error;
      const level = call.session.target ? `${call.session.target} ` : '';
      return { target: `${level}${call.args.path!.trim()}`, output: '\n' };
    },
  },
  {
    grammar: [k('top', 'Exit to top level of configuration')],
    modes: CONFIGURATION,
    run: () => ({ target: '', output: '\n' }),
  },
  {
    grammar: [k('up', 'Exit one level of configuration')],
    modes: CONFIGURATION,
    run: ({ session }) => ({ target: upOne(session.target), output: '\n' }),
  },
  {
    grammar: [k('exit', 'Exit from this level')],
    modes: CONFIGURATION,
    run: ({ session }) =>
      session.target ? { target: upOne(session.target), output: '\n' } : exitConfiguration(),
  },
  {
    grammar: [k('exit', 'Exit from this level'), k('configuration-mode', 'Exit from configuration mode')],
    modes: CONFIGURATION,
    run: exitConfiguration,
  },
  { grammar: [k('quit', 'Quit from this level')], modes: CONFIGURATION, run: exitConfiguration },
  {
    grammar: [k('commit', 'Commit current set of changes')],
    modes: CONFIGURATION,
    run: ({ device }) => commit(device, { output: 'commit complete' }),
  },
  {
    grammar: [
      k('commit', 'Commit current set of changes'),
      k('check', 'Check correctness of syntax; do not apply changes'),
    ],
    modes: CONFIGURATION,
    run: () => ({ output: 'configuration check succeeds' }),
  },
  {
    grammar: [
      k('commit', 'Commit current set of changes'),
      k('and-quit', 'Quit configuration mode if commit succeeds'),
    ],
    modes: CONFIGURATION,
    run: ({ device }) => commit(device, { mode: 'operational', output: `commit complete\n${EXITING}` }),
  },
  {
    grammar: [k('commit', 'Commit current set of changes'), rest('options', 'Commit options')],
    modes: CONFIGURATION,
    run: ({ device }) => commit(device, { output: 'commit complete' }),
  },
  ...[
    [k('rollback', 'Roll back to previous committed configuration')],
    [
      k('rollback', 'Roll back to previous committed configuration'),
      k('0', 'Most recently committed configuration'),
    ],
  ].map((grammar): Spec => ({
    grammar,
    modes: CONFIGURATION,
    run: ({ device }) => {
      discardCandidate(device);
      return { output: 'load complete' };
    },
  })),
  {
    grammar: [k('show', 'Show a parameter')],
    modes: CONFIGURATION,
    run: ({ device }) => ({ output: configurationText(device) }),
  },
  {
    grammar: [k('run', 'Run an operational-mode command'), rest('command', 'Operational command')],
    modes: CONFIGURATION,
    run: (call) => runOperational(call),
  },
];

function upOne(target: string | undefined): string {
  const words = (target ?? '').split(/\s+/).filter(Boolean);
  return words.slice(0, -1).join(' ');
}

/**
 * Commits the shared candidate to running; a candidate a NETCONF session has locked
 * (`lock-configuration`) is refused with mgd's words.
 */
function commit(device: DeviceRuntime, done: CommandResult): CommandResult {
  const holder = datastoresOf(device).locks.candidate;
  if (holder !== undefined)
    return {
      output: `error: configuration database locked by:\n  ${device.node.credentials.username} (NETCONF session ${holder})\nerror: commit failed: (configuration database locked)`,
      failed: true,
    };
  commitCandidate(device);
  return done;
}

/** The configuration as `show` prints it in configuration mode (`## Last changed`): the candidate. */
function configurationText(device: DeviceRuntime): string {
  const ctx = device.renderContext();
  const text = renderShowConfiguration({ ...ctx, config: datastoresOf(device).candidate ?? ctx.config });
  return text.replace(/^## Last commit: (.*)$/m, '## Last changed: $1');
}

/** `run <command>`: an operational command from configuration mode; a bad one is refused at its word. */
function runOperational(call: CommandCall<DeviceRuntime>): CommandResult {
  const specs = call.commands.filter(
    (s) =>
      s.modes.includes('operational') &&
      s.grammar[0] &&
      'keyword' in s.grammar[0] &&
      s.grammar[0].keyword === 'show',
  );
  const parsed = parseCommand(call.args.command!, 'operational', specs);
  if (parsed.kind !== 'ok') return refuseNested('command', parsed);
  const result = parsed.spec.run({ ...call, args: parsed.args, canonical: parsed.canonical });
  if (result.rejectArg !== undefined)
    return refuseNested('command', parsed, { result, columns: parsed.columns });
  return result.output === undefined ? {} : { output: result.output };
}

export const JUNOS_COMMANDS: Spec[] = [...operational, ...JUNOS_SHOW_COMMANDS, ...configuration];
