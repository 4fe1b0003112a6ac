/**
 * Documented cabling vs what the devices report. Each physical deviation becomes one finding:
 * a swap of two cables, a cable moved to another port, a miswired port, a missing or an
 * unexpected cable, or a cable seen from one end only. Unreachable devices are never verified.
 */
import type { Platform } from '../../simulator/topology/kinds/index.js';
import type { DeviceResult } from '../collect.js';
import type { UnreachableSummary } from '../report/unreachable.js';
import type { Documentation, DocumentationProblem } from './documentation.js';
import { cableKey, canonicalHostname, canonicalInterface, portKey, renderPort, type Port } from './ports.js';

export type Finding =
  | { kind: 'missing'; a: Port; b: Port }
  | { kind: 'unexpected'; a: Port; b: Port }
  | { kind: 'miswired'; port: Port; expected: Port; found: Port }
  | { kind: 'moved'; from: Port; to: Port; peer: Port }
  | { kind: 'swapped'; ports: [Port, Port]; peers: [Port, Port] }
  | { kind: 'one-sided'; seenFrom: Port; other: Port };

export interface UnverifiableDevice {
  device: string;
  code: string;
  message: string;
}

export interface CablingReport {
  documentation: string;
  devices: { total: number; checked: number };
  cables: { documented: number; verified: number; unverifiable: number };
  /**
   * The documented cables counted in `cables.unverifiable`: neither end could confirm them, because a
   * device at an end did not answer (or was not checked). Drawings grey them out.
   */
  unverifiableCables: Cable[];
  findings: Finding[];
  unverifiable: UnverifiableDevice[];
  /** Devices that answered but the documentation does not name. */
  undocumentedDevices: string[];
  documentationProblems: DocumentationProblem[];
  /** True when every documented cable was verified and nothing else was found. */
  ok: boolean;
  /**
   * Present when Ctrl-C or SIGTERM stopped the run: how many devices were not finished. The report covers the
   * others only; cables to an unfinished device are unverifiable, as to an unreachable one.
   */
  interrupted?: { unfinished: number };
  /**
   * Present when every device failed alike before talking (refused, TLS mix-up, connect timeout):
   * the one likely cause. `unverifiable` still lists each device.
   */
  unreachable?: UnreachableSummary;
}

export interface Cable {
  a: Port;
  b: Port;
}

interface Observed extends Cable {
  seenFrom: Set<string>;
}

export function verifyCabling(
  doc: Documentation,
  results: readonly DeviceResult[],
  platformOf: (device: string) => Platform | undefined,
): CablingReport {
  const known = new Map<string, string>();
  for (const name of [...doc.devices, ...results.map((r) => r.device)]) known.set(name.toLowerCase(), name);
  const reachable = new Set(results.filter((r) => r.ok).map((r) => r.device.toLowerCase()));
  const observed = observeCables(results, known, platformOf);
  const documented = new Map(doc.cables.map((c) => [cableKey(c.a, c.b), c]));
  const findings: Finding[] = [];
  let verified = 0;
  const unverifiableCables: Cable[] = [];
  const pendingDoc = new Map<string, Cable>();
  for (const [key, cable] of documented) {
    const seen = observed.get(key);
    const bothUp = reachable.has(cable.a.device.toLowerCase()) && reachable.has(cable.b.device.toLowerCase());
    if (seen && bothUp && seen.seenFrom.size === 1) {
      const from = [cable.a, cable.b].find((p) => seen.seenFrom.has(p.device.toLowerCase()))!;
      findings.push({ kind: 'one-sided', seenFrom: from, other: from === cable.a ? cable.b : cable.a });
    } else if (seen) verified++;
    else if (!bothUp) unverifiableCables.push({ a: cable.a, b: cable.b });
    else pendingDoc.set(key, cable);
    observed.delete(key);
  }
  findings.push(...explainDifferences(pendingDoc, observed));
  const documentedNames = new Set(doc.devices.map((d) => d.toLowerCase()));
  const targeted = new Set(results.map((r) => r.device.toLowerCase()));
  const notTargeted = doc.devices.filter((d) => !targeted.has(d.toLowerCase()));
  const unfinished = results.filter((r) => r.status === 'interrupted').length;
  return {
    documentation: doc.source,
    devices: { total: results.length, checked: reachable.size },
    cables: { documented: documented.size, verified, unverifiable: unverifiableCables.length },
    unverifiableCables,
    findings,
    unverifiable: [
      ...results
        .filter((r) => !r.ok)
        .map((r) => ({ device: r.device, code: r.error!.code, message: r.error!.message })),
      ...notTargeted.map((device) => ({
        device,
        code: 'NOT_IN_INVENTORY',
        message: 'documented, but not among the devices checked',
      })),
    ],
    undocumentedDevices: results
      .filter((r) => r.ok && !documentedNames.has(r.device.toLowerCase()))
      .map((r) => r.device),
    documentationProblems: doc.problems,
    ok:
      findings.length === 0 &&
      results.every((r) => r.ok) &&
      notTargeted.length === 0 &&
      doc.problems.length === 0,
    ...(unfinished ? { interrupted: { unfinished } } : {}),
  };
}

/** Cables the devices report, keyed like documented ones; a cable seen from both ends is one cable. */
function observeCables(
  results: readonly DeviceResult[],
  known: Map<string, string>,
  platformOf: (device: string) => Platform | undefined,
): Map<string, Observed> {
  const cables = new Map<string, Observed>();
  for (const result of results) {
    if (!result.ok) continue;
    for (const n of result.neighbors ?? []) {
      const local = {
        device: result.device,
        interface: canonicalInterface(n.localInterface, result.platform),
      };
      const host = canonicalHostname(n.remoteDevice);
      const device = known.get(host.toLowerCase()) ?? host;
      const remote = { device, interface: canonicalInterface(n.remoteInterface, platformOf(device)) };
      const key = cableKey(local, remote);
      const cable = cables.get(key) ?? { a: local, b: remote, seenFrom: new Set<string>() };
      cable.seenFrom.add(result.device.toLowerCase());
      cables.set(key, cable);
    }
  }
  return cables;
}

/** Pairs up what is documented but not seen with what is seen but not documented. */
function explainDifferences(documented: Map<string, Cable>, observed: Map<string, Cable>): Finding[] {
  const findings: Finding[] = [];
  const docAt = indexByPort(documented);
  const obsAt = indexByPort(observed);
  const take = (cables: Map<string, Cable>, index: Map<string, string>, cable: Cable) => {
    const key = cableKey(cable.a, cable.b);
    cables.delete(key);
    index.delete(portKey(cable.a));
    index.delete(portKey(cable.b));
  };
  const docOf = (p: Port) => documented.get(docAt.get(portKey(p)) ?? '');
  const obsOf = (p: Port) => observed.get(obsAt.get(portKey(p)) ?? '');
  // Swaps: documented a–x and b–y, seen a–y and b–x.
  for (const cable of [...documented.values()]) {
    if (!documented.has(cableKey(cable.a, cable.b))) continue;
    for (const [a, x] of ends(cable)) {
      const seenAtA = obsOf(a);
      if (!seenAtA) continue;
      const y = other(seenAtA, a);
      const second = docOf(y);
      if (!second || second === cable) continue;
      const b = other(second, y);
      const seenAtB = obsOf(b);
      if (!seenAtB || portKey(other(seenAtB, b)) !== portKey(x)) continue;
      const swappedSide: [Port, Port] = a.device === b.device || x.device !== y.device ? [a, b] : [x, y];
      const peers: [Port, Port] = swappedSide[0] === a ? [x, y] : [a, b];
      findings.push({ kind: 'swapped', ports: swappedSide, peers });
      for (const c of [cable, second]) take(documented, docAt, c);
      for (const c of [seenAtA, seenAtB]) take(observed, obsAt, c);
      break;
    }
  }
  // Moves: documented a–x, seen c–x, nothing seen at a, nothing documented at c.
  for (const cable of [...documented.values()]) {
    for (const [a, x] of ends(cable)) {
      const seenAtX = obsOf(x);
      if (!seenAtX || obsOf(a) || docOf(other(seenAtX, x))) continue;
      findings.push({ kind: 'moved', from: a, to: other(seenAtX, x), peer: x });
      take(documented, docAt, cable);
      take(observed, obsAt, seenAtX);
      break;
    }
  }
  // Anything else seen on a documented port is a miswiring of that port.
  for (const cable of [...documented.values()]) {
    for (const [a, x] of ends(cable)) {
      const seenAtA = obsOf(a);
      if (!seenAtA) continue;
      findings.push({ kind: 'miswired', port: a, expected: x, found: other(seenAtA, a) });
      take(documented, docAt, cable);
      take(observed, obsAt, seenAtA);
      break;
    }
  }
  for (const cable of documented.values()) findings.push({ kind: 'missing', a: cable.a, b: cable.b });
  for (const cable of observed.values()) findings.push({ kind: 'unexpected', a: cable.a, b: cable.b });
  return findings;
}

function indexByPort(cables: Map<string, Cable>): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, cable] of cables) {
    index.set(portKey(cable.a), key);
    index.set(portKey(cable.b), key);
  }
  return index;
}

function ends(cable: Cable): Array<[Port, Port]> {
  return [
    [cable.a, cable.b],
    [cable.b, cable.a],
  ];
}

function other(cable: Cable, port: Port): Port {
  return portKey(cable.a) === portKey(port) ? cable.b : cable.a;
}

/** One line per finding, naming both ends. */
export function describeFinding(f: Finding): string {
  switch (f.kind) {
    case 'missing':
      return `MISSING     ${renderPort(f.a)} <-> ${renderPort(f.b)}: documented, not seen`;
    case 'unexpected':
      return `UNEXPECTED  ${renderPort(f.a)} <-> ${renderPort(f.b)}: seen, not documented`;
    case 'miswired':
      return `MISWIRED    ${renderPort(f.port)}: documented to ${renderPort(f.expected)}, found ${renderPort(f.found)}`;
    case 'moved':
      return `MOVED       the cable from ${renderPort(f.peer)} is in ${renderPort(f.to)}, documented in ${renderPort(f.from)}`;
    case 'swapped':
      return `SWAPPED     ${renderPort(f.ports[0])} and ${renderPort(f.ports[1])}: their cables (to ${renderPort(f.peers[0])} and ${renderPort(f.peers[1])}) are exchanged`;
    case 'one-sided':
      return `ONE-SIDED   ${renderPort(f.seenFrom)} <-> ${renderPort(f.other)}: seen only from ${f.seenFrom.device}`;
  }
}
