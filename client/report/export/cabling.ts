/**
 * Which cabling an export writes. `check` writes what the neighbours showed: the documented cables
 * seen (verified, or seen from one end only) and the cables seen but not documented, never the
 * documented ones nobody saw. `graph` writes the topology's cabling, drifted when asked, or what a
 * check report found.
 */
import { basename } from 'node:path';
import type { Topology } from '../../../simulator/topology/model.js';
import { createWorld, type DriftItem } from '../../../simulator/topology/world.js';
import type { CheckResult } from '../../check.js';
import type { Cable, Finding } from '../../verify/verifier.js';
import { reportCables, type ReportCable } from '../cables.js';
import type { GraphInput } from '../graph/types.js';
import type { ExportCabling, ExportDevice } from './types.js';

/** The cables a check saw, from its report cables and findings. */
export function observedCables(cables: readonly ReportCable[], findings: readonly Finding[]): Cable[] {
  return cables
    .filter(
      (c) =>
        !c.documented ||
        c.state === 'verified' ||
        (c.finding !== undefined && findings[c.finding]?.kind === 'one-sided'),
    )
    .map((c) => ({ a: c.a, b: c.b }));
}

/** Devices in order of first mention, later mentions filling in what earlier ones lacked. */
function collectDevices(devices: readonly ExportDevice[], cables: readonly Cable[]): ExportDevice[] {
  const byName = new Map<string, ExportDevice>();
  const ends = cables.flatMap((c): ExportDevice[] => [{ name: c.a.device }, { name: c.b.device }]);
  for (const d of [...devices, ...ends]) {
    const key = d.name.toLowerCase();
    const known = byName.get(key);
    byName.set(
      key,
      known ? { ...known, platform: known.platform ?? d.platform, model: known.model ?? d.model } : d,
    );
  }
  return [...byName.values()];
}

/** What a check's neighbours showed, with the platforms of the devices it reached. */
export function cablingFromCheck(check: CheckResult, topology?: Topology): ExportCabling {
  const cables = observedCables(reportCables(check.documentation, check.report), check.report.findings);
  const devices = collectDevices(
    [
      ...(topology?.nodes.map((n) => ({ name: n.name, platform: n.platform, model: n.model })) ?? []),
      ...check.results.map((r) => ({ name: r.device, platform: r.platform })),
    ],
    cables,
  );
  const name = topology?.name ?? basename(check.documentation.source).replace(/\.[^.]+$/, '');
  return { name, devices, cables };
}

/** The topology's cables, as the drift leaves them (every physical cable, whatever runs on it). */
export function cablingFromTopology(topology: Topology, drift: readonly DriftItem[] = []): ExportCabling {
  const cables = createWorld(topology, [...drift]).cables.map((c) => ({
    a: { device: c.a.node, interface: c.a.interface },
    b: { device: c.b.node, interface: c.b.interface },
  }));
  const devices = topology.nodes.map((n) => ({ name: n.name, platform: n.platform, model: n.model }));
  return { name: topology.name, devices, cables };
}

/** What a check report (drawn over its topology) says the neighbours showed. */
export function cablingFromGraphInput(input: GraphInput, name: string): ExportCabling {
  const cables = observedCables(input.cables, input.findings);
  const devices = collectDevices(
    input.devices.map((d) => ({ name: d.name, platform: d.platform, model: d.model })),
    cables,
  );
  return { name, devices, cables };
}
