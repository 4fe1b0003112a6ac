/** One command without a shell (an SSH exec channel): run in the exec mode, answer after its latency. */
import { interpret } from './interpret.js';
import { cutOutput, lastLineLength, NO_COMMAND_FAULT, type SessionHost } from './terminal-session.js';
import type { SessionState } from './types.js';

/** How the answer ends: the channel closes as usual, or the connection drops (`drop-mid-output`). */
export type ExecEnd = 'close' | 'drop';

/**
 * Runs `line` and calls `done` with its output after the command's latency (and a `slow` fault's
 * outlier); a `command-hang` fault never calls it. `garble` corrupts the output; `drop-mid-output`
 * hands over only its first share, with `end` 'drop'.
 */
export function runExecCommand<D>(
  host: Omit<SessionHost<D>, 'write' | 'close'>,
  line: string,
  user: string,
  done: (output: string, end: ExecEnd) => void,
): void {
  const session: SessionState = {
    mode: host.personality.execMode,
    user,
    terminal: { length: 0, width: 511 },
  };
  const promptLength = lastLineLength(host.personality.prompt(host.hostname(), session, host.device));
  const step = interpret(line, session, host.device, host.personality, promptLength);
  const fault = host.fault?.() ?? NO_COMMAND_FAULT;
  if (fault.hang) return;
  const arrived = performance.now();
  const raw = step?.result.output ?? '';
  const framed = raw && host.personality.frameOutput ? host.personality.frameOutput(raw) : raw;
  const output = framed && fault.garble ? fault.garble(framed) : framed;
  const text = output ? (output + '\n').replace(/\r?\n/g, '\r\n') : '';
  const dropping = fault.dropAfter !== undefined && host.drop !== undefined;
  const answer = () => {
    if (dropping) done(cutOutput(text, fault.dropAfter!), 'drop');
    else done(text, 'close');
    host.answered?.((performance.now() - arrived) / 1000);
  };
  const delay = (step ? host.latency(step.canonical) + (step.result.extraDelayMs ?? 0) : 0) + fault.extraMs;
  if (delay <= 0) answer();
  else host.timers.after(delay, answer);
}
