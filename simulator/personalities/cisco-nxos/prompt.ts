/** NX-OS prompts and error texts: `host# `, `host(config)# ` (with a trailing space), carets under the input. */
import type { SessionState } from '../../engine/types.js';

const SUFFIX: Readonly<Record<string, string>> = {
  exec: '# ',
  config: '(config)# ',
  'config-if': '(config-if)# ',
  'config-vlan': '(config-vlan)# ',
  'config-router': '(config-router)# ',
};

export function nxosPrompt(hostname: string, session: Pick<SessionState, 'mode'>): string {
  return hostname + (SUFFIX[session.mode] ?? '# ');
}

const caret = (column: number) => `${' '.repeat(column)}^\n`;

/** Invalid input: the caret, then the message, and no blank line before the prompt. */
export const renderInvalid = (promptLength: number, column: number): string =>
  `${caret(promptLength + column)}% Invalid command at '^' marker.`;

/** Incomplete input: the caret sits just after what was typed. */
export const renderIncomplete = (promptLength: number, lineLength: number): string =>
  `${caret(promptLength + lineLength)}% Incomplete command at '^' marker.`;
