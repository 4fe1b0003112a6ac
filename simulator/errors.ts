/** The project's one error root: every error the CLI can meet is a `LabfleetError` or a subclass. */
import { resolveExitCode, type DiagnosticCode, type ErrorCode, type ExitCode } from './error-codes.js';

export {
  DIAGNOSTIC_CODES,
  ERROR_CODES,
  EXIT,
  resolveExitCode,
  type DiagnosticCode,
  type ErrorCode,
  type ErrorCodeEntry,
  type ExitCode,
} from './error-codes.js';

/** Where a problem is, for humans: file:line:column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One finding of topology or drift validation. */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  /** Dotted path inside the document, e.g. `links[3].endpoints[1]`. */
  path: string;
  location?: SourceLocation;
}

/** The root error class; `code` is stable and catalogued, `cause` keeps the original. */
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

  /** The CLI's exit code for this error, from the catalogue. */
  get exitCode(): ExitCode {
    return resolveExitCode(this.code);
  }
}

/** `file:line:column: message [CODE]`, the form editors and CI logs turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column}: ` : '';
  const path = d.path ? `${d.path}: ` : '';
  return `${where}${path}${d.message} [${d.code}]`;
}
