/** The diagnostics sink every validation phase after the schema writes to. */
import type { Diagnostic, DiagnosticCode } from '../errors.js';
import { renderPath, type LocateOptions, type PathSegment, type SourceFile } from './source.js';

const MAX_DIAGNOSTICS = 200;

/** Collects located diagnostics, keeping the first MAX_DIAGNOSTICS and counting the rest. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  omitted = 0;
  constructor(readonly source: SourceFile) {}

  report(code: DiagnosticCode, message: string, path: PathSegment[], key = false): void {
    this.reportAt(code, message, path, { key });
  }

  /** Reports at a line and column inside a string value (a template's own position). */
  reportAt(code: DiagnosticCode, message: string, path: PathSegment[], options: LocateOptions): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.omitted++;
      return;
    }
    this.diagnostics.push({
      code,
      message,
      path: this.source.describe?.(path) ?? renderPath(path),
      location: this.source.locate(path, options),
    });
  }

  where(path: PathSegment[]): string {
    const at = this.source.locate(path);
    return `${this.source.describe?.(path) ?? renderPath(path)} (line ${at.line})`;
  }
}
