/**
 * Runs CLI lines for the APIs that wrap the CLI (NX-API, eAPI): the same engine, grammar and
 * renderers an SSH session uses, so text output over REST is the text the device prints.
 */
import { interpret } from '../engine/interpret.js';
import type { SessionState } from '../engine/types.js';
import type { DeviceRuntime } from '../device/runtime.js';
import { personalityFor } from '../personalities/index.js';

export interface CliRun {
  /** What the device printed (its error text when it refused the line). */
  output: string;
  /** The line was refused: invalid, incomplete, ambiguous or a rejected argument. */
  failed: boolean;
  /** The command spelled out (`show cdp neighbors detail`); the line as typed when it did not parse. */
  canonical: string;
  /** The session after the line (mode changes such as `enable` or `configure terminal`). */
  session: SessionState;
  /** A user-defined command answered: APIs must not answer with a built-in structured form. */
  userDefined: boolean;
  /** The command's parameters by name (`interface` of `show interfaces <interface>`). */
  args: Readonly<Record<string, string>>;
}

/** A session as an API call starts it: in the given mode, paging off, as `user`. */
export function apiSession(device: DeviceRuntime, user: string, mode?: string): SessionState {
  const personality = personalityFor(device)!;
  return { mode: mode ?? personality.execMode, user, terminal: { length: 0, width: 511 } };
}

/**
 * Runs one line in `session` and returns what the device printed, unframed (no Junos blank
 * lines). Carets of errors count from a prompt-less column 0, as API error texts do.
 */
export function runCliLine(device: DeviceRuntime, session: SessionState, line: string): CliRun {
  const personality = personalityFor(device);
  if (!personality) throw new Error(`${device.name}: no CLI personality for ${device.node.platform}`);
  const step = interpret(line, session, device, personality, 0);
  if (!step) return { output: '', failed: false, canonical: '', session, userDefined: false, args: {} };
  const { result } = step;
  const next: SessionState = {
    ...session,
    ...(result.mode === undefined ? {} : { mode: result.mode }),
    ...(result.target === undefined ? {} : { target: result.target }),
  };
  if (result.context) next.context = result.context;
  else if (result.context === null || !personality.configModes.includes(next.mode)) delete next.context;
  return {
    output: result.output ?? '',
    failed: step.failed,
    canonical: step.canonical,
    session: next,
    userDefined: result.userDefined ?? false,
    args: step.args ?? {},
  };
}
