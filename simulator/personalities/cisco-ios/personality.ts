/** Cisco IOS / IOS-XE: prompts, modes, errors and pager, as ../shared/reference/device-output.md has them. */
import type { Personality } from '../../engine/personality.js';
import { IOS_PIPES } from '../../engine/pipes.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { IOS_COMMANDS } from './commands.js';
import { configSubmodeParent } from '../config-commands.js';
import { invalidInput } from './errors.js';

const SUFFIX: Record<string, string> = {
  user: '>',
  enable: '#',
  config: '(config)#',
  'config-if': '(config-if)#',
  'config-line': '(config-line)#',
  'config-router': '(config-router)#',
  'config-vlan': '(config-vlan)#',
};

export const ciscoIosPersonality: Personality<DeviceRuntime> = {
  commands: IOS_COMMANDS,
  loginMode: 'user',
  execMode: 'enable',
  enabledMode: 'enable',
  configModes: ['config', 'config-if', 'config-line', 'config-router', 'config-vlan'],
  parentMode: configSubmodeParent,
  prompt: (hostname: string, session: SessionState) => hostname + (SUFFIX[session.mode] ?? '#'),
  greeting: '\n',
  // IOS and IOS XE answer with the same ident on every release.
  sshIdent: 'Cisco-1.25',
  // IOS: `ip ssh authentication-retries` 3; one vty line, one session channel per connection.
  sshLimits: { authTries: 3, sessionsPerConnection: 1 },
  secretPrompt: 'Password: ',
  badSecret: '% Bad secrets\n\n',
  invalid: invalidInput,
  incomplete: () => '% Incomplete command.\n',
  ambiguous: (token) => `% Ambiguous command:  "${token}"`,
  pager: { marker: ' --More-- ', erase: '\b'.repeat(9) + ' '.repeat(8) + '\b'.repeat(9) },
  maxLine: 4096,
  pipes: IOS_PIPES,
};
