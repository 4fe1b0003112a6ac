/** What a platform's CLI is made of, as data plus small renderers: prompts, modes, errors, pager. */
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
  prompt(hostname: string, session: SessionState): string;
  /** Printed before the first prompt of a shell. */
  greeting: string;
  secretPrompt: string;
  badSecret: string;
  invalid(promptLength: number, column: number): string;
  incomplete: string;
  ambiguous(token: string): string;
  pager: { marker: string; erase: string };
  /** Longest line the device accepts; further characters are dropped. */
  maxLine: number;
}
