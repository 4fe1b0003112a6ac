/**
 * A containerlab topology (`<name>.clab.yml`): each device a node of the kind that runs its
 * platform and model, labelled `labfleet.model` so an import keeps the model, and each cable a
 * brief link. Endpoints use the NOS interface name where the kind accepts it as an alias
 * (containerlab ≥ 0.56); cEOS only takes Linux names, `ethN` (`eth1_1` for `Ethernet1/1`). A port
 * no alias reaches gets an `ethN` of its own (its place among the model's ports when that is free),
 * and a note. No image is written: give one per kind (`topology.kinds.<kind>.image`) to deploy.
 */
import { expandModelPorts } from '../../../simulator/topology/interfaces.js';
import { findModel, getKind, type Platform } from '../../../simulator/topology/kinds/index.js';
import type { Port } from '../../verify/ports.js';
import { byName } from './order.js';
import type { ExportCabling, ExportDevice, ExportOutput } from './types.js';

/** How a containerlab kind names data ports: an alias it maps to `eth<n>`, or a Linux name. */
interface ClabKind {
  kind: string;
  /** The NOS names the kind accepts, the port number captured; `eth<number - offset + 1>`. */
  alias?: { pattern: RegExp; offset: number };
  /** The Linux name a kind without aliases takes for a NOS name, if it has one. */
  linuxName?: (iface: string) => string | undefined;
}

const N9KV: ClabKind = { kind: 'cisco_n9kv', alias: { pattern: /^Ethernet1\/(\d+)$/, offset: 1 } };
const C8000V: ClabKind = { kind: 'cisco_c8000v', alias: { pattern: /^GigabitEthernet(\d+)$/, offset: 2 } };
const CAT9KV: ClabKind = {
  kind: 'cisco_cat9kv',
  alias: { pattern: /^GigabitEthernet1\/0\/(\d+)$/, offset: 1 },
};
const junos = (kind: string): ClabKind => ({
  kind,
  alias: { pattern: /^(?:ge|xe|et)-0\/0\/(\d+)$/, offset: 0 },
});
const CEOS: ClabKind = {
  kind: 'arista_ceos',
  linuxName: (iface) => /^Ethernet(\d+(?:\/\d+)*)$/.exec(iface)?.[1]?.replace(/\//g, '_').replace(/^/, 'eth'),
};
const LINUX: ClabKind = { kind: 'linux' };

/**
 * The kind table: per platform, the first model pattern that matches wins. containerlab's kinds
 * and their aliases as its node code defines them (nodes/vr_n9kv, vr_c8000v, vr_cat9kv, vr_vqfx,
 * vr_vjunosswitch, ceos).
 */
const KINDS: Record<Platform, ReadonlyArray<{ model: RegExp; kind: ClabKind }>> = {
  arista_eos: [{ model: /./, kind: CEOS }],
  cisco_nxos: [{ model: /./, kind: N9KV }],
  cisco_ios: [
    { model: /^(C9[2-5]00|WS-C3[68]50)/i, kind: CAT9KV },
    { model: /./, kind: C8000V },
  ],
  juniper_junos: [
    { model: /^QFX/i, kind: junos('juniper_vqfx') },
    { model: /^EX/i, kind: junos('juniper_vjunosswitch') },
    { model: /./, kind: junos('juniper_vjunosrouter') },
  ],
};

/** The containerlab kind for a device (`linux` for one whose platform is unknown). */
export function clabKindOf(device: ExportDevice): ClabKind {
  if (!device.platform) return LINUX;
  const model = device.model ?? getKind(device.platform).defaultModel;
  return KINDS[device.platform].find((k) => k.model.test(model))!.kind;
}

/** Each cabled port of one device → the endpoint name containerlab is given. */
function endpointNames(
  device: ExportDevice,
  ports: readonly string[],
  fallbacks: string[],
): Map<string, string> {
  const kind = clabKindOf(device);
  const names = new Map<string, string>();
  const used = new Set<number>();
  const pending: string[] = [];
  for (const iface of ports) {
    const match = kind.alias?.pattern.exec(iface);
    const index = match ? Number(match[1]) - kind.alias!.offset + 1 : undefined;
    const linux = kind.linuxName?.(iface);
    if (index !== undefined && index >= 1) {
      names.set(iface, iface);
      used.add(index);
    } else if (linux) {
      names.set(iface, linux);
      const n = /^eth(\d+)$/.exec(linux);
      if (n) used.add(Number(n[1]));
    } else pending.push(iface);
  }
  const spec =
    device.platform && device.model ? findModel(getKind(device.platform), device.model) : undefined;
  const modelPorts = spec ? expandModelPorts(spec) : [];
  for (const iface of pending.sort(byName)) {
    const place = modelPorts.indexOf(iface) + 1;
    let index = place > 0 && !used.has(place) ? place : Math.max(0, ...used) + 1;
    while (used.has(index)) index++;
    used.add(index);
    names.set(iface, `eth${index}`);
    fallbacks.push(`${device.name} ${iface}`);
  }
  return names;
}

const q = (value: string) => JSON.stringify(value);

export function renderContainerlab(cabling: ExportCabling): ExportOutput {
  const fallbacks: string[] = [];
  const devices = new Map<string, ExportDevice>();
  for (const d of cabling.devices) if (!devices.has(d.name)) devices.set(d.name, d);
  const portsOf = new Map<string, string[]>([...devices.keys()].map((name) => [name, []]));
  for (const c of cabling.cables)
    for (const p of [c.a, c.b]) {
      if (!portsOf.has(p.device)) {
        devices.set(p.device, { name: p.device });
        portsOf.set(p.device, []);
      }
      portsOf.get(p.device)!.push(p.interface);
    }
  const names = new Map<string, Map<string, string>>();
  for (const [name, ports] of portsOf) names.set(name, endpointNames(devices.get(name)!, ports, fallbacks));
  const lines = [`name: ${q(cabling.name)}`, 'topology:', '  nodes:'];
  const sorted = [...devices.values()].sort((a, b) => byName(a.name, b.name));
  for (const device of sorted) {
    lines.push(`    ${q(device.name)}:`, `      kind: ${clabKindOf(device).kind}`);
    if (device.model) lines.push('      labels:', `        labfleet.model: ${q(device.model)}`);
  }
  if (sorted.length === 0) lines[2] = '  nodes: {}';
  lines.push(cabling.cables.length ? '  links:' : '  links: []');
  for (const c of cabling.cables) {
    const name = (p: Port) => names.get(p.device)!.get(p.interface)!;
    // an end not written by its NOS name gets it in a comment
    const renamed = [c.a, c.b]
      .filter((p) => name(p) !== p.interface)
      .map((p) => `${p.device} ${p.interface}`);
    const comment = renamed.length ? `  # ${renamed.join(', ')}` : '';
    lines.push(
      `    - endpoints: [${q(`${c.a.device}:${name(c.a)}`)}, ${q(`${c.b.device}:${name(c.b)}`)}]${comment}`,
    );
  }
  const notes: string[] = [];
  const unknown = sorted.filter((d) => !d.platform).length;
  if (unknown > 0) notes.push(`${unknown} device(s) of unknown platform written as kind linux`);
  if (fallbacks.length > 0)
    notes.push(
      `${fallbacks.length} port(s) have no containerlab alias in their node's kind (${fallbacks.slice(0, 3).join(', ')}${fallbacks.length > 3 ? ', …' : ''}): written ethN by their place among the model's ports, the NOS name in a comment on the link`,
    );
  return { text: lines.join('\n') + '\n', notes };
}
