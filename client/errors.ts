/** The client side's errors: per-device failures and bad inventories, under the one error root. */
import { LabfleetError, type Diagnostic, type ErrorCode } from '../simulator/errors.js';

/** The catalogue's codes a client error can carry. */
export const CLIENT_ERROR_CODES = [
  'CONNECT_REFUSED',
  'CONNECT_FAILED',
  'TLS_FAILED',
  'AUTH_FAILED',
  'TIMEOUT',
  'SESSION_CLOSED',
  'COMMAND_FAILED',
  'NO_DRIVER',
  'INVENTORY_INVALID',
  'DOCUMENTATION_INVALID',
  'IMPORT_INVALID',
] as const satisfies readonly ErrorCode[];

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** A failure of the client: a `LabfleetError` whose code is one of the client's. */
export class ClientError extends LabfleetError {
  declare readonly code: ClientErrorCode;
  constructor(
    code: ClientErrorCode,
    message: string,
    options: { cause?: unknown; diagnostics?: Diagnostic[] } = {},
  ) {
    super(code, message, options);
    this.name = 'ClientError';
  }
}

/** Failures worth another try: the device may just be busy or still starting. */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ClientError &&
    ['CONNECT_REFUSED', 'CONNECT_FAILED', 'SESSION_CLOSED'].includes(error.code)
  );
}
