/** Juniper Junos: prompts, modes, errors, framing and pager, as ../shared/reference/device-output.md has them. */
import type { Personality } from '../../engine/personality.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../fleet/device-runtime.js';
import { isVirtualChassisHost } from './chassis-registry.js';
import { JUNOS_COMMANDS } from './commands.js';
import { JUNOS_PIPES } from './pipes.js';

/** The line above the prompt: the edit level in configuration mode, `{master:0}` on a virtual chassis. */
function context(hostname: string, session: SessionState): string | undefined {
  if (session.mode === 'configuration') return session.target ? `[edit ${session.target}]` : '[edit]';
  return isVirtualChassisHost(hostname) ? '{master:0}' : undefined;
}

/** `admin@sw1> `, `{master:0}\nadmin@sw1> `, `[edit]\nadmin@sw1# `. */
export function junosPrompt(hostname: string, session: SessionState): string {
  const line = `${session.user}@${hostname}${session.mode === 'configuration' ? '#' : '>'} `;
  const above = context(hostname, session);
  return above ? `${above}\n${line}` : line;
}

/** Errors start with their caret line (or the ambiguity) and take no leading ` \n`. */
const ERROR = /^(?: *\^\n|'[^']*' is ambiguous\.)/;

/** Output opens with ` \n` and ends with a blank line before the prompt (the engine adds one `\n`). */
export function frameJunosOutput(output: string): string {
  const body = output.replace(/\n+$/, '');
  if (ERROR.test(output)) return `${body}\n`;
  return body ? ` \n${body}\n` : ' \n';
}

export const juniperJunosPersonality: Personality<DeviceRuntime> = {
  commands: JUNOS_COMMANDS,
  loginMode: 'operational',
  execMode: 'operational',
  enabledMode: 'operational',
  configModes: ['configuration'],
  prompt: junosPrompt,
  greeting: '',
  secretPrompt: 'Password:',
  badSecret: '',
  invalid: (promptLength, column) =>
    `${' '.repeat(promptLength + column)}^\n${column === 0 ? 'unknown command.' : 'syntax error, expecting <command>.'}\n`,
  incomplete: (promptLength, lineLength) =>
    `${' '.repeat(promptLength + lineLength + 1)}^\nsyntax error, expecting <command>.\n`,
  ambiguous: (token) => `'${token}' is ambiguous.`,
  frameOutput: frameJunosOutput,
  pipes: JUNOS_PIPES,
  pager: { marker: '---(more)---', erase: `\r${' '.repeat(12)}\r` },
  maxLine: 4096,
};
