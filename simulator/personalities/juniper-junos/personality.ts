/** Juniper Junos: prompts, modes, errors, framing and pager, as ../shared/reference/device-output.md has them. */
import type { Personality } from '../../engine/personality.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { findModel, getKind } from '../../topology/kinds/index.js';
import { JUNOS_COMMANDS } from './commands.js';
import { JUNOS_PIPES } from './pipes.js';

/** The line above the prompt: the edit level in configuration mode, `{master:0}` on a virtual chassis. */
function context(session: SessionState, device: DeviceRuntime): string | undefined {
  if (session.mode === 'configuration') return session.target ? `[edit ${session.target}]` : '[edit]';
  return findModel(getKind(device.node.platform), device.node.model)?.virtualChassis
    ? '{master:0}'
    : undefined;
}

/** `admin@sw1> `, `{master:0}\nadmin@sw1> `, `[edit]\nadmin@sw1# `. */
export function junosPrompt(hostname: string, session: SessionState, device: DeviceRuntime): string {
  const line = `${session.user}@${hostname}${session.mode === 'configuration' ? '#' : '>'} `;
  const above = context(session, device);
  return above ? `${above}\n${line}` : line;
}

/**
 * Output ends with a blank line before the prompt (the engine adds one `\n`). Its opening ` \n`
 * is the space Junos puts after the echoed command (see `enterEcho`), as on the wire of a real box.
 */
export function frameJunosOutput(output: string): string {
  const body = output.replace(/\n+$/, '');
  return body ? `${body}\n` : '';
}

/**
 * Enter after an accepted command echoes a space before the line end (`show version \r\n`, Junos
 * completing the word); a refused line and a bare Enter do not.
 */
export function junosEnterEcho(line: string, failed: boolean): string {
  return line.trim() && !failed ? ' \n' : '\n';
}

export const juniperJunosPersonality: Personality<DeviceRuntime> = {
  commands: JUNOS_COMMANDS,
  loginMode: 'operational',
  execMode: 'operational',
  enabledMode: 'operational',
  configModes: ['configuration'],
  prompt: junosPrompt,
  greeting: '',
  // Junos before its own JSSH ships OpenSSH 7.5.
  sshIdent: 'OpenSSH_7.5',
  // Junos: `system login retry-options tries-before-disconnect` defaults to 10.
  sshLimits: { authTries: 10 },
  secretPrompt: 'Password:',
  badSecret: '',
  invalid: (promptLength, column) =>
    `${' '.repeat(promptLength + column)}^\n${column === 0 ? 'unknown command.' : 'syntax error, expecting <command>.'}\n`,
  incomplete: (promptLength, lineLength) =>
    `${' '.repeat(promptLength + lineLength + 1)}^\nsyntax error, expecting <command>.\n`,
  ambiguous: (token) => `'${token}' is ambiguous.`,
  frameOutput: frameJunosOutput,
  enterEcho: junosEnterEcho,
  pipes: JUNOS_PIPES,
  pager: { marker: '---(more)---', erase: `\r${' '.repeat(12)}\r` },
  maxLine: 4096,
};
