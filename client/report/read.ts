/**
 * Reading back what `check --format json` wrote, for drawing it later: the file must say it is a
 * labfleet check report of the version this labfleet writes, and every field is checked, so a
 * broken or foreign file is a located REPORT_INVALID error rather than a wrong drawing.
 */
import { z } from 'zod';
import { LabfleetError, type Diagnostic } from '../../simulator/errors.js';
import { diagnosticsFromIssues } from '../../simulator/topology/schema-issues.js';
import { strictObject } from '../../simulator/topology/schema.js';
import {
  parseSource,
  renderPath,
  type PathSegment,
  type SourceFile,
} from '../../simulator/topology/source.js';
import type { CablingReport } from '../verify/verifier.js';
import { REPORT_JSON_FORMAT, REPORT_JSON_VERSION, type Timing } from './index.js';
import { jsonSyntaxDiagnostic } from './json-syntax.js';

const Port = strictObject({ device: z.string(), interface: z.string() });
const Cable = strictObject({ a: Port, b: Port });

const FINDING_KINDS = ['missing', 'unexpected', 'miswired', 'moved', 'swapped', 'one-sided'] as const;

/** The kind first (so a wrong one says which are valid), then that kind's fields. */
const Finding = z.looseObject({ kind: z.enum(FINDING_KINDS) }).pipe(
  z.discriminatedUnion('kind', [
    strictObject({ kind: z.literal('missing'), a: Port, b: Port }),
    strictObject({ kind: z.literal('unexpected'), a: Port, b: Port }),
    strictObject({ kind: z.literal('miswired'), port: Port, expected: Port, found: Port }),
    strictObject({ kind: z.literal('moved'), from: Port, to: Port, peer: Port }),
    strictObject({
      kind: z.literal('swapped'),
      ports: z.tuple([Port, Port]),
      peers: z.tuple([Port, Port]),
    }),
    strictObject({ kind: z.literal('one-sided'), seenFrom: Port, other: Port }),
  ]),
);

const count = z.number().int().min(0);

/** The JSON report, field by field (`renderReport(…, 'json')` writes it). */
export const ReportJsonSchema = strictObject({
  format: z.literal(REPORT_JSON_FORMAT),
  version: z.literal(REPORT_JSON_VERSION),
  documentation: z.string(),
  devices: strictObject({ total: count, checked: count }),
  cables: strictObject({ documented: count, verified: count, unverifiable: count }),
  unverifiableCables: z.array(Cable),
  findings: z.array(Finding),
  unverifiable: z.array(strictObject({ device: z.string(), code: z.string(), message: z.string() })),
  undocumentedDevices: z.array(z.string()),
  documentationProblems: z.array(strictObject({ where: z.string(), message: z.string() })),
  ok: z.boolean(),
  interrupted: strictObject({ unfinished: count }).optional(),
  unreachable: strictObject({
    code: z.string(),
    devices: count,
    transport: z.enum(['ssh', 'rest', 'netconf']),
    addresses: z.string(),
    bind: z.enum(['ip', 'port']),
    cause: z.string(),
  }).optional(),
  timing: strictObject({ seconds: z.number().min(0), devices: count, perDevice: z.number().min(0) }),
});

export interface ReadReport {
  report: CablingReport;
  timing: Timing;
}

const invalid = (file: string, diagnostics: Diagnostic[]) =>
  new LabfleetError(
    'REPORT_INVALID',
    `${file}: not a check report this labfleet can read: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found`,
    { diagnostics },
  );

/** The schema's issues, located; a finding's `kind` is not a node kind (which the shared wording assumes). */
function describeIssues(issues: readonly z.core.$ZodIssue[], source: SourceFile): Diagnostic[] {
  return issues.flatMap((issue) => {
    const path = issue.path as PathSegment[];
    if (issue.code === 'invalid_value' && path.at(-1) === 'kind')
      return [
        {
          code: 'VALUE_INVALID' as const,
          message: `${JSON.stringify(issue.input)} is not valid; valid: ${FINDING_KINDS.join(', ')}`,
          path: renderPath(path),
          location: source.locate(path),
        },
      ];
    return diagnosticsFromIssues([issue], source);
  });
}

/** Parses a `check --format json` report; REPORT_INVALID with `file:line:column` diagnostics otherwise. */
export function readReportJson(text: string, file: string): ReadReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw invalid(file, [jsonSyntaxDiagnostic(text, file, cause)]);
  }
  const located = () => parseSource(text, file).source!;
  const identity = checkIdentity(data);
  if (identity) {
    const { path, message } = identity;
    const location = path.length ? located().locate(path) : { file, line: 1, column: 1 };
    throw invalid(file, [{ code: 'VALUE_INVALID', message, path: path.join('.'), location }]);
  }
  const result = ReportJsonSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw invalid(file, describeIssues(result.error.issues, located()));
  const { timing, ...rest } = result.data;
  const report: CablingReport = { ...rest };
  delete (report as Partial<typeof rest>).format;
  delete (report as Partial<typeof rest>).version;
  return { report, timing: { seconds: timing.seconds, devices: timing.devices } };
}

/** Before the fields: is this a labfleet check report, and of this version? Says what it is instead. */
function checkIdentity(data: unknown): { path: string[]; message: string } | undefined {
  const expected = `a labfleet check report (\`check --format json\`) starts with "format": "${REPORT_JSON_FORMAT}"`;
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { path: [], message: `${expected}; this file holds ${describeJson(data)}` };
  const { format, version } = data as Record<string, unknown>;
  if (format !== REPORT_JSON_FORMAT) {
    if (format === undefined)
      return { path: [], message: `${expected}; this file has no "format" (${lookalike(data)})` };
    return { path: ['format'], message: `${expected}; this file says "format": ${JSON.stringify(format)}` };
  }
  if (version !== REPORT_JSON_VERSION)
    return {
      path: ['version'],
      message: `written by labfleet report version ${JSON.stringify(version ?? null)}; this labfleet reads version ${REPORT_JSON_VERSION}`,
    };
  return undefined;
}

/** What a JSON file without `format` most looks like, from its keys. */
function lookalike(data: object): string {
  const keys = Object.keys(data);
  if (keys.includes('findings') && keys.includes('cables'))
    return 'it looks like a check report from a labfleet before reports were versioned; run the check again';
  if (keys.includes('nodes') && keys.includes('links')) return 'it looks like a topology, not a check report';
  if (keys.includes('drift')) return 'it looks like a drift file, not a check report';
  if (keys.includes('devices') && Array.isArray((data as { devices: unknown }).devices))
    return 'it looks like an inventory, not a check report';
  return `its keys are ${keys.slice(0, 6).join(', ') || 'none'}${keys.length > 6 ? ', …' : ''}`;
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
