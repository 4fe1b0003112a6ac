/** From a typed line to what the device does: parse (with `| filter`), run, or the platform's error. */
import { commandsOf } from './commands-of.js';
import { parseCommand, splitWords, type ParseResult } from './parser.js';
import type { Personality } from './personality.js';
import { splitPipe } from './pipes.js';
import type { CommandResult, SessionState } from './types.js';

export interface Interpretation {
  result: CommandResult;
  /** The device refused the line (invalid, incomplete, ambiguous, a rejected argument). */
  failed: boolean;
  /** The command spelled out, for per-command latency (`show cdp neighbors detail`). */
  canonical: string;
  /** Its parameters by name, when it parsed. */
  args?: Readonly<Record<string, string>>;
}

/**
 * Parses a command in `mode` against the commands `device` has, or, when only the sub-mode's
 * parent knows it (`hostname` typed under `interface`), in the parent: the mode it parsed in comes
 * back with it.
 */
export function parseInMode<D>(
  command: string,
  mode: string,
  personality: Personality<D>,
  device: D,
): { parsed: ParseResult<D>; mode: string } {
  const commands = commandsOf(personality, device);
  const parsed = parseCommand(command, mode, commands);
  const parent = parsed.kind === 'invalid' ? personality.parentMode?.(mode) : undefined;
  if (parent === undefined) return { parsed, mode };
  const there = parseCommand(command, parent, commands);
  return there.kind === 'ok' ? { parsed: there, mode: parent } : { parsed, mode };
}

/**
 * The refusal of a command that runs another one (`do show vlan`, Junos `run show vlans`) when
 * that one fails: the caret goes under `arg` at the column where the inner line failed, or where
 * the inner command refused its own parameter.
 */
export function refuseNested<D>(
  arg: string,
  parsed: ParseResult<D>,
  inner?: { result: CommandResult; columns: Readonly<Record<string, number>> },
): CommandResult {
  if (inner?.result.rejectArg !== undefined) {
    const { rejectArg, rejectOffset, rejectAs } = inner.result;
    return {
      rejectArg: arg,
      rejectOffset: (inner.columns[rejectArg] ?? 0) + (rejectOffset ?? 0),
      ...(rejectAs ? { rejectAs } : {}),
    };
  }
  if (parsed.kind === 'incomplete') return { rejectArg: arg, rejectAs: { kind: 'incomplete' } };
  if (parsed.kind === 'ambiguous')
    return {
      rejectArg: arg,
      rejectOffset: parsed.column,
      rejectAs: { kind: 'ambiguous', token: parsed.token },
    };
  return { rejectArg: arg, rejectOffset: parsed.kind === 'invalid' ? parsed.column : 0 };
}

/**
 * Interprets one line in the session's mode; undefined for an empty line. Output is already
 * filtered. `promptLength` is the length of the prompt's last line (carets count from it).
 */
export function interpret<D>(
  line: string,
  session: SessionState,
  device: D,
  personality: Personality<D>,
  promptLength: number,
): Interpretation | undefined {
  const piped = splitPipe(line, personality.pipes);
  const { parsed, mode } = parseInMode(piped.command, session.mode, personality, device);
  if (mode !== session.mode) {
    const step = interpret(line, { ...session, mode, target: undefined }, device, personality, promptLength);
    return step && { ...step, result: { mode, ...step.result } };
  }
  if (parsed.kind === 'empty') return undefined;
  const canonical = parsed.kind === 'ok' ? parsed.canonical : piped.command.trim();
  const fail = (output: string): Interpretation => ({ result: { output }, failed: true, canonical });
  if (piped.error === 'incomplete' || parsed.kind === 'incomplete')
    return fail(personality.incomplete(promptLength, line.trimEnd().length));
  if (piped.error === 'invalid') return fail(personality.invalid(promptLength, piped.column ?? 0, line));
  if (parsed.kind === 'invalid') return fail(personality.invalid(promptLength, parsed.column, line));
  if (parsed.kind === 'ambiguous')
    return fail(personality.ambiguous(parsed.token, promptLength, parsed.column, line));
  if (piped.format !== undefined && !parsed.spec.formats?.includes(piped.format))
    return fail(personality.invalid(promptLength, piped.column ?? 0, line));
  const format = piped.format === undefined ? {} : { format: piped.format };
  const commands = commandsOf(personality, device);
  const result = parsed.spec.run({ device, session, args: parsed.args, canonical, commands, ...format });
  if (result.unknownHere)
    return fail(personality.invalid(promptLength, splitWords(line)[0]?.start ?? 0, line));
  if (result.rejectArg !== undefined) {
    const column = (parsed.columns[result.rejectArg] ?? 0) + (result.rejectOffset ?? 0);
    const as = result.rejectAs;
    if (as?.kind === 'incomplete') return fail(personality.incomplete(promptLength, line.trimEnd().length));
    if (as?.kind === 'ambiguous') return fail(personality.ambiguous(as.token, promptLength, column, line));
    return fail(personality.invalid(promptLength, column, line));
  }
  const output =
    piped.filter && result.output
      ? piped.filter(result.output, { canonical, args: parsed.args, device, session, commands })
      : result.output;
  return {
    result: {
      ...result,
      ...(output === undefined ? {} : { output }),
      ...(piped.noPaging ? { noPaging: true } : {}),
    },
    failed: result.failed ?? false,
    canonical,
    args: parsed.args,
  };
}
