/**
 * The JSON-RPC form of NX-API (`Content-Type: application/json-rpc`), what napalm's
 * nxapi_plumbing and pynxos send: a batch `[{"jsonrpc": "2.0", "method": "cli", "params": {"cmd":
 * …, "version": 1}, "id": 1}, …]` or one such object. Commands run in order in one session
 * (configuration lines are recognised without `configure terminal`); the first failure ends the
 * batch: its error closes the answer, later commands are not run, and the HTTP status is 500
 * (napalm-automation/napalm#995). An envelope that is not JSON-RPC at all answers 200 with a
 * single error and a null id (greenpau/go-cisco-nx-api resp.error.200.invalid.request.txt).
 */
import type { DeviceRuntime } from '../../device/runtime.js';
import type { Json, JsonObject } from './json.js';
import { NXAPI } from './messages.js';
import { asciiBody, runCommand, startRun, type NxapiRun } from './run.js';
import { isObject } from '../../format/guards.js';
import { printCjson } from './json.js';
import { COMMAND_LIMITS, replyBudget } from '../limits.js';
import { paced } from '../pace.js';

export interface JsonRpcResult {
  status: number;
  document: Json;
  commands: readonly string[];
}

type Id = string | number | null;

const rpcError = (code: number, message: string, id: Id, msg?: string): JsonObject => ({
  jsonrpc: '2.0',
  error: { code, message, ...(msg === undefined ? {} : { data: { msg } }) },
  id,
});

/** An answer to the whole body, not to one call: id null. */
export const envelopeError = (code: number, message: string, msg?: string): JsonRpcResult => ({
  status: 200,
  document: rpcError(code, message, null, msg),
  commands: [],
});

/** -32700: the body is not JSON. */
export const parseError = (): JsonRpcResult => envelopeError(-32700, 'Parse error');

const idOf = (call: Record<string, unknown>): Id =>
  typeof call.id === 'string' || typeof call.id === 'number' ? call.id : null;

/** One call: a result, or an error that ends the batch. */
function answer(run: NxapiRun, call: Record<string, unknown>): { reply: JsonObject; failed: boolean } {
  const id = idOf(call);
  const fail = (code: number, message: string, msg?: string) => ({
    reply: rpcError(code, message, id, msg),
    failed: true,
  });
  if (call.method !== 'cli' && call.method !== 'cli_ascii') return fail(-32601, 'Method not found');
  const params = call.params;
  const cmd = isObject(params) && typeof params.cmd === 'string' ? params.cmd.trim() : '';
  if (cmd === '') return fail(-32602, 'Invalid params', NXAPI.noInput.msg);
  const ascii = call.method === 'cli_ascii';
  if (!ascii && cmd.includes('|')) return fail(-32602, 'Invalid params', NXAPI.pipe.msg);
  const outcome = runCommand(run, cmd, true);
  if (outcome.kind === 'cli-error') return fail(-32602, 'Invalid params', outcome.clierror);
  const ok = (result: Json) => ({ reply: { jsonrpc: '2.0', result, id }, failed: false });
  if (ascii) return ok({ msg: asciiBody(outcome.text) });
  if (outcome.body !== undefined) return ok({ body: outcome.body });
  // A configuration line has no body: its result is null (`configure terminal`'s banner included).
  if (outcome.text === '' || run.session.mode !== 'exec') return ok(null);
  return fail(-32602, 'Invalid params', NXAPI.noStructured.msg);
}

/** `sh ver`, `show clock`: a call that runs a show command. */
const isShow = (call: Record<string, unknown>) => {
  const cmd = isObject(call.params) && typeof call.params.cmd === 'string' ? call.params.cmd : '';
  const word = cmd.trim().split(/\s+/)[0]!.toLowerCase();
  return word.length >= 2 && 'show'.startsWith(word);
};

/** The longest run of consecutive show calls. */
function longestShowRun(calls: ReadonlyArray<Record<string, unknown>>): number {
  let run = 0;
  let longest = 0;
  for (const call of calls) {
    run = isShow(call) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Runs a parsed JSON-RPC body. More than 10 show calls in a row are refused before any runs (the
 * box's limit; the JSON-RPC wrapping of its 413 is ours: no capture found). A call whose answer
 * takes the reply past `replyLimit` fails the batch with -32603 and the box's 413 message. The
 * event loop serves other devices between calls once a slice of CPU is spent (pace.ts).
 */
export async function runJsonRpc(
  parsed: unknown,
  device: DeviceRuntime,
  user: string,
  replyLimit?: number,
): Promise<JsonRpcResult> {
  const calls = Array.isArray(parsed) ? parsed : [parsed];
  const valid = calls.length > 0 && calls.every((c) => isObject(c) && c.jsonrpc === '2.0');
  if (!valid)
    return envelopeError(-32600, 'Invalid request', 'JSON-RPC version structure was not found in request');
  if (longestShowRun(calls as Array<Record<string, unknown>>) > COMMAND_LIMITS.nxapiShows)
    return envelopeError(-32600, 'Invalid request', NXAPI.tooManyShows.msg);
  const run = startRun(device, user);
  const budget = replyBudget(replyLimit);
  const replies: JsonObject[] = [];
  let failed = false;
  for await (const call of paced(device, calls as Array<Record<string, unknown>>)) {
    const step = answer(run, call);
    if (!budget.spend(printCjson(step.reply, 2).length + 2)) {
      replies.push(rpcError(-32603, 'Internal error', idOf(call), NXAPI.replyTooLarge.msg));
      failed = true;
      break;
    }
    replies.push(step.reply);
    if (step.failed) {
      failed = true;
      break;
    }
  }
  return {
    status: failed ? 500 : 200,
    document: Array.isArray(parsed) ? replies : replies[0]!,
    commands: run.commands,
  };
}
