/**
 * A check report read back (`graph --report`) drawn over the topology it was checked against: the
 * topology's devices and cables with the report's states. Devices the report names but the topology
 * does not are added as undocumented, and listed so the caller can say so.
 */
import type { Topology } from '../../../simulator/topology/model.js';
import type { CablingReport } from '../../verify/verifier.js';
import { documentationFromTopology } from '../../verify/documentation.js';
import { findingPorts } from '../cables.js';
import type { Timing } from '../timing.js';
import { graphInputFromCheck } from './index.js';
import type { GraphInput } from './types.js';

export interface ReportOverlay {
  input: GraphInput;
  /** Devices in the report that the topology does not name, in the report's order. */
  foreign: string[];
}

export function graphInputFromReport(
  topology: Topology,
  report: CablingReport,
  timing: Timing,
): ReportOverlay {
  const documentation = documentationFromTopology(topology);
  const input = graphInputFromCheck({ report, results: [], timing, documentation }, topology);
  const known = new Map(topology.nodes.map((n) => [n.name.toLowerCase(), n.name]));
  const canonical = (device: string) => known.get(device.toLowerCase()) ?? device;
  const named = [
    ...report.undocumentedDevices,
    ...report.unverifiable.map((u) => u.device),
    ...report.findings.flatMap((f) => findingPorts(f).map((p) => p.device)),
    ...report.unverifiableCables.flatMap((c) => [c.a.device, c.b.device]),
  ];
  const foreign = [...new Set(named.filter((d) => !known.has(d.toLowerCase())))];
  const cables = input.cables.map((c) => ({
    ...c,
    a: { ...c.a, device: canonical(c.a.device) },
    b: { ...c.b, device: canonical(c.b.device) },
  }));
  const devices = [
    ...input.devices,
    ...foreign.map((name) => ({
      name,
      group: 'not in the topology',
      labels: {},
      state: 'undocumented' as const,
    })),
  ];
  return { input: { ...input, devices, cables }, foreign };
}
