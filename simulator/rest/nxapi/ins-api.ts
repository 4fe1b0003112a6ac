/**
 * The ins_api form of NX-API: `{"ins_api": {"type": "cli_show", "input": "cmd ;cmd", …}}` in,
 * `{"ins_api": {"type", "version", "sid": "eoc", "outputs": {"output": …}}}` out (one output per
 * command, an object when there is one). Show commands run independently; configuration lines
 * stop at the first error (NX-API's default `stop-on-error`).
 */
import type { DeviceRuntime } from '../../device/runtime.js';
import { printCjson, type JsonObject } from './json.js';
import { COMMAND_LIMITS, replyBudget } from '../limits.js';
import { NXAPI } from './messages.js';
import { asciiBody, runCommand, splitInput, startRun, type NxapiRun } from './run.js';
import { nxosMajor } from '../../personalities/cisco-nxos/render/version.js';
import { paced } from '../pace.js';

export interface InsApiRequest {
  type?: unknown;
  version?: unknown;
  chunk?: unknown;
  input?: unknown;
}

export interface InsApiResult {
  /** The `ins_api` document to print (JSON or XML). */
  document: JsonObject;
  commands: readonly string[];
}

type Status = (typeof NXAPI)[keyof typeof NXAPI];
const status = (s: Status) => ({ msg: s.msg, code: s.code });

function showOutput(run: NxapiRun, input: string, ascii: boolean): JsonObject {
  if (!ascii && input.includes('|')) return { input, ...status(NXAPI.pipe) };
  const outcome = runCommand(run, input);
  if (outcome.kind === 'cli-error') return { input, clierror: outcome.clierror, ...status(NXAPI.cliError) };
  if (ascii) return { input, ...status(NXAPI.success), body: asciiBody(outcome.text) };
  if (outcome.body === undefined) return { input, ...status(NXAPI.noStructured) };
  return { input, ...status(NXAPI.success), body: outcome.body };
}

async function confOutputs(run: NxapiRun, inputs: readonly string[]): Promise<JsonObject[]> {
  const outputs: JsonObject[] = [];
  for await (const input of paced(run.device, inputs)) {
    const outcome = runCommand(run, input);
    if (outcome.kind === 'cli-error') {
      outputs.push({ clierror: outcome.clierror, ...status(NXAPI.confError) });
      break;
    }
    outputs.push({ body: {}, ...status(NXAPI.success) });
  }
  return outputs;
}

/** 9.x and later answer as NX-API 1.2 (the reference capture); 7.x as 1.0. */
const answerVersion = (device: DeviceRuntime) => (nxosMajor(device.state().version) >= 9 ? '1.2' : '1.0');

/**
 * Show commands in order; the one whose output takes the reply past `replyLimit` is answered with
 * NX-API's 413 instead, and nothing after it runs.
 */
async function showOutputs(
  run: NxapiRun,
  inputs: readonly string[],
  ascii: boolean,
  replyLimit?: number,
): Promise<JsonObject[]> {
  const budget = replyBudget(replyLimit);
  const outputs: JsonObject[] = [];
  for await (const input of paced(run.device, inputs)) {
    const output = showOutput(run, input, ascii);
    if (!budget.spend(printCjson(output, 4).length + 2)) {
      outputs.push({ input, ...status(NXAPI.replyTooLarge) });
      break;
    }
    outputs.push(output);
  }
  return outputs;
}

/**
 * Runs an ins_api request that parsed; message-level problems become one error output. The event
 * loop serves other devices between commands once a slice of CPU is spent (pace.ts).
 */
export async function runInsApi(
  request: InsApiRequest,
  device: DeviceRuntime,
  user: string,
  replyLimit?: number,
): Promise<InsApiResult> {
  const type = typeof request.type === 'string' ? request.type : '';
  const envelope = (output: JsonObject | JsonObject[], commands: readonly string[] = []): InsApiResult => ({
    document: {
      ins_api: {
        type,
        version: answerVersion(device),
        sid: 'eoc',
        outputs: { output: Array.isArray(output) && output.length === 1 ? output[0]! : output },
      },
    },
    commands,
  });
  if (!['cli_show', 'cli_show_ascii', 'cli_conf'].includes(type)) return envelope(status(NXAPI.badType));
  const inputs = typeof request.input === 'string' ? splitInput(request.input) : [];
  if (inputs.length === 0) return envelope(status(NXAPI.noInput));
  const chunk =
    typeof request.chunk === 'string' || typeof request.chunk === 'number' ? String(request.chunk) : '0';
  if (chunk !== '0') return envelope(status(NXAPI.chunkXmlOnly));
  if (type === 'cli_conf') {
    const run = startRun(device, user, 'config');
    return envelope(await confOutputs(run, inputs), run.commands);
  }
  // The box's own limit, checked before anything runs.
  if (inputs.length > COMMAND_LIMITS.nxapiShows) return envelope(status(NXAPI.tooManyShows));
  const run = startRun(device, user);
  return envelope(await showOutputs(run, inputs, type === 'cli_show_ascii', replyLimit), run.commands);
}

/** The answer to a body that is not an ins_api document at all (captured as XML from a Nexus). */
export function malformedInsApi(): JsonObject {
  return { ins_api: { outputs: { output: status(NXAPI.badRequest) } } };
}
