/** The client side's error catalogue: stable codes for per-device failures and bad documentation. */

export type ClientErrorCode =
  | 'CONNECT_REFUSED'
  | 'CONNECT_FAILED'
  /** TLS could not be set up: no TLS there, or a certificate that does not chain to the CA given. */
  | 'TLS_FAILED'
  | 'AUTH_FAILED'
  | 'TIMEOUT'
  | 'SESSION_CLOSED'
  | 'COMMAND_FAILED'
  | 'NO_DRIVER'
  | 'INVENTORY_INVALID'
  | 'DOCUMENTATION_INVALID';

export class ClientError extends Error {
  readonly code: ClientErrorCode;
  constructor(code: ClientErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClientError';
    this.code = code;
  }
}

/** Failures worth another try: the device may just be busy or still starting. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ClientError &&
    ['CONNECT_REFUSED', 'CONNECT_FAILED', 'SESSION_CLOSED'].includes(error.code)
  );
}
