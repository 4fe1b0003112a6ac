/**
 * eAPI's error catalogue: JSON-RPC errors for a malformed call, EOS's own codes for a command that
 * fails, and the nginx pages in front of the API. Every JSON-RPC error travels with HTTP 200.
 */
import type { ApiReply } from '../types.js';

/** What a failing command is called in the message (`CLI command 2 of 2 'x' failed: …`). */
export const CLI_ERRORS = {
  /** Did not parse: invalid, incomplete, ambiguous, or privileged-only at the `>` level. */
  1002: 'invalid command',
  /** Parsed, but has no JSON model (pyeapi: `Error [1003]: … failed: unconverted command`). */
  1003: 'unconverted command',
  /** `enable` with a wrong secret (Ansible issue 30802 shows 1005 for the enable step). */
  1005: 'permission to run command denied',
} as const;

export type CliErrorCode = keyof typeof CLI_ERRORS;

/** A JSON-RPC request id, echoed in the answer (null when the call had none or was unreadable). */
export type RequestId = string | number | null;

export interface JsonRpcError {
  kind: 'jsonrpc-error';
  id: RequestId;
  code: number;
  message: string;
  data?: unknown;
}

export function jsonRpcError(id: RequestId, code: number, message: string, data?: unknown): JsonRpcError {
  return { kind: 'jsonrpc-error', id, code, message, ...(data === undefined ? {} : { data }) };
}

export function isJsonRpcError(value: unknown): value is JsonRpcError {
  return typeof value === 'object' && value !== null && (value as JsonRpcError).kind === 'jsonrpc-error';
}

/** `CLI command 2 of 3 'show bogus' failed: invalid command`. */
export function cliFailure(code: CliErrorCode, index: number, total: number, cmd: string): string {
  return `CLI command ${index + 1} of ${total} '${cmd}' failed: ${CLI_ERRORS[code]}`;
}

const JSON_TYPE = 'application/json';

/** A JSON-RPC answer: `jsonrpc`, `id`, then `result` or `error`, as EOS orders them. */
export function jsonRpcReply(body: Record<string, unknown>, commands: readonly string[]): ApiReply {
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ jsonrpc: '2.0', ...body }),
    commands,
  };
}

export function errorReply(error: JsonRpcError, commands: readonly string[] = []): ApiReply {
  const { id, code, message, data } = error;
  return jsonRpcReply({ id, error: { code, message, ...(data === undefined ? {} : { data }) } }, commands);
}

/** nginx's own error page, as it serves it in front of the command API. */
export function nginxPage(status: number, reason: string): ApiReply {
  const title = `${status} ${reason}`;
  const body = [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return { status, headers: { 'content-type': 'text/html' }, body, commands: [] };
}

/**
 * A reply over the limit: EOS builds command output in a size-bounded filesystem and answers a
 * call whose output does not fit with JSON-RPC -32603 and the OS error (pyeapi issue 233: `Error
 * [-32603]: [Errno 28] No space left on device` for a huge text output).
 */
export const replyTooLarge = (id: RequestId): JsonRpcError =>
  jsonRpcError(id, -32603, '[Errno 28] No space left on device');

/** The body EOS answers wrong or missing credentials with (pyeapi issue 153 quotes it). */
export const UNAUTHORIZED_TEXT = 'Unable to authenticate user: Bad username/password combination';
