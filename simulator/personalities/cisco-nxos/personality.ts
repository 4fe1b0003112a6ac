/** Cisco NX-OS: prompts, modes, errors and pager, as ../shared/reference/device-output.md has them. */
import type { Personality } from '../../engine/personality.js';
import { NXOS_PIPES } from './pipes.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { NXOS_COMMANDS } from './commands.js';
import { nxosPrompt, renderIncomplete, renderInvalid } from './prompt.js';
import { configSubmodeParent } from '../config-commands.js';

/** The notice NX-OS prints on login (the personality's greeting is one text for every box). */
const LOGIN_BANNER = [
  'Cisco Nexus Operating System (NX-OS) Software',
  'TAC support: http://www.cisco.com/tac',
  'Copyright (C) 2002-2022, Cisco and/or its affiliates.',
  'All rights reserved.',
  'The copyrights to certain works contained in this software are',
  'owned by other third parties and used and distributed under their own',
  'licenses, such as open source.  This software is provided "as is," and unless',
  'otherwise stated, there is no warranty, express or implied, including but not',
  'limited to warranties of merchantability and fitness for a particular purpose.',
  'Certain components of this software are licensed under',
  'the GNU General Public License (GPL) version 2.0 or',
  'GNU General Public License (GPL) version 3.0  or the GNU',
  'Lesser General Public License (LGPL) Version 2.1 or',
  'Lesser General Public License (LGPL) Version 2.0.',
  'A copy of each such license is available at',
  'http://www.opensource.org/licenses/gpl-2.0.php and',
  'http://opensource.org/licenses/gpl-3.0.html and',
  'http://www.opensource.org/licenses/lgpl-2.1.php and',
  'http://www.gnu.org/licenses/old-licenses/library.txt.',
  '',
].join('\n');

/** Login lands privileged: the admin user has the network-admin role, so there is no `enable` step. */
export const ciscoNxosPersonality: Personality<DeviceRuntime> = {
  commands: NXOS_COMMANDS,
  loginMode: 'exec',
  execMode: 'exec',
  enabledMode: 'exec',
  configModes: ['config', 'config-if', 'config-vlan', 'config-router'],
  parentMode: configSubmodeParent,
  prompt: nxosPrompt,
  greeting: LOGIN_BANNER,
  // NX-OS's sshd is PKIX-SSH (X.509 host authentication), in FIPS mode.
  sshIdent: 'OpenSSH_6.2 PKIX FIPS',
  // NX-OS: `ssh login-attempts` defaults to 3; otherwise OpenSSH's defaults.
  sshLimits: { authTries: 3 },
  secretPrompt: 'Password: ',
  badSecret: '% Permission denied\n',
  invalid: renderInvalid,
  incomplete: renderIncomplete,
  ambiguous: (_token, promptLength, column) =>
    `${' '.repeat(promptLength + column)}^\n% Ambiguous command at '^' marker.`,
  pager: { marker: '--More--', erase: '\r' + ' '.repeat(8) + '\r' },
  maxLine: 4096,
  pipes: NXOS_PIPES,
};
