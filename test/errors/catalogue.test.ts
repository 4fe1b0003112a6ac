/** The error catalogue: one root class, every code with an exit code of the contract. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, ClientError, isRetryable } from '../../client/errors.js';
import { DIAGNOSTIC_CODES, ERROR_CODES, LabfleetError, type ErrorCode } from '../../simulator/errors.js';
import { ROOT } from '../helpers.js';

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('the error catalogue', () => {
  it.each(codes)('%s has an exit code in {0, 1, 2, 130} and says when it happens', (code) => {
    expect([0, 1, 2, 130]).toContain(ERROR_CODES[code].exit);
    expect(ERROR_CODES[code].when).not.toBe('');
    expect(new LabfleetError(code, 'x').exitCode).toBe(ERROR_CODES[code].exit);
  });

  it('keeps diagnostic-only codes apart from error codes', () => {
    const diagnostics = Object.keys(DIAGNOSTIC_CODES);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((code) => code in ERROR_CODES)).toEqual([]);
  });

  it('is documented in the README, code by code', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(codes.filter((code) => !readme.includes(`\`${code}\``))).toEqual([]);
  });

  it('holds every client code', () => {
    expect(CLIENT_ERROR_CODES.filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});

describe('ClientError', () => {
  it('is a LabfleetError with its code, cause and catalogued exit code', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new ClientError('CONNECT_REFUSED', 'refused', { cause });
    expect(error).toBeInstanceOf(LabfleetError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error.code).toBe('CONNECT_REFUSED');
    expect(error.cause).toBe(cause);
    expect(error.diagnostics).toEqual([]);
    expect(error.exitCode).toBe(ERROR_CODES.CONNECT_REFUSED.exit);
  });

  it('is retryable for the same codes as before', () => {
    const retryable = CLIENT_ERROR_CODES.filter((code) => isRetryable(new ClientError(code, 'x')));
    expect(retryable).toEqual(['CONNECT_REFUSED', 'CONNECT_FAILED', 'SESSION_CLOSED']);
    expect(isRetryable(new LabfleetError('CONNECT_REFUSED', 'x'))).toBe(false);
  });
});
