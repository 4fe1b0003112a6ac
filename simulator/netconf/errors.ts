/**
 * `<rpc-error>` as RFC 6241 Appendix A defines it: a type (transport, rpc, protocol, application),
 * a tag from the fixed list, a severity, an optional message and the error-info the tag calls for
 * (bad-element, bad-attribute, session-id). Builders name the tag so call sites read like the RFC.
 */
import { BASE_NS, el, type XmlElement } from './xml.js';

export type ErrorType = 'transport' | 'rpc' | 'protocol' | 'application';

export type ErrorTag =
  | 'in-use'
  | 'invalid-value'
  | 'too-big'
  | 'missing-attribute'
  | 'bad-attribute'
  | 'unknown-attribute'
  | 'missing-element'
  | 'bad-element'
  | 'unknown-element'
  | 'unknown-namespace'
  | 'access-denied'
  | 'lock-denied'
  | 'resource-denied'
  | 'rollback-failed'
  | 'data-exists'
  | 'data-missing'
  | 'operation-not-supported'
  | 'operation-failed'
  | 'malformed-message';

export interface RpcError {
  type: ErrorType;
  tag: ErrorTag;
  severity?: 'error' | 'warning';
  appTag?: string;
  /** An instance-identifier of the node in error (`/rpc/edit-config/target`). */
  path?: string;
  message?: string;
  /** error-info children: `bad-element`, `bad-attribute`, `session-id`, or a vendor's own. */
  info?: ReadonlyArray<readonly [name: string, value: string]>;
}

/** The `<rpc-error>` element, in the base namespace (inherited from `<rpc-reply>`). */
export function renderRpcError(error: RpcError, options: { ns?: string } = {}): XmlElement {
  const children = [
    el('error-type', error.type),
    el('error-tag', error.tag),
    el('error-severity', error.severity ?? 'error'),
    ...(error.appTag ? [el('error-app-tag', error.appTag)] : []),
    ...(error.path ? [el('error-path', error.path)] : []),
    ...(error.message ? [el('error-message', error.message, { attributes: [['xml:lang', 'en']] })] : []),
    ...(error.info?.length
      ? [
          el(
            'error-info',
            error.info.map(([k, v]) => el(k, v)),
          ),
        ]
      : []),
  ];
  return el('rpc-error', children, { ns: options.ns ?? BASE_NS });
}

/** A message that is not well-formed XML, or not a NETCONF message at all. */
export const malformedMessage = (message?: string): RpcError => ({
  type: 'rpc',
  tag: 'malformed-message',
  ...(message ? { message } : {}),
});

/** `<rpc>` without `message-id` (RFC 6241 §4.1's own example). */
export const missingMessageId = (): RpcError => ({
  type: 'rpc',
  tag: 'missing-attribute',
  info: [
    ['bad-attribute', 'message-id'],
    ['bad-element', 'rpc'],
  ],
});

/** An operation or parameter the server does not know. */
export const unknownElement = (
  element: string,
  type: ErrorType = 'protocol',
  message?: string,
): RpcError => ({
  type,
  tag: 'unknown-element',
  ...(message ? { message } : {}),
  info: [['bad-element', element]],
});

/** A parameter the operation needs and does not have (`<target>` of edit-config). */
export const missingElement = (element: string, type: ErrorType = 'protocol'): RpcError => ({
  type,
  tag: 'missing-element',
  info: [['bad-element', element]],
});

/** A parameter whose value the server does not accept. */
export const badElement = (element: string, message?: string, type: ErrorType = 'protocol'): RpcError => ({
  type,
  tag: 'bad-element',
  ...(message ? { message } : {}),
  info: [['bad-element', element]],
});

export const invalidValue = (message: string, type: ErrorType = 'protocol'): RpcError => ({
  type,
  tag: 'invalid-value',
  message,
});

/** `<lock>` on a datastore another session holds: its session-id, or 0 for a non-NETCONF holder. */
export const lockDenied = (holder: number, message = 'Lock failed, lock is already held'): RpcError => ({
  type: 'protocol',
  tag: 'lock-denied',
  message,
  info: [['session-id', String(holder)]],
});

/** A write to a datastore another session has locked. */
export const inUse = (message = 'the configuration database is locked by another session'): RpcError => ({
  type: 'protocol',
  tag: 'in-use',
  message,
});

export const operationNotSupported = (message?: string, type: ErrorType = 'protocol'): RpcError => ({
  type,
  tag: 'operation-not-supported',
  ...(message ? { message } : {}),
});

export const operationFailed = (message: string, type: ErrorType = 'application'): RpcError => ({
  type,
  tag: 'operation-failed',
  message,
});

/** A request or a reply over labfleet's bounds (not a limit any vendor documents; the wording is ours). */
export const tooBig = (message: string): RpcError => ({ type: 'rpc', tag: 'too-big', message });

export const dataExists = (path: string): RpcError => ({
  type: 'application',
  tag: 'data-exists',
  path,
  message: 'data already exists',
});

export const dataMissing = (path: string): RpcError => ({
  type: 'application',
  tag: 'data-missing',
  path,
  message: 'data does not exist',
});
