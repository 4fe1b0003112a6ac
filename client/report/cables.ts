/**
 * Every cable a report speaks of, each with its state: the documented cables (verified,
 * unverifiable, or part of a finding) and the cables seen but not documented (each part of a
 * finding). Drawings, the HTML report and JUnit all read the report through this, so a cable is
 * marked the same way everywhere.
 */
import type { Documentation } from '../verify/documentation.js';
import { cableKey, portKey, type Port } from '../verify/ports.js';
import type { Cable, CablingReport, Finding } from '../verify/verifier.js';

export type CableState = 'verified' | 'unverifiable' | 'problem';

export interface ReportCable {
  a: Port;
  b: Port;
  /** Documented (what should be) or observed only (what is, and should not be). */
  documented: boolean;
  state: CableState;
  /** Index in `report.findings` of the finding this cable belongs to (state `problem`). */
  finding?: number;
  /** Why a cable is unverifiable: the device at an end that did not answer, with its error code. */
  reason?: string;
}

/** The documented cables a finding is about, and the cables seen instead. */
export function findingCables(finding: Finding): { documented: Cable[]; observed: Cable[] } {
  switch (finding.kind) {
    case 'missing':
      return { documented: [{ a: finding.a, b: finding.b }], observed: [] };
    case 'unexpected':
      return { documented: [], observed: [{ a: finding.a, b: finding.b }] };
    case 'miswired':
      return {
        documented: [{ a: finding.port, b: finding.expected }],
        observed: [{ a: finding.port, b: finding.found }],
      };
    case 'moved':
      return {
        documented: [{ a: finding.from, b: finding.peer }],
        observed: [{ a: finding.to, b: finding.peer }],
      };
    case 'swapped':
      return {
        documented: [
          { a: finding.ports[0], b: finding.peers[0] },
          { a: finding.ports[1], b: finding.peers[1] },
        ],
        observed: [
          { a: finding.ports[0], b: finding.peers[1] },
          { a: finding.ports[1], b: finding.peers[0] },
        ],
      };
    case 'one-sided':
      return { documented: [{ a: finding.seenFrom, b: finding.other }], observed: [] };
  }
}

/** Every port a finding names, for highlighting the devices it touches. */
export function findingPorts(finding: Finding): Port[] {
  const { documented, observed } = findingCables(finding);
  const seen = new Map<string, Port>();
  for (const cable of [...documented, ...observed])
    for (const port of [cable.a, cable.b]) seen.set(portKey(port), port);
  return [...seen.values()];
}

/**
 * The documented cables in documentation order, then the cables seen but not documented in
 * finding order. A documented cable named by a finding is a `problem` even when an end is down.
 */
export function reportCables(documentation: Documentation, report: CablingReport): ReportCable[] {
  const problemOf = new Map<string, number>();
  const observedOnly: ReportCable[] = [];
  report.findings.forEach((finding, index) => {
    const { documented, observed } = findingCables(finding);
    for (const cable of documented) problemOf.set(cableKey(cable.a, cable.b), index);
    for (const cable of observed)
      observedOnly.push({ ...cable, documented: false, state: 'problem', finding: index });
  });
  const unverifiable = new Set(report.unverifiableCables.map((c) => cableKey(c.a, c.b)));
  const down = new Map(report.unverifiable.map((u) => [u.device.toLowerCase(), u]));
  const whyUnverifiable = (cable: Cable) => {
    const device = [cable.a, cable.b]
      .map((p) => down.get(p.device.toLowerCase()))
      .find((u) => u !== undefined);
    return device ? `${device.device} did not answer [${device.code}]` : 'no end could confirm it';
  };
  const seen = new Set<string>();
  const documented: ReportCable[] = [];
  for (const cable of documentation.cables) {
    const key = cableKey(cable.a, cable.b);
    if (seen.has(key)) continue;
    seen.add(key);
    const finding = problemOf.get(key);
    if (finding !== undefined)
      documented.push({ a: cable.a, b: cable.b, documented: true, state: 'problem', finding });
    else if (unverifiable.has(key))
      documented.push({
        a: cable.a,
        b: cable.b,
        documented: true,
        state: 'unverifiable',
        reason: whyUnverifiable(cable),
      });
    else documented.push({ a: cable.a, b: cable.b, documented: true, state: 'verified' });
  }
  return [...documented, ...observedOnly];
}
