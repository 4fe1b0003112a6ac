/** Arista EOS: prompts, modes, errors and pager, as ../shared/reference/device-output.md has them. */
import type { Personality } from '../../engine/personality.js';
import { EOS_PIPES } from './pipes.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { EOS_COMMANDS } from './commands.js';
import { eosShortName } from './render/ports.js';
import { configSubmodeParent } from '../config-commands.js';
import { asCliError, eosAmbiguous, eosInvalid, INCOMPLETE } from './errors.js';

/** `(config-if-Et1)`, `(config-vlan-10)`, `(config-router-bgp)`: sub-modes name what they configure. */
function modeTag(session: SessionState): string {
  const { mode, target, context } = session;
  const base = context === undefined ? mode : mode.replace(/^config/, `config-s-${sessionTag(context)}`);
  if (!target) return base;
  return `${base}-${mode === 'config-if' ? eosShortName(target) : target}`;
}

/** A configuration session's name, as far as the prompt shows it (`config-s-ansible_17`). */
const sessionTag = (name: string) => name.slice(0, 10);

/** `host>`, `host#`, `host(config)#`: no trailing space. */
function prompt(hostname: string, session: SessionState): string {
  if (session.mode === 'user') return `${hostname}>`;
  if (session.mode === 'enable') return `${hostname}#`;
  return `${hostname}(${modeTag(session)})#`;
}

export const aristaEosPersonality: Personality<DeviceRuntime> = {
  commands: EOS_COMMANDS,
  loginMode: 'user',
  execMode: 'enable',
  enabledMode: 'enable',
  configModes: ['config', 'config-if', 'config-vlan', 'config-router'],
  parentMode: configSubmodeParent,
  prompt,
  greeting: '\n',
  // EOS runs its Linux base's stock OpenSSH.
  sshIdent: 'OpenSSH_6.6.1',
  secretPrompt: 'Password: ',
  badSecret: '% Access denied\n',
  invalid: (_promptLength, column, line) => asCliError(eosInvalid(line, column)),
  incomplete: () => asCliError(INCOMPLETE),
  ambiguous: (_token, _promptLength, column, line) => asCliError(eosAmbiguous(line, column)),
  pager: { marker: ' --More-- ', erase: '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) },
  maxLine: 4096,
  pipes: EOS_PIPES,
};
