/**
 * Running a `runCmds` call: each command through the same CLI engine an SSH session uses, in one
 * session that starts unprivileged (`>`) as EOS runs eAPI sessions, so `enable`, `configure` and
 * `hostname X` carry over to the next command and configuration persists on the device.
 */
import { parseInMode } from '../../engine/interpret.js';
import { splitWords } from '../../engine/parser.js';
import type { SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import {
  asCliError,
  eosInvalid,
  fromCliError,
  PRIVILEGE_REQUIRED,
} from '../../personalities/arista-eos/errors.js';
import { personalityFor } from '../../personalities/index.js';
import { apiSession, runCliLine } from '../cli.js';
import type { ApiReply } from '../types.js';
import {
  cliFailure,
  errorReply,
  jsonRpcError,
  jsonRpcReply,
  replyTooLarge,
  type CliErrorCode,
} from './errors.js';
import { replyBudget } from '../limits.js';
import { paced } from '../pace.js';
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

/**
 * Runs every command of the call and answers with their results or EOS's error for the first
 * failure. Building stops at the first result that takes the reply past `replyLimit`, or when the
 * fleet stops; other devices get the event loop between commands once a slice of CPU is spent.
 */
export async function runCmds(
  call: RunCmdsCall,
  device: DeviceRuntime,
  user: string,
  replyLimit?: number,
): Promise<ApiReply> {
  let session = apiSession(device, user, 'user');
  const results: object[] = [];
  const commands: string[] = [];
  const budget = replyBudget(replyLimit);
  let failure: { code: CliErrorCode; index: number } | undefined;
  for await (const [index, command] of paced(device, call.cmds.entries())) {
    const step = runOne(device, session, command, call);
    session = step.session;
    if (step.canonical) commands.push(step.canonical);
    if (!budget.spend(JSON.stringify(step.entry).length + 1))
      return errorReply(replyTooLarge(call.id), commands);
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
  // A failed command answers with EOS's words for it, bare; asked for text, with the CLI's line too.
  const refuse = (error: string): Step => ({
    session,
    canonical: parsed.kind === 'ok' ? parsed.canonical : typed.trim(),
    entry:
      call.format === 'text' ? { output: `${asCliError(error)}\n`, errors: [error] } : { errors: [error] },
    error: 1002,
  });
  // eAPI takes commands spelled out; abbreviations only with `autoComplete`.
  const abbreviated =
    parsed.kind === 'ok' && !call.autoComplete ? abbreviatedColumn(typed, parsed.canonical) : undefined;
  if (abbreviated !== undefined) return refuse(eosInvalid(line, abbreviated));
  // Lines that do not parse fail in the CLI engine too, with the words the CLI prints.
  const run = runCliLine(device, session, line);
  if (run.output === asCliError(PRIVILEGE_REQUIRED)) return refuse(PRIVILEGE_REQUIRED);
  if (run.failed) return refuse(fromCliError(run.output));
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

/** Where the first keyword typed short of its full spelling starts, as EOS refuses it without `autoComplete`. */
function abbreviatedColumn(line: string, canonical: string): number | undefined {
  const spelled = canonical.split(' ');
  for (const [i, word] of splitWords(line).entries()) {
    const full = spelled[i];
    const typed = word.text.toLowerCase();
    if (full === undefined || full.startsWith('<')) return undefined;
    if (full !== typed && full.startsWith(typed)) return word.start;
  }
  return undefined;
}
