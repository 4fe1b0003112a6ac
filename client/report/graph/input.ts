/**
 * What the drawing shows: devices put in groups people recognise (racks, roles, pods, sites), each
 * with its state, and the cables from the report. Groups are ordered core first (drawn top left),
 * then by name, numbers compared as numbers (`rack 2` before `rack 10`).
 */
import type { Platform } from '../../../simulator/topology/kinds/index.js';
import type { Topology } from '../../../simulator/topology/model.js';
import type { DriftItem } from '../../../simulator/topology/world.js';
import type { CheckResult } from '../../check.js';
import { reportCables } from '../cables.js';
import { checkDrifted } from './drift-overlay.js';
import type { DeviceState, GraphDevice, GraphInput } from './types.js';

/** Roles drawn as their own group ahead of the racks, in this order (lower layers later). */
const CORE_ROLES = [
  'core',
  'super-spine',
  'superspine',
  'spine',
  'aggregation',
  'agg',
  'distribution',
  'border',
];

/** Labels that make groups, the first any device carries wins; each with how its group is named. */
const GROUP_LABELS: Array<{ label: string; name: (value: string) => string }> = [
  { label: 'rack', name: (v) => `rack ${v}` },
  { label: 'role', name: (v) => v },
  { label: 'pod', name: (v) => `pod ${v}` },
  { label: 'site', name: (v) => `site ${v}` },
];

const PLATFORM_NAMES: Record<Platform, string> = {
  cisco_ios: 'Cisco IOS',
  cisco_nxos: 'Cisco NX-OS',
  arista_eos: 'Arista EOS',
  juniper_junos: 'Juniper Junos',
};

/** Devices without any grouping label are chunked, in name order, into groups of at most this many. */
export const CHUNK = 200;

export const UNDOCUMENTED_GROUP = 'not documented';
const UNLABELLED_GROUP = 'other';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Name order with numbers compared as numbers; ties broken by code units so the order is total. */
export const naturalCompare = (a: string, b: string): number =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

interface Groupable {
  name: string;
  labels: Record<string, string>;
  platform?: Platform;
}

const coreRank = (role: string | undefined) =>
  role === undefined ? -1 : CORE_ROLES.indexOf(role.toLowerCase());

/**
 * Each device's group: a core role (spine, aggregation…) when it has one, else its rack, else its
 * role, pod or site (the first of these labels any device carries); with no such label at all, its
 * platform, split into name-ordered chunks of at most `CHUNK` devices.
 */
export function assignGroups(devices: readonly Groupable[]): Map<string, string> {
  const key = GROUP_LABELS.find((g) => devices.some((d) => d.labels[g.label] !== undefined));
  const groups = new Map<string, string>();
  if (key) {
    for (const d of devices) {
      const role = d.labels.role;
      const value = d.labels[key.label];
      groups.set(
        d.name,
        coreRank(role) >= 0 ? role! : value !== undefined ? key.name(value) : UNLABELLED_GROUP,
      );
    }
    return groups;
  }
  const byPlatform = new Map<string, string[]>();
  for (const d of devices) {
    const layer = d.platform ? PLATFORM_NAMES[d.platform] : 'devices';
    byPlatform.set(layer, [...(byPlatform.get(layer) ?? []), d.name]);
  }
  for (const [layer, names] of byPlatform) {
    names.sort(naturalCompare);
    if (names.length <= CHUNK) for (const name of names) groups.set(name, layer);
    else
      for (let i = 0; i < names.length; i += CHUNK) {
        const chunk = names.slice(i, i + CHUNK);
        const group = `${layer} ${chunk[0]}…${chunk[chunk.length - 1]}`;
        for (const name of chunk) groups.set(name, group);
      }
  }
  return groups;
}

/** Core roles first (in `CORE_ROLES` order), then groups by name, the undocumented last. */
function compareGroups(a: string, b: string): number {
  const last = (g: string) => (g === UNDOCUMENTED_GROUP ? 2 : g === UNLABELLED_GROUP ? 1 : 0);
  const rank = (g: string) => {
    const r = coreRank(g);
    return r < 0 ? CORE_ROLES.length : r;
  };
  return last(a) - last(b) || rank(a) - rank(b) || naturalCompare(a, b);
}

/** Devices in drawing order: group by group, by name within a group. */
export function orderDevices(devices: GraphDevice[]): GraphDevice[] {
  return [...devices].sort((a, b) => compareGroups(a.group, b.group) || naturalCompare(a.name, b.name));
}

/** What a check found, to draw: the documented devices (with the topology's details when given),
 * the devices that answered but are not documented, and each cable's state. */
export function graphInputFromCheck(check: CheckResult, topology?: Topology): GraphInput {
  const { report, documentation, results } = check;
  const cables = reportCables(documentation, report);
  const down = new Map(report.unverifiable.map((u) => [u.device.toLowerCase(), u]));
  const inProblem = new Set(
    cables
      .filter((c) => c.state === 'problem')
      .flatMap((c) => [c.a.device, c.b.device].map((d) => d.toLowerCase())),
  );
  const documented = new Map<string, string>();
  for (const name of documentation.devices) documented.set(name.toLowerCase(), name);
  const resultOf = new Map(results.map((r) => [r.device.toLowerCase(), r]));

  const devices: GraphDevice[] = [];
  const seen = new Set<string>();
  const add = (name: string, documentedDevice: boolean, seenAs?: string) => {
    const lower = name.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    const node = topology?.nodeByName.get(name);
    const result = resultOf.get(lower);
    const unverifiable = down.get(lower);
    let state: DeviceState;
    let reason: string | undefined;
    if (unverifiable) {
      state = 'unverifiable';
      reason = `${unverifiable.message} [${unverifiable.code}]`;
    } else if (!documentedDevice) {
      state = 'undocumented';
      reason = seenAs ?? 'answered, but the documentation does not name it';
    } else state = inProblem.has(lower) ? 'problem' : 'ok';
    const platform = node?.platform ?? result?.platform;
    devices.push({
      name,
      group: documentedDevice ? '' : UNDOCUMENTED_GROUP,
      labels: node?.labels ?? {},
      state,
      ...(reason ? { reason } : {}),
      ...(platform ? { platform } : {}),
      ...(node ? { model: node.model, mgmt: node.mgmtAddress } : {}),
      ...(!node && result?.version?.model ? { model: result.version.model } : {}),
    });
  };
  for (const name of documentation.devices) add(name, true);
  for (const r of results) if (!documented.has(r.device.toLowerCase())) add(r.device, false);
  for (const c of cables)
    for (const [end, other] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const)
      if (!documented.has(end.device.toLowerCase()))
        add(end.device, false, `not documented; seen as the neighbour of ${other.device} ${other.interface}`);

  const documentedDevices = devices.filter((d) => d.group === '');
  const groups = assignGroups(documentedDevices);
  for (const d of documentedDevices) d.group = groups.get(d.name)!;
  return {
    title: topology?.name ?? documentation.source,
    devices: orderDevices(devices),
    cables,
    findings: report.findings,
  };
}

/** A topology as documented, every device and cable ok; given drift, what check would find in the drifted lab (drift-overlay.ts). */
export function graphInputFromTopology(topology: Topology, drift: readonly DriftItem[] = []): GraphInput {
  if (drift.length > 0) return graphInputFromCheck(checkDrifted(topology, drift), topology);
  const groups = assignGroups(topology.nodes);
  return {
    title: topology.name,
    devices: orderDevices(
      topology.nodes.map((n) => ({
        name: n.name,
        group: groups.get(n.name)!,
        labels: n.labels,
        state: 'ok',
        platform: n.platform,
        model: n.model,
        mgmt: n.mgmtAddress,
      })),
    ),
    cables: topology.links.map((l) => ({
      a: { device: l.a.node, interface: l.a.interface },
      b: { device: l.b.node, interface: l.b.interface },
      documented: true,
      state: 'verified',
    })),
    findings: [],
  };
}
