/** From a typed line to what the device does: parse (with `| filter`), run, or the platform's error. */
import { parseCommand } from './parser.js';
import type { Personality } from './personality.js';
import { splitPipe } from './pipes.js';
import type { CommandResult, SessionState } from './types.js';

export interface Interpretation {
  result: CommandResult;
  /** The command spelled out, for per-command latency (`show cdp neighbors detail`). */
  canonical: string;
}

/** Interprets one line in the session's mode; undefined for an empty line. Output is already filtered. */
export function interpret<D>(
  line: string,
  session: SessionState,
  device: D,
  personality: Personality<D>,
  promptLength: number,
): Interpretation | undefined {
  const piped = splitPipe(line);
  const parsed = parseCommand(piped.command, session.mode, personality.commands);
  if (parsed.kind === 'empty') return undefined;
  const canonical = parsed.kind === 'ok' ? parsed.canonical : piped.command.trim();
  if (piped.error === 'incomplete') return { result: { output: personality.incomplete }, canonical };
  if (piped.error === 'invalid')
    return { result: { output: personality.invalid(promptLength, piped.column ?? 0) }, canonical };
  if (parsed.kind === 'invalid')
    return { result: { output: personality.invalid(promptLength, parsed.column) }, canonical };
  if (parsed.kind === 'ambiguous')
    return { result: { output: personality.ambiguous(parsed.token) }, canonical };
  if (parsed.kind === 'incomplete') return { result: { output: personality.incomplete }, canonical };
  const result = parsed.spec.run({ device, session, args: parsed.args, canonical });
  if (result.rejectArg !== undefined)
    return {
      result: { output: personality.invalid(promptLength, parsed.columns[result.rejectArg] ?? 0) },
      canonical,
    };
  if (piped.filter && result.output)
    return { result: { ...result, output: piped.filter(result.output) }, canonical };
  return { result, canonical };
}
