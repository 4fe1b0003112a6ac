/** Loading a topology: read → YAML with positions → strict schema → semantic checks → resolved Topology. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LabfleetError, type Diagnostic } from '../errors.js';
import type { Topology } from './model.js';
import { resolveTopology } from './resolve.js';
import { Reporter } from './reporter.js';
import { diagnosticsFromIssues } from './schema-issues.js';
import { TopologySchema } from './schema.js';
import { parsePlainTopology } from './schema-fast.js';
import { parseSource, readSourceFile } from './source.js';
import { DEFAULT_TOPOLOGY } from './default-topology.js';
import { findForeignFormat, translatedSource } from './foreign/index.js';

export { DEFAULT_TOPOLOGY };

/** Outcome of validation: a topology, or every diagnostic found (never both). */
export interface ValidationResult {
  topology?: Topology;
  diagnostics: Diagnostic[];
  /** Diagnostics beyond the reported ones, counted but not listed. */
  omitted: number;
  /** The foreign format the file was translated from (`containerlab`, `netlab`); absent: labfleet's own. */
  format?: string;
  /** What the translation mapped, one line each (kinds, models, port names), for `validate`. */
  notes?: string[];
}

/** Validates topology text without throwing. */
export function validateTopologyText(text: string, file = '<inline>'): ValidationResult {
  const parsed = parseSource(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics, omitted: 0 };
  let source = parsed.source;
  let foreign: Pick<ValidationResult, 'format' | 'notes'> = {};
  const format = findForeignFormat(file, source.data);
  if (format) {
    const translation = format.translate(source);
    foreign = { format: format.name, notes: translation.notes };
    if (translation.diagnostics.length > 0)
      return { diagnostics: translation.diagnostics, omitted: translation.omitted, ...foreign };
    source = translatedSource(source, translation);
  }
  let raw = parsePlainTopology(source.data);
  if (!raw) {
    const result = TopologySchema.safeParse(source.data, { reportInput: true });
    if (!result.success)
      return { diagnostics: diagnosticsFromIssues(result.error.issues, source), omitted: 0, ...foreign };
    raw = result.data;
  }
  const reporter = new Reporter(source);
  const topology = resolveTopology(raw, reporter);
  return topology
    ? { topology, diagnostics: [], omitted: 0, ...foreign }
    : { diagnostics: reporter.diagnostics, omitted: reporter.omitted, ...foreign };
}

/** Parses topology text, throwing TOPOLOGY_INVALID with every diagnostic attached. */
export function parseTopology(text: string, file = '<inline>'): Topology {
  return unwrap(validateTopologyText(text, file), file);
}

/** Loads a topology file, or a bundled one by name (`lab-100`). */
export async function loadTopology(nameOrPath: string = DEFAULT_TOPOLOGY): Promise<Topology> {
  const result = await validateTopologyFile(nameOrPath);
  return unwrap(result, result.file);
}

/** Validates a file by path or bundled name, never throwing for content problems. */
export async function validateTopologyFile(nameOrPath: string): Promise<ValidationResult & { file: string }> {
  const file = resolveTopologyPath(nameOrPath);
  return { file, ...validateTopologyText(await readSourceFile(file, 'topology'), file) };
}

export function unwrap(
  result: ValidationResult,
  file: string,
  code: 'TOPOLOGY_INVALID' | 'DRIFT_INVALID' = 'TOPOLOGY_INVALID',
): Topology {
  if (result.topology) return result.topology;
  const count = result.diagnostics.length + result.omitted;
  throw new LabfleetError(code, `${file}: ${count} problem${count === 1 ? '' : 's'} found`, {
    diagnostics: result.diagnostics,
  });
}

/** The folder of bundled topologies (works from sources and from the build). */
export function bundledTopologiesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'topologies', 'lab-100.yaml'))) return join(dir, 'topologies');
    dir = dirname(dir);
  }
  throw new LabfleetError(
    'FILE_UNREADABLE',
    'the bundled topologies folder is missing from this installation',
  );
}

/** A path as given if it exists, else a bundled topology of that name (with or without `.yaml`). */
export function resolveTopologyPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return resolve(nameOrPath);
  if (!/[\\/]/.test(nameOrPath)) {
    const bundled = join(
      bundledTopologiesDir(),
      nameOrPath.endsWith('.yaml') ? nameOrPath : `${nameOrPath}.yaml`,
    );
    if (existsSync(bundled)) return bundled;
  }
  return resolve(nameOrPath);
}

/** Synchronous read for callers that already hold the text's path (tests, generators). */
export function readTopologySync(file: string): Topology {
  return parseTopology(readFileSync(file, 'utf8'), file);
}
