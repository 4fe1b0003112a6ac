/**
 * EOS configuration sessions: `configure session <name>` edits a copy of the running configuration
 * (the session keeps it in DeviceConfig.sessions), `show session-config diffs` compares the two,
 * `commit` applies the copy, `abort` drops it, `end` leaves it pending to be entered again.
 */
import type { ConfigSession, DeviceConfig } from '../../device/render-context.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { k } from '../../engine/grammar.js';
import type { CommandCall, CommandResult, CommandSpec } from '../../engine/types.js';
import { ANY_CONFIG } from './modes.js';
import { renderShowRunningConfig } from './render/running-config.js';
import {
  MAX_COMPLETED_SESSIONS,
  MAX_PENDING_SESSIONS,
  renderSessionConfigDiffs,
} from './render/config-sessions.js';

type Spec = CommandSpec<DeviceRuntime>;

/** EOS's refusal of a new session while five are pending (Ansible's eos terminal plugin matches it). */
export const SESSION_LIMIT_REACHED = '% Maximum number of pending sessions has been reached';

/** `commit`, `abort` and `show session-config` outside a session: EOS does not know them there. */
const NOT_IN_SESSION: CommandResult = { unknownHere: true };

function copyConfig(config: DeviceConfig): DeviceConfig {
  return {
    hostname: config.hostname,
    interfaces: new Map([...config.interfaces].map(([name, settings]) => [name, { ...settings }])),
    lines: [...config.lines],
  };
}

function sessionsOf(device: DeviceRuntime): Map<string, ConfigSession> {
  return (device.config().sessions ??= new Map<string, ConfigSession>());
}

function pendingCount(sessions: ReadonlyMap<string, ConfigSession>): number {
  return [...sessions.values()].filter((s) => s.state === 'pending').length;
}

/** Enters session `name`, opening it with a copy of the running configuration unless it is pending. */
function enterSession(device: DeviceRuntime, name: string): CommandResult {
  const sessions = sessionsOf(device);
  if (sessions.get(name)?.state !== 'pending') {
    if (pendingCount(sessions) >= MAX_PENDING_SESSIONS)
      return { output: SESSION_LIMIT_REACHED, failed: true };
    sessions.delete(name);
    sessions.set(name, { config: copyConfig(device.config()), state: 'pending' });
  }
  return { mode: 'config', context: name };
}

/** A name for `configure session` without one: `sess-1`, `sess-2`, … the first one unused. */
function generatedName(device: DeviceRuntime): string {
  const sessions = sessionsOf(device);
  let n = 1;
  while (sessions.has(`sess-${n}`)) n++;
  return `sess-${n}`;
}

/** The session a configuration command runs in, when it runs in one. */
function currentSession({ device, session }: CommandCall<DeviceRuntime>): ConfigSession | undefined {
  return session.context === undefined ? undefined : device.config().sessions?.get(session.context);
}

/** Applies the session to the running configuration and keeps it as the last completed one. */
function commit(call: CommandCall<DeviceRuntime>): CommandResult {
  const pending = currentSession(call);
  if (!pending) return NOT_IN_SESSION;
  const running = call.device.config();
  const { hostname, interfaces, lines } = copyConfig(pending.config);
  running.hostname = hostname;
  running.interfaces = interfaces;
  running.lines = lines;
  const sessions = sessionsOf(call.device);
  sessions.delete(call.session.context!);
  sessions.set(call.session.context!, {
    config: pending.config,
    state: 'completed',
    completedAt: call.device.now(),
    committedBy: call.session.user,
  });
  const completed = [...sessions].filter(([, s]) => s.state === 'completed');
  for (const [name] of completed.slice(0, -MAX_COMPLETED_SESSIONS)) sessions.delete(name);
  return { mode: 'enable', context: null };
}

function abort(call: CommandCall<DeviceRuntime>): CommandResult {
  if (!currentSession(call)) return NOT_IN_SESSION;
  sessionsOf(call.device).delete(call.session.context!);
  return { mode: 'enable', context: null };
}

/**
 * A configuration command that, inside a session, changes the session's copy: the command sees a
 * device whose configuration is the copy.
 */
export function inConfigSession(spec: Spec): Spec {
  return {
    ...spec,
    run: (call) => {
      const session = currentSession(call);
      if (!session) return spec.run(call);
      return spec.run({ ...call, device: { ...call.device, config: () => session.config } });
    },
  };
}

const session = k('session', 'Enter configuration session; commands applied only on commit');
const configure = k('configure', 'Enter configuration mode');
const show = k('show', 'Display details of switch operation');
const sessionConfig = k('session-config', 'Show the configuration of the current session');

export const CONFIG_SESSION_COMMANDS: Spec[] = [
  {
    grammar: [configure, session, { param: 'word', name: 'name', help: 'Name for the session' }],
    modes: ['enable', ...ANY_CONFIG],
    run: ({ device, args }) => enterSession(device, args.name!),
  },
  {
    grammar: [configure, session],
    modes: ['enable', ...ANY_CONFIG],
    run: ({ device }) => enterSession(device, generatedName(device)),
  },
  { grammar: [k('commit', 'Commit the session')], modes: ANY_CONFIG, run: commit },
  { grammar: [k('abort', 'Abandon the session')], modes: ANY_CONFIG, run: abort },
  {
    grammar: [show, sessionConfig, k('diffs', 'Differences from the running configuration')],
    modes: ANY_CONFIG,
    run: (call) =>
      currentSession(call)
        ? { output: renderSessionConfigDiffs(call.device.renderContext(), call.session.context!) }
        : NOT_IN_SESSION,
  },
  {
    grammar: [show, sessionConfig],
    modes: ANY_CONFIG,
    run: (call) => {
      const current = currentSession(call);
      if (!current) return NOT_IN_SESSION;
      const text = renderShowRunningConfig({ ...call.device.renderContext(), config: current.config });
      return { output: text.replace('! Command: show running-config', '! Command: show session-config') };
    },
  },
];
