/**
 * Running a `runCmds` call: each command through the same CLI engine an SSH session uses, in one
 * session that starts unprivileged (`>`) as EOS runs eAPI sessions, so `enable`, `configure` and
 * `hostname X` carry over to the next command and configuration persists on the device.
 */
import { parseInMode } from '../../engine/interpret.js';
import { splitWords, type ParseResult } from '../../engine/parser.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { PRIVILEGE_REQUIRED } from '../../personalities/arista-eos/commands.js';
import { personalityFor } from '../../personalities/index.js';
import { apiSession, runCliLine } from '../cli.js';
import type { ApiReply } from '../types.js';
import { cliFailure, errorReply, jsonRpcError, jsonRpcReply, type CliErrorCode } from './errors.js';
import { EOS_JSON_MODELS } from '../../personalities/arista-eos/json/index.js';
import type { EapiCommand, RunCmdsCall } from './request.js';
import { epochSeconds } from '../../personalities/arista-eos/json/time.js';

interface Step {
  session: SessionState;
  /** The command spelled out; empty for a blank line. */
  canonical: string;
  /** The result entry, or the `{"errors": […]}` entry of a failed command. */
  entry: object;
  error?: CliErrorCode;
}

/** Runs every command of the call and answers with their results or EOS's error for the first failure. */
export function runCmds(call: RunCmdsCall, device: DeviceRuntime, user: string): ApiReply {
  let session = apiSession(device, user, 'user');
  const results: object[] = [];
  const commands: string[] = [];
  let failure: { code: CliErrorCode; index: number } | undefined;
  for (const [index, command] of call.cmds.entries()) {
    const step = runOne(device, session, command, call);
    session = step.session;
    if (step.canonical) commands.push(step.canonical);
    if (step.error) {
      results.push(step.entry);
      failure ??= { code: step.error, index };
      if (call.stopOnError) break;
      continue;
    }
    const meta = { execStartTime: epochSeconds(device.renderContext()), execDuration: 0 };
    results.push(call.timestamps ? { ...step.entry, _meta: meta } : step.entry);
  }
  if (!failure) return jsonRpcReply({ id: call.id, result: results }, commands);
  const { code, index } = failure;
  const message = cliFailure(code, index, call.cmds.length, call.cmds[index]!.cmd);
  return errorReply(jsonRpcError(call.id, code, message, results), commands);
}

function runOne(device: DeviceRuntime, session: SessionState, command: EapiCommand, call: RunCmdsCall): Step {
  const line = command.cmd;
  const typed = line.split('|')[0]!;
  const personality = personalityFor(device)!;
  // A global command typed in a sub-mode runs in global configuration, as the CLI does it.
  const { parsed } = parseInMode(typed, session.mode, personality, device);
  const refuse = (errors: string): Step => ({
    session,
    canonical: parsed.kind === 'ok' ? parsed.canonical : typed.trim(),
    entry: { errors: [errors] },
    error: 1002,
  });
  if (parsed.kind !== 'ok' && parsed.kind !== 'empty') return refuse(parseError(typed, parsed));
  // eAPI takes commands spelled out; abbreviations only with `autoComplete`.
  const abbreviated =
    parsed.kind === 'ok' && !call.autoComplete ? abbreviatedToken(typed, parsed.canonical) : undefined;
  if (abbreviated) return refuse(abbreviated);
  const run = runCliLine(device, session, line);
  if (run.output === PRIVILEGE_REQUIRED) return refuse('Invalid input (privileged mode required)');
  if (run.failed) return refuse(run.output.replace(/^% /, ''));
  if (run.canonical === 'enable' && session.mode === 'user')
    return enable(device, session, command, call.format);
  return { session: run.session, canonical: run.canonical, ...resultOf(device, run, line, call.format) };
}

/** `enable` with or without its secret; a wrong secret is refused as EOS refuses it (code 1005). */
function enable(
  device: DeviceRuntime,
  session: SessionState,
  command: EapiCommand,
  format: RunCmdsCall['format'],
): Step {
  if (command.input !== undefined && command.input !== device.node.credentials.secret)
    return { session, canonical: 'enable', entry: { errors: ['Access denied'] }, error: 1005 };
  const entry = format === 'text' ? { output: '' } : {};
  return { session: { ...session, mode: 'enable' }, canonical: 'enable', entry };
}

function resultOf(
  device: DeviceRuntime,
  run: { output: string; canonical: string; userDefined: boolean; args: Readonly<Record<string, string>> },
  line: string,
  format: RunCmdsCall['format'],
): Pick<Step, 'entry' | 'error'> {
  if (format === 'text') return { entry: { output: asTextOutput(run.output) } };
  const model = line.includes('|') || run.userDefined ? undefined : EOS_JSON_MODELS[run.canonical];
  if (model) return { entry: model(device.renderContext(), run.args) };
  if (run.canonical.startsWith('show '))
    return { entry: { errors: ['This is an unconverted command'] }, error: 1003 };
  // Commands that only print a message (`write memory`) give it as `messages`; the others `{}`.
  return { entry: run.output ? { messages: [run.output] } : {} };
}

/** Text results end with a newline, as the CLI prints them (none for a silent command). */
const asTextOutput = (output: string) => (output === '' || output.endsWith('\n') ? output : `${output}\n`);

/** EOS's words for a line that did not parse: `Invalid input (at token 1: 'bogus')`. */
function parseError(
  line: string,
  parsed: Exclude<ParseResult<DeviceRuntime>, { kind: 'ok' | 'empty' }>,
): string {
  if (parsed.kind === 'incomplete') return 'Incomplete command';
  const words = splitWords(line);
  const at = words.findLastIndex((w) => w.start <= parsed.column);
  const token = Math.max(0, at);
  const word = words[token]?.text ?? '';
  return parsed.kind === 'ambiguous'
    ? `Ambiguous command (at token ${token}: '${word}')`
    : `Invalid input (at token ${token}: '${word}')`;
}

/** The first keyword typed short of its full spelling, as EOS reports it without `autoComplete`. */
function abbreviatedToken(line: string, canonical: string): string | undefined {
  const typed = splitWords(line).map((w) => w.text);
  const spelled = canonical.split(' ');
  for (const [i, word] of typed.entries()) {
    const full = spelled[i];
    if (full === undefined || full.startsWith('<')) return undefined;
    if (full !== word.toLowerCase() && full.startsWith(word.toLowerCase()))
      return `Invalid input (at token ${i}: '${word}')`;
  }
  return undefined;
}
