/** Stable error codes: tests and scripts match on these, never on wording. */
export type ErrorCode =
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'TOPOLOGY_INVALID'
  | 'DRIFT_INVALID'
  | 'USAGE'
  | 'LISTEN_FAILED'
  // diagnostics inside TOPOLOGY_INVALID / DRIFT_INVALID
  | 'YAML_SYNTAX'
  | 'KEY_DUPLICATE'
  | 'EMPTY'
  | 'TYPE_INVALID'
  | 'VALUE_INVALID'
  | 'KEY_UNKNOWN'
  | 'KEY_MISSING'
  | 'KIND_UNKNOWN'
  | 'MODEL_UNKNOWN'
  | 'NAME_INVALID'
  | 'DURATION_INVALID'
  | 'ADDRESS_INVALID'
  | 'ADDRESS_DUPLICATE'
  | 'ADDRESS_OUTSIDE_POOL'
  | 'POOL_EXHAUSTED'
  | 'PROTOCOL_UNSUPPORTED'
  | 'ENDPOINT_INVALID'
  | 'ENDPOINT_NODE_UNKNOWN'
  | 'INTERFACE_INVALID'
  | 'INTERFACE_DUPLICATE'
  | 'LINK_SELF'
  | 'DRIFT_PORT_UNCABLED'
  | 'DRIFT_PORT_IN_USE'
  | 'DRIFT_NOOP';

/** Where a problem is, for humans: file:line:column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One finding of topology or drift validation. */
export interface Diagnostic {
  code: ErrorCode;
  message: string;
  /** Dotted path inside the document, e.g. `links[3].endpoints[1]`. */
  path: string;
  location?: SourceLocation;
}

/** The one error class of the simulator side; `code` is stable, `cause` keeps the original. */
export class LabfleetError extends Error {
  readonly code: ErrorCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; diagnostics?: Diagnostic[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LabfleetError';
    this.code = code;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** `file:line:column: message [CODE]`, the form editors and CI logs turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : '';
  const path = d.path ? `${d.path}: ` : '';
  return `${where}${path}${d.message} [${d.code}]`;
}
