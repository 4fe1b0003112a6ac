/**
 * Session commands the Cisco-style CLIs (IOS, NX-OS, EOS) share: `enable`/`disable`, leaving,
 * `terminal length`/`width` and `configure [terminal]`. Each platform gives only what differs.
 */
import { k, num } from '../engine/grammar.js';
import type { CommandResult, CommandSpec } from '../engine/types.js';
import type { DeviceRuntime } from '../device/runtime.js';

type Spec = CommandSpec<DeviceRuntime>;

/** A `terminal length|width <n>` setting: its bounds and what the box says back (typed value). */
export interface TerminalSetting {
  min: number;
  max: number;
  say?: (typed: string) => string;
}

/** What one platform's session commands differ in. */
export interface SessionCommands {
  /** Modes the session commands work in. */
  modes: readonly string[];
  /** `enable` (asks the secret) and `disable` between these modes; absent where login is privileged. */
  privilege?: { user: string; enabled: string };
  /** The words that end the session (`exit`, `logout`, `quit`). */
  exits: readonly string[];
  /** `?` help of the `terminal` keyword. */
  terminalHelp: string;
  length: TerminalSetting;
  width: TerminalSetting;
  /** Where `configure terminal` works, whether a bare `configure` does too, and the banner it prints. */
  configure: { modes: readonly string[]; bare: boolean; banner?: string };
}

const ok: CommandResult = {};

function privilegeCommands(modes: readonly string[], privilege: SessionCommands['privilege']): Spec[] {
  if (!privilege) return [];
  return [
    {
      grammar: [k('enable', 'Turn on privileged commands')],
      modes,
      run: ({ session }) => (session.mode === privilege.enabled ? ok : { secret: 'enable' }),
    },
    {
      grammar: [k('disable', 'Turn off privileged commands')],
      modes,
      run: () => ({ mode: privilege.user }),
    },
  ];
}

function terminalCommands(platform: SessionCommands): Spec[] {
  const { modes, terminalHelp, length, width } = platform;
  return [
    {
      grammar: [
        k('terminal', terminalHelp),
        k('length', 'Set number of lines on a screen'),
        num('length', 'Number of lines on screen (0 for no pausing)', length.min, length.max),
      ],
      modes,
      run: ({ args }) => ({
        terminal: { length: Number(args.length) },
        ...(length.say ? { output: length.say(args.length!) } : {}),
      }),
    },
    {
      grammar: [
        k('terminal', terminalHelp),
        k('width', 'Set width of the display terminal'),
        num('width', 'Number of characters on a screen line', width.min, width.max),
      ],
      modes,
      run: ({ args }) => ({
        terminal: { width: Number(args.width) },
        ...(width.say ? { output: width.say(args.width!) } : {}),
      }),
    },
  ];
}

function configureCommands({ modes, bare, banner }: SessionCommands['configure']): Spec[] {
  const run = (): CommandResult => ({ mode: 'config', ...(banner === undefined ? {} : { output: banner }) });
  const configure = k('configure', 'Enter configuration mode');
  return [
    { grammar: [configure, k('terminal', 'Configure from the terminal')], modes, run },
    ...(bare ? [{ grammar: [configure], modes, run }] : []),
  ];
}

/** The session commands of one Cisco-style platform, from its differences. */
export function createSessionCommands(platform: SessionCommands): Spec[] {
  const { modes, exits } = platform;
  return [
    ...privilegeCommands(modes, platform.privilege),
    ...exits.map((word): Spec => ({
      grammar: [k(word, 'Exit from the EXEC')],
      modes,
      run: () => ({ close: true }),
    })),
    ...terminalCommands(platform),
    ...configureCommands(platform.configure),
  ];
}
