/**
 * Reading a `runCmds` call: the JSON-RPC 2.0 envelope, then the parameters EOS's command API takes.
 * A malformed call is a JSON-RPC error (HTTP 200), never an exception.
 */
import { jsonRpcError, type JsonRpcError, type RequestId } from './errors.js';
import { isObject } from '../../format/guards.js';
import { COMMAND_LIMITS } from '../limits.js';

export interface EapiCommand {
  /** The line as sent (quoted back in error messages). */
  cmd: string;
  /** Answer to the command's prompt (`enable` secret). */
  input?: string;
}

export interface RunCmdsCall {
  id: RequestId;
  format: 'json' | 'text';
  cmds: EapiCommand[];
  autoComplete: boolean;
  expandAliases: boolean;
  timestamps: boolean;
  stopOnError: boolean;
}

/**
 * The keyword arguments of EOS's `runCmds` handler. EOS answers an unknown one with Python's own
 * TypeError text (pyeapi matches `unexpected keyword argument '(.*)'` to explain it).
 */
const PARAMS = new Set([
  'version',
  'cmds',
  'format',
  'timestamps',
  'autoComplete',
  'expandAliases',
  'stopOnError',
  'streaming',
  'includeErrorDetail',
]);
const BOOLEAN_PARAMS = [
  'timestamps',
  'autoComplete',
  'expandAliases',
  'stopOnError',
  'streaming',
  'includeErrorDetail',
];

/** Parses the body into a call, or the JSON-RPC error EOS would answer. */
export function readRunCmds(body: Buffer): RunCmdsCall | JsonRpcError {
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
  } catch {
    return jsonRpcError(null, -32700, 'Parse error');
  }
  if (!isObject(message)) return jsonRpcError(null, -32600, 'Invalid Request');
  const id = requestId(message.id);
  if (message.jsonrpc !== '2.0' || typeof message.method !== 'string')
    return jsonRpcError(id, -32600, 'Invalid Request');
  if (message.method !== 'runCmds') return jsonRpcError(id, -32601, 'Method not found');
  const params = message.params;
  if (!isObject(params)) return jsonRpcError(id, -32602, 'Invalid params');
  return readParams(id, params);
}

function requestId(value: unknown): RequestId {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

function readParams(id: RequestId, params: Record<string, unknown>): RunCmdsCall | JsonRpcError {
  const invalid = (message: string) => jsonRpcError(id, -32602, message);
  const unknown = Object.keys(params).find((key) => !PARAMS.has(key));
  if (unknown !== undefined) return invalid(`runCmds() got an unexpected keyword argument '${unknown}'`);
  for (const required of ['version', 'cmds'])
    if (!(required in params))
      return invalid(`runCmds() missing 1 required positional argument: '${required}'`);
  const { version, cmds } = params;
  if (version !== 1 && version !== 'latest')
    return invalid(`Unsupported API version ${JSON.stringify(version)}: expected 1 or "latest"`);
  const format = params.format ?? 'json';
  if (format !== 'json' && format !== 'text')
    return invalid(`Invalid format ${JSON.stringify(format)}: expected "json" or "text"`);
  for (const name of BOOLEAN_PARAMS)
    if (name in params && typeof params[name] !== 'boolean')
      return invalid(`Invalid value for '${name}': expected a boolean`);
  if (!Array.isArray(cmds)) return invalid("Invalid value for 'cmds': expected a list of commands");
  // labfleet's bound, not EOS's (limits.ts): refused before any command runs.
  if (cmds.length > COMMAND_LIMITS.eapi)
    return invalid(`Too many commands: ${cmds.length} given, at most ${COMMAND_LIMITS.eapi} per request`);
  const commands: EapiCommand[] = [];
  for (const entry of cmds) {
    const command = readCommand(entry);
    if (!command)
      return invalid(`Invalid command ${JSON.stringify(entry)}: expected a string or {"cmd": …, "input": …}`);
    commands.push(command);
  }
  const flag = (name: string, fallback: boolean) => (params[name] as boolean | undefined) ?? fallback;
  return {
    id,
    format,
    cmds: commands,
    autoComplete: flag('autoComplete', false),
    expandAliases: flag('expandAliases', false),
    timestamps: flag('timestamps', false),
    stopOnError: flag('stopOnError', true),
  };
}

function readCommand(entry: unknown): EapiCommand | undefined {
  if (typeof entry === 'string') return { cmd: entry };
  if (!isObject(entry) || typeof entry.cmd !== 'string') return undefined;
  if (entry.input !== undefined && typeof entry.input !== 'string') return undefined;
  return entry.input === undefined ? { cmd: entry.cmd } : { cmd: entry.cmd, input: entry.input };
}
