/** One command without a shell (an SSH exec channel): run in the exec mode, answer after its latency. */
import { interpret } from './interpret.js';
import { lastLineLength, type SessionHost } from './terminal-session.js';
import type { SessionState } from './types.js';

export function runExecCommand<D>(
  host: Omit<SessionHost<D>, 'write' | 'close'>,
  line: string,
  user: string,
  done: (output: string) => void,
): void {
  const session: SessionState = {
    mode: host.personality.execMode,
    user,
    terminal: { length: 0, width: 511 },
  };
  const promptLength = lastLineLength(host.personality.prompt(host.hostname(), session, host.device));
  const step = interpret(line, session, host.device, host.personality, promptLength);
  const raw = step?.result.output ?? '';
  const output = raw && host.personality.frameOutput ? host.personality.frameOutput(raw) : raw;
  const text = output ? (output + '\n').replace(/\r?\n/g, '\r\n') : '';
  const delay = step ? host.latency(step.canonical) + (step.result.extraDelayMs ?? 0) : 0;
  if (delay <= 0) done(text);
  else host.timers.after(delay, () => done(text));
}
