/** YAML/JSON documents the client reads (inventories, containerlab files), failing with a catalogued code. */
import { load, YAMLException } from 'js-yaml';
import { ClientError, type ClientErrorCode } from './errors.js';

/** Parses `text` (YAML or JSON); a syntax error is a `ClientError(code)` saying file:line:column. */
export function parseYamlDocument(
  text: string,
  file: string,
  code: Extract<ClientErrorCode, 'INVENTORY_INVALID' | 'DOCUMENTATION_INVALID'>,
): unknown {
  try {
    return load(text, { filename: file });
  } catch (cause) {
    if (!(cause instanceof YAMLException)) throw cause;
    const where = `${file}:${cause.mark.line + 1}:${cause.mark.column + 1}`;
    throw new ClientError(code, `${where}: not valid YAML or JSON: ${cause.reason}`, { cause });
  }
}
