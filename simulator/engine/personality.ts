/** What a platform's CLI is made of, as data plus small renderers: prompts, modes, errors, pager. */
import type { PipeSpec } from './pipes.js';
import type { CommandSpec, SessionState } from './types.js';

/** What the platform's SSH server allows; anything left out is OpenSSH's default (the ssh layer holds those). */
export interface SshLimits {
  /** Failed authentication attempts per connection, then disconnect (IOS `ip ssh authentication-retries`). */
  authTries: number;
  /** Session channels (shell or exec) one connection may hold open (OpenSSH MaxSessions). */
  sessionsPerConnection: number;
  /** An unauthenticated connection is closed after this, ms (IOS `ip ssh time-out`, LoginGraceTime). */
  loginGraceMs: number;
  /** Concurrent unauthenticated connections per device; more are closed at once (MaxStartups). */
  maxStartups: number;
}

export interface Personality<D> {
  commands: readonly CommandSpec<D>[];
  /** Mode of a new interactive session, and of an exec-channel command. */
  loginMode: string;
  execMode: string;
  /** Mode after a successful `enable`. */
  enabledMode: string;
  /** Modes that Ctrl-Z leaves for `enabledMode`. */
  configModes: readonly string[];
  /**
   * A sub-mode's parent. A line the sub-mode does not know but its parent does runs there, and
   * the session moves there: on IOS, NX-OS and EOS, `hostname X` typed under `interface …`
   * renames the box and leaves the interface.
   */
  parentMode?: (mode: string) => string | undefined;
  /** The prompt; it may span lines (`[edit]`, `{master:0}`): carets count from its last line. */
  prompt(hostname: string, session: SessionState, device: D): string;
  /** Printed before the first prompt of a shell. */
  greeting: string;
  /** The software part of the SSH identification string the box sends (`Cisco-1.25` → `SSH-2.0-Cisco-1.25`). */
  sshIdent: string;
  /** Where the platform's SSH server differs from OpenSSH's defaults. */
  sshLimits?: Partial<SshLimits>;
  secretPrompt: string;
  badSecret: string;
  /** `line`: what was typed, for platforms that name the word instead of drawing a caret (EOS). */
  invalid(promptLength: number, column: number, line: string): string;
  /** `lineLength`: length of what was typed, for platforms that put a caret after it. */
  incomplete(promptLength: number, lineLength: number): string;
  /** `column`: where the ambiguous word starts in the typed line (NX-OS puts a caret there). */
  ambiguous(token: string, promptLength: number, column: number, line: string): string;
  /** What Enter echoes after a line, once it is known whether the device accepted it (Junos: " \n"). */
  enterEcho?: (line: string, failed: boolean) => string;
  /** Wraps every output before the prompt (Junos starts output with " \n" and ends it with a blank line). */
  frameOutput?: (output: string) => string;
  /** Output filters after `|`, by name (IOS: include, exclude, begin, section, count). */
  pipes: Readonly<Record<string, PipeSpec>>;
  pager: { marker: string; erase: string };
  /** Longest line the device accepts; further characters are dropped. */
  maxLine: number;
}
