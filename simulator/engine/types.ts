/** The CLI engine's vocabulary: modes, command grammars and what running a command yields. */

/** A word of a command's grammar: a keyword, or a parameter the user fills in. */
export type GrammarToken =
  /** `hidden`: typed in full only, never listed by `?` or completed (Junos's `xml-mode`). */
  | { keyword: string; help: string; hidden?: boolean }
  | { param: 'word' | 'number' | 'rest'; name: string; help: string; min?: number; max?: number };

/** Session state that commands read and change. */
export interface SessionState {
  mode: string;
  /** The login user (Junos prompts show it: `admin@sw1> `). */
  user: string;
  /** What a sub-mode configures (`interface GigabitEthernet1`). */
  target?: string;
  /**
   * What configuration modes work on, when not the running configuration (EOS's
   * `configure session <name>`); dropped when the session leaves configuration.
   */
  context?: string;
  terminal: { length: number; width: number };
}

/** What a command asks the session to do. */
export interface CommandResult {
  output?: string;
  mode?: string;
  target?: string;
  /** Enter this context (a name), or leave it (null); see SessionState.context. */
  context?: string | null;
  terminal?: Partial<SessionState['terminal']>;
  /** End the session (exit, logout). */
  close?: boolean;
  /** Ask for a secret next (enable). */
  secret?: 'enable';
  /** Extra time the command itself takes, beyond the configured latency (ping). */
  extraDelayMs?: number;
  /**
   * The device does not know the command where it was typed (EOS `commit` outside a session): it
   * is refused as invalid input at its first word, as an unknown word would be.
   */
  unknownHere?: boolean;
  /** Refuse the value of this parameter: the device prints its invalid-input error under it. */
  rejectArg?: string;
  /**
   * How far into that value the caret goes (0 when absent): `do` and `run` refuse the command
   * they run where its own parse failed, as the prompt would.
   */
  rejectOffset?: number;
  /**
   * What the refusal says (invalid input when absent): `do show` is incomplete and `do s` is
   * ambiguous at the prompt too, and `do` and `run` answer with those errors, not a caret.
   */
  rejectAs?: { kind: 'incomplete' } | { kind: 'ambiguous'; token: string };
  /**
   * The channel now speaks another protocol (Junos `xml-mode netconf`): the CLI session ends and
   * the host takes the channel, with what was typed after the command.
   */
  handOver?: 'netconf';
  /** Show the whole output without paging (Junos `| no-more`). */
  noPaging?: boolean;
  /** The command printed its own refusal (Junos `syntax error.`): treated like a parse error. */
  failed?: boolean;
  /** A user-defined command printed it: there is no structured (JSON/XML) form of it. */
  userDefined?: boolean;
}

export interface CommandCall<D> {
  device: D;
  session: SessionState;
  /** Parameter values by name. */
  args: Record<string, string>;
  /** The command with every keyword spelled out (`show cdp neighbors detail`). */
  canonical: string;
  /** The output format a pipe asked for (`json` for NX-OS `| json`); one of the spec's `formats`. */
  format?: string;
  /**
   * The commands this device has (see commandsOf): what a command that runs another one (`do`,
   * Junos `run`) parses it against, so it knows exactly what the prompt knows.
   */
  commands: readonly CommandSpec<D>[];
}

export interface CommandSpec<D> {
  grammar: GrammarToken[];
  /** Modes the command is valid in. */
  modes: readonly string[];
  /** Output formats the command prints when a pipe asks for one (`json`, `xml`). */
  formats?: readonly string[];
  /**
   * Whether this device has the command at all (a Catalyst-only `show vlan` on a router): one it
   * lacks is left out of the device's command tree, so typing, `?` and Tab never meet it.
   */
  available?(device: D): boolean;
  run(call: CommandCall<D>): CommandResult;
}
