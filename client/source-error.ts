/**
 * Errors in the files the client reads (inventories, documentation) in the topology loader's form:
 * the error says which file and how many problems; its diagnostics say `file:line:column: path:
 * what is wrong; what would be valid [CODE]`, and the CLI prints one per line.
 */
import type { Diagnostic } from '../simulator/errors.js';
import { ClientError, type ClientErrorCode } from './errors.js';

/** One error carrying every diagnostic; its own code stays the file's (INVENTORY_INVALID, …). */
export function createSourceError(
  code: ClientErrorCode,
  diagnostics: Diagnostic[],
  cause?: unknown,
): ClientError {
  const file = diagnostics[0]?.location?.file ?? '<inline>';
  const count = diagnostics.length;
  return new ClientError(code, `${file}: ${count} problem${count === 1 ? '' : 's'} found`, {
    cause,
    diagnostics,
  });
}
