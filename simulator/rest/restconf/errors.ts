/**
 * RESTCONF error documents (RFC 8040 §7.1), as ConfD behind IOS-XE words them: `error-type`,
 * `error-tag`, then the message when there is one. The 404 `uri keypath not found` and the bare
 * 401 `access-denied` are from captures; the messages of the other errors are ours.
 */
import type { ApiReply } from '../types.js';
import { encode, type Format } from './encode.js';
import { mediaType } from './media.js';
import { container, leaves, list } from '../../personalities/cisco-ios/yang/tree.js';

export type ErrorType = 'transport' | 'rpc' | 'protocol' | 'application';

export interface RestconfError {
  status: number;
  type: ErrorType;
  tag: string;
  message?: string;
  /** Extra headers: `Allow` on 405, `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
}

/** The reply carrying `error` in `format`. */
export function errorReply(format: Format, error: RestconfError, base: Record<string, string>): ApiReply {
  const fields = leaves({ 'error-type': error.type, 'error-tag': error.tag, 'error-message': error.message });
  const doc = container('errors', [list('error', [], [fields])]);
  const body = encode(format, [{ node: doc, module: 'ietf-restconf' }]);
  return {
    status: error.status,
    headers: { ...base, 'content-type': mediaType(format), ...error.headers },
    body,
    commands: [],
  };
}

export const keypathNotFound = (): RestconfError => ({
  status: 404,
  type: 'application',
  tag: 'invalid-value',
  message: 'uri keypath not found',
});

export const malformed = (message: string): RestconfError => ({
  status: 400,
  type: 'protocol',
  tag: 'malformed-message',
  message,
});

export const invalidValue = (message: string): RestconfError => ({
  status: 400,
  type: 'application',
  tag: 'invalid-value',
  message,
});

/** A write to something that cannot be written here; `allow` lists what can be done to it. */
export const notAllowed = (allow: readonly string[]): RestconfError => ({
  status: 405,
  type: 'protocol',
  tag: 'operation-not-supported',
  message: 'operation not supported on this resource',
  headers: { allow: allow.join(', ') },
});
