/** Turns zod issues into located diagnostics that say what was wrong and what would be valid. */
import type { z } from 'zod';
import type { Diagnostic, DiagnosticCode } from '../errors.js';
import { PLATFORMS } from './kinds/index.js';
import { renderPath, type PathSegment, type SourceFile } from './source.js';

type Issue = z.core.$ZodIssue;

/** Every issue of a failed parse, located in the source. */
export function diagnosticsFromIssues(issues: readonly Issue[], source: SourceFile): Diagnostic[] {
  return issues.flatMap((issue) => fromIssue(issue, [], source));
}

function fromIssue(issue: Issue, base: PathSegment[], source: SourceFile): Diagnostic[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const make = (code: DiagnosticCode, message: string, at = path, key = false): Diagnostic => ({
    code,
    message,
    path: source.describe?.(at) ?? renderPath(at),
    location: source.locate(at, { key }),
  });
  switch (issue.code) {
    case 'unrecognized_keys':
      if (path.at(-1) === 'kinds')
        return issue.keys.map((k) => make('KIND_UNKNOWN', unknownKind(k), [...path, k], true));
      return issue.keys.map((k) =>
        make('KEY_UNKNOWN', `unknown key "${k}"; ${issue.message}`, [...path, k], true),
      );
    case 'invalid_type':
      if (issue.input === undefined)
        return [make('KEY_MISSING', `missing required key "${String(path.at(-1))}"`)];
      return [make('TYPE_INVALID', `expected ${issue.expected}, got ${describe(issue.input)}`)];
    case 'invalid_value':
      if (path.at(-1) === 'kind' && path.at(-3) === 'faults')
        return [
          make(
            'FAULT_KIND_UNKNOWN',
            `fault kind ${describe(issue.input)} does not exist; kinds: ${issue.values.join(', ')}`,
          ),
        ];
      if (path.at(-1) === 'kind') return [make('KIND_UNKNOWN', unknownKind(issue.input))];
      return [
        make('VALUE_INVALID', `${describe(issue.input)} is not valid; valid: ${issue.values.join(', ')}`),
      ];
    case 'invalid_key': {
      const key = path.at(-1);
      const inner = issue.issues[0]?.message ?? issue.message;
      if (path.at(-2) === 'kinds') return [make('KIND_UNKNOWN', unknownKind(key), path, true)];
      return [make('NAME_INVALID', `name "${String(key)}" is not valid: ${inner}`, path, true)];
    }
    case 'invalid_union':
      return fromUnion(issue, path, source, make);
    case 'custom': {
      const code = (issue.params as { code?: DiagnosticCode } | undefined)?.code ?? 'VALUE_INVALID';
      return [make(code, issue.message)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      if (Array.isArray(issue.input))
        return [make('VALUE_INVALID', `expected ${bound} items, got ${issue.input.length}`)];
      if (typeof issue.input === 'string')
        return [make('VALUE_INVALID', `expected ${bound} characters, got ${describe(issue.input)}`)];
      return [make('VALUE_INVALID', `expected ${bound}, got ${describe(issue.input)}`)];
    }
    default:
      return [
        make(
          'VALUE_INVALID',
          `${issue.message}${issue.input === undefined ? '' : `, got ${describe(issue.input)}`}`,
        ),
      ];
  }
}

/**
 * A union failed. When exactly one branch matched the shape (its problems are deeper than the
 * union itself), report that branch's problems; otherwise report the union's own message.
 */
function fromUnion(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathSegment[],
  source: SourceFile,
  make: (code: DiagnosticCode, message: string) => Diagnostic,
): Diagnostic[] {
  const candidates = issue.errors.filter((branch) => branch.length > 0 && !branch.some(isShallow));
  if (candidates.length === 1) return candidates[0]!.flatMap((inner) => fromIssue(inner, path, source));
  const code =
    issue.message.includes('duration') && typeof issue.input !== 'object'
      ? 'DURATION_INVALID'
      : 'TYPE_INVALID';
  return [make(code, `${issue.message}, got ${describe(issue.input)}`)];
}

/** A problem at the union's own level (wrong type, wrong keys, missing key): the branch did not fit. */
function isShallow(issue: Issue): boolean {
  if (issue.path.length === 0) {
    if (issue.code === 'invalid_type' || issue.code === 'unrecognized_keys') return true;
    if (issue.code === 'invalid_union') return issue.errors.every((branch) => branch.some(isShallow));
  }
  return (
    issue.path.length === 1 &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    issue.input === undefined
  );
}

function unknownKind(value: unknown): string {
  return `kind ${JSON.stringify(value)} is not supported. Supported kinds are ${PLATFORMS.join(', ')}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}
