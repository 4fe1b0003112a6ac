/**
 * Every error the control API answers with has one shape, `{statusCode, code, error, message}`
 * (plus `diagnostics` for drift), and a status that says whose fault it is: 400 a bad request,
 * 404 an unknown device, port, fault or route, 500 the API's own failure (the fleet keeps serving),
 * 503 a worker of the fleet that has ended or does not answer.
 */
import { STATUS_CODES } from 'node:http';
import { LabfleetError, type Diagnostic, type ErrorCode } from '../errors.js';
import { WorkerUnavailableError } from '../fleet/workers.js';
import { describeSchemaErrors, type SchemaError } from './validation.js';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  diagnostics?: Array<Pick<Diagnostic, 'code' | 'path' | 'message'>>;
}

/** Diagnostics that mean "no such thing" rather than "not valid". */
const NOT_FOUND_DIAGNOSTICS = new Set(['ENDPOINT_NODE_UNKNOWN', 'INTERFACE_INVALID']);

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  DEVICE_UNKNOWN: 404,
  FAULT_UNKNOWN: 404,
  FAULT_INVALID: 400,
  DRIFT_INVALID: 400,
  USAGE: 400,
  CONTROL_REQUEST_INVALID: 400,
  CONTROL_UNAUTHORIZED: 401,
};

export function errorBody(statusCode: number, code: ErrorCode, message: string): ErrorBody {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** What fastify hands the error handler: ours, its own (with a code), or a validation failure. */
interface RequestError {
  code?: string;
  statusCode?: number;
  message: string;
  validation?: SchemaError[];
}

/**
 * The answer to an error thrown while serving `route`. `bodyCode` is the code of a body the schema
 * refused (FAULT_INVALID for a fault); `bodyRoot` names the body in paths.
 */
export function replyFor(error: unknown, route: { bodyCode?: ErrorCode; bodyRoot?: string } = {}): ErrorBody {
  // A worker of the fleet that has ended or does not answer: the fleet cannot serve this now.
  if (error instanceof WorkerUnavailableError) return errorBody(503, error.code, error.message);
  if (error instanceof LabfleetError) {
    const missing = error.diagnostics.some((d) => NOT_FOUND_DIAGNOSTICS.has(d.code));
    const body = errorBody(missing ? 404 : (STATUS_OF[error.code] ?? 500), error.code, error.message);
    if (error.diagnostics.length > 0)
      body.diagnostics = error.diagnostics.map(({ code, path, message }) => ({ code, path, message }));
    return body;
  }
  const e = error as RequestError;
  if (e.validation)
    return errorBody(
      400,
      route.bodyCode ?? 'CONTROL_REQUEST_INVALID',
      describeSchemaErrors(e.validation, route.bodyRoot ?? ''),
    );
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errorBody(400, 'CONTROL_REQUEST_INVALID', `the body is not valid JSON: ${e.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errorBody(413, 'CONTROL_REQUEST_INVALID', `the body is larger than the API takes: ${e.message}`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errorBody(
        415,
        'CONTROL_REQUEST_INVALID',
        `${e.message}; send the body as JSON (Content-Type: application/json)`,
      );
  }
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500)
    return errorBody(e.statusCode, 'CONTROL_REQUEST_INVALID', e.message);
  return errorBody(500, 'CONTROL_FAILED', `the control API failed: ${e.message}; the fleet keeps serving`);
}
