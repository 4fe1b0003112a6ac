/**
 * Faults written down: a topology's `faults:` list and an overlay file (`up --faults`) hold the same
 * specs (simulator/topology/faults.ts). Both are checked against the topology with located
 * diagnostics: the kind exists, named devices are nodes of it, a spec targets devices or a fraction.
 */
import { z } from 'zod';
import { LabfleetError, type Diagnostic } from '../errors.js';
import { FaultSpecSchema, resolveFaultSpec, type FaultSpec, type RawFaultSpec } from './faults.js';
import { parseInterfaceName } from './interfaces.js';
import { getKind } from './kinds/index.js';
import type { Topology } from './model.js';
import { Reporter } from './reporter.js';
import { diagnosticsFromIssues } from './schema-issues.js';
import { strictObject } from './schema-base.js';
import { parseSource, readSourceFile, type PathSegment } from './source.js';
import { closestNames } from './suggest.js';

/** An overlay file: `faults:` and nothing else, each item as a topology writes it. */
export const FaultsFileSchema = strictObject({
  faults: z.array(FaultSpecSchema).meta({ description: 'faults applied when the fleet starts, in order' }),
});

/** A node as the checks need it: its name and platform. */
interface NodeRef {
  name: string;
  platform: Topology['nodes'][number]['platform'];
}

/**
 * Resolves schema-valid fault specs against the nodes, reporting each problem at `faults[i]…`;
 * undefined when any is not valid.
 */
export function checkFaults(
  raw: readonly RawFaultSpec[] | undefined,
  nodes: readonly NodeRef[],
  reporter: Reporter,
): FaultSpec[] | undefined {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const specs: FaultSpec[] = [];
  let valid = true;
  for (const [i, item] of (raw ?? []).entries()) {
    const at = (...path: PathSegment[]): PathSegment[] => ['faults', i, ...path];
    const resolved = resolveFaultSpec(item);
    if ('problem' in resolved) {
      reporter.report('FAULT_TARGET_INVALID', resolved.problem, at());
      valid = false;
      continue;
    }
    for (const [j, name] of (item.devices ?? []).entries()) {
      const node = byName.get(name);
      if (!node) {
        const near = closestNames(name, [...byName.keys()]);
        const hint = near.length
          ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
          : 'no node has that name';
        reporter.report(
          'FAULT_DEVICE_UNKNOWN',
          `"${name}" is not a node of this topology; ${hint}`,
          at('devices', j),
        );
        valid = false;
      } else if (
        item.port !== undefined &&
        !parseInterfaceName(item.port, getKind(node.platform).interfaceTypes)
      ) {
        reporter.report(
          'FAULT_PORT_INVALID',
          `"${item.port}" is not an interface name of ${name} (${node.platform})`,
          at('port'),
        );
        valid = false;
      }
    }
    specs.push(resolved.spec);
  }
  return valid ? specs : undefined;
}

/** Checks overlay text against a topology: the specs, or every diagnostic found. */
export function validateFaultsText(
  text: string,
  topology: Topology,
  file = '<inline>',
): { faults?: FaultSpec[]; diagnostics: Diagnostic[] } {
  const parsed = parseSource(text, file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const result = FaultsFileSchema.safeParse(parsed.source.data, { reportInput: true });
  if (!result.success) return { diagnostics: diagnosticsFromIssues(result.error.issues, parsed.source) };
  const reporter = new Reporter(parsed.source);
  const faults = checkFaults(result.data.faults, topology.nodes, reporter);
  return faults ? { faults, diagnostics: [] } : { diagnostics: reporter.diagnostics };
}

/** Parses an overlay, throwing FAULT_INVALID with located diagnostics. */
export function parseFaults(text: string, topology: Topology, file = '<inline>'): FaultSpec[] {
  const result = validateFaultsText(text, topology, file);
  if (result.faults) return result.faults;
  const count = result.diagnostics.length;
  throw new LabfleetError('FAULT_INVALID', `${file}: ${count} problem${count === 1 ? '' : 's'} found`, {
    diagnostics: result.diagnostics,
  });
}

/** Loads an overlay file (`up --faults`). */
export async function loadFaults(file: string, topology: Topology): Promise<FaultSpec[]> {
  return parseFaults(await readSourceFile(file, 'faults file'), topology, file);
}

/** A resolved spec written back as a topology or overlay writes it (what the control takes). */
export function rawFaultSpec(spec: FaultSpec): RawFaultSpec {
  const { kind, target, forMs, params } = spec;
  return {
    kind,
    ...('devices' in target
      ? { devices: [...target.devices] }
      : { fraction: target.fraction, ...(target.seed === undefined ? {} : { seed: target.seed }) }),
    ...(forMs === undefined ? {} : { for: forMs }),
    delay: params.delayMs,
    rate: params.rate,
    ...(params.port === undefined ? {} : { port: params.port }),
    period: params.periodMs,
    downtime: params.downtimeMs,
  };
}
