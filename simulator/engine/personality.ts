/** What a platform's CLI is made of, as data plus small renderers: prompts, modes, errors, pager. */
import type { PipeSpec } from './pipes.js';
import type { CommandSpec, SessionState } from './types.js';

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
