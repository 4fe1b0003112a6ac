/**
 * Errors in the files the client reads (inventories, documentation) in the topology loader's
 * form, `file:line:column: path: what is wrong; what would be valid [CODE]`, carried by a
 * ClientError whose own code stays the file's (INVENTORY_INVALID, DOCUMENTATION_INVALID).
 */
import { formatDiagnostic, type Diagnostic } from '../simulator/errors.js';
import { ClientError, type ClientErrorCode } from './errors.js';

/** One error naming every diagnostic, one per line. */
export function createSourceError(
  code: ClientErrorCode,
  diagnostics: readonly Diagnostic[],
  cause?: unknown,
): ClientError {
  return new ClientError(code, diagnostics.map(formatDiagnostic).join('\n'), { cause });
}
