/** Show commands about the session itself rather than the device: `show privilege`, `show users`. */
import { k } from '../../engine/grammar.js';
import type { CommandSpec, SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { left } from './render/text.js';

const EXEC = ['user', 'enable'] as const;
const show = k('show', 'Show running system information');

/** Absolute line number of `vty 0` (after `con 0` and `aux 0`). */
const FIRST_VTY = 2;

/** Renders `show privilege`: 1 at `>`, 15 once enabled (Ansible's become reads the last line). */
export const renderShowPrivilege = (session: SessionState): string =>
  `Current privilege level is ${session.mode === 'user' ? 1 : 15}`;

/**
 * Renders `show users`: this session on the first vty (marked `*`), the device's other open SSH
 * sessions on the next ones. Every client of the fleet connects from loopback.
 */
export function renderShowUsers(session: SessionState, openSessions: number): string {
  const row = (vty: number, own: boolean) =>
    left(`${own ? '*' : ' '}${String(FIRST_VTY + vty).padStart(3)} vty ${vty}`, 15) +
    left(session.user, 11) +
    left('idle', 21) +
    left(own ? '00:00:00' : '00:00:01', 11) +
    '127.0.0.1';
  const others = Math.max(0, openSessions - 1);
  return [
    '    Line       User       Host(s)              Idle       Location',
    row(0, true),
    ...Array.from({ length: others }, (_, i) => row(i + 1, false)),
    '',
    '  Interface    User               Mode         Idle     Peer Address',
    '',
  ].join('\n');
}

export const IOS_SESSION_SHOWS: CommandSpec<DeviceRuntime>[] = [
  {
    grammar: [show, k('privilege', 'Show current privilege level')],
    modes: EXEC,
    run: ({ session }) => ({ output: renderShowPrivilege(session) }),
  },
  {
    grammar: [show, k('users', 'Display information about terminal lines')],
    modes: EXEC,
    run: ({ device, session }) => ({ output: renderShowUsers(session, device.sessions) }),
  },
];
