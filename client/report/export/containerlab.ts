/**
 * A containerlab topology (`<name>.clab.yml`): each device a node of the kind that runs its
 * platform and model, labelled `labfleet.model` so an import keeps the model, and each cable a
 * brief link. Ports are numbered by the import's own table (simulator/topology/foreign/
 * containerlab-kinds.ts), so `labfleet up` of the file serves the same cabling. Endpoints use the
 * NOS interface name, which containerlab ≥ 0.56 accepts as an alias of the image's `ethN`; cEOS
 * takes only Linux names, `ethN` (`eth49_1` for `Ethernet49/1`). A port the kind's image does not
 * have (a TenGigabitEthernet1/1/1 on a cat9kv) keeps its NOS name, which labfleet reads and a
 * real containerlab refuses: a note says which. No image is written: give one per kind
 * (`topology.kinds.<kind>.image`) to deploy.
 */
import {
  CONTAINERLAB_KINDS,
  type ContainerlabKind,
} from '../../../simulator/topology/foreign/containerlab-kinds.js';
import type { Platform } from '../../../simulator/topology/kinds/index.js';
import { getKind } from '../../../simulator/topology/kinds/index.js';
import type { Port } from '../../verify/ports.js';
import { byName } from './order.js';
import type { ExportCabling, ExportDevice, ExportOutput } from './types.js';

/** The kind a device is written as: per platform, the first model pattern that matches wins. */
const KINDS: Record<Platform, ReadonlyArray<{ model: RegExp; kind: string }>> = {
  arista_eos: [{ model: /./, kind: 'arista_ceos' }],
  cisco_nxos: [{ model: /./, kind: 'cisco_n9kv' }],
  cisco_ios: [
    { model: /^(C9[2-5]00|WS-C3[68]50|C9KV)/i, kind: 'cisco_cat9kv' },
    { model: /^IOL/i, kind: 'cisco_iol' },
    { model: /^CSR1000V$/i, kind: 'cisco_csr1000v' },
    { model: /./, kind: 'cisco_c8000v' },
  ],
  juniper_junos: [
    { model: /^v?QFX/i, kind: 'juniper_vqfx' },
    { model: /^vMX$/i, kind: 'juniper_vmx' },
    { model: /^(EX|vJunos-switch)/i, kind: 'juniper_vjunosswitch' },
    { model: /./, kind: 'juniper_vjunosrouter' },
  ],
};

/** Kinds whose images take only Linux names in a topology (no interface aliases). */
const LINUX_NAMES_ONLY = new Set(['arista_ceos']);

/** Data ports an image numbers `eth1` … at most: beyond any model labfleet serves. */
const MAX_ETH = 256;

/** The containerlab kind name for a device (`linux` for one whose platform is unknown). */
export function clabKindOf(device: ExportDevice): string {
  if (!device.platform) return 'linux';
  const model = device.model ?? getKind(device.platform).defaultModel;
  return KINDS[device.platform].find((k) => k.model.test(model))!.kind;
}

const ethByPort = new WeakMap<ContainerlabKind, Map<string, number>>();

/** `GigabitEthernet3` → 2 for a c8000v: the `ethN` the kind's image gives that port. */
function ethOf(kind: ContainerlabKind, iface: string): number | undefined {
  let byPort = ethByPort.get(kind);
  if (!byPort) {
    byPort = new Map();
    for (let n = MAX_ETH; n >= 1; n--) byPort.set(kind.port(n), n);
    ethByPort.set(kind, byPort);
  }
  return byPort.get(iface);
}

/** A port as the node's link endpoint names it; `foreign` collects ports its image lacks. */
function endpointName(device: ExportDevice, iface: string, foreign: Set<string>): string {
  const kindName = clabKindOf(device);
  const kind = CONTAINERLAB_KINDS[kindName];
  if (!kind) return iface;
  const lanes = /^Ethernet(\d+(?:\/\d+)+)$/.exec(iface);
  const eth = ethOf(kind, iface);
  if (LINUX_NAMES_ONLY.has(kindName)) {
    if (eth !== undefined) return `eth${eth}`;
    if (lanes) return `eth${lanes[1]!.replace(/\//g, '_')}`;
  } else if (eth !== undefined) return iface;
  foreign.add(`${device.name} ${iface}`);
  return iface;
}

const q = (value: string) => JSON.stringify(value);

export function renderContainerlab(cabling: ExportCabling): ExportOutput {
  const devices = new Map<string, ExportDevice>();
  for (const d of cabling.devices) if (!devices.has(d.name)) devices.set(d.name, d);
  for (const c of cabling.cables)
    for (const p of [c.a, c.b]) if (!devices.has(p.device)) devices.set(p.device, { name: p.device });
  const foreign = new Set<string>();
  const lines = [`name: ${q(cabling.name)}`, 'topology:', '  nodes:'];
  const sorted = [...devices.values()].sort((a, b) => byName(a.name, b.name));
  for (const device of sorted) {
    lines.push(`    ${q(device.name)}:`, `      kind: ${clabKindOf(device)}`);
    if (device.model) lines.push('      labels:', `        labfleet.model: ${q(device.model)}`);
  }
  if (sorted.length === 0) lines[2] = '  nodes: {}';
  lines.push(cabling.cables.length ? '  links:' : '  links: []');
  for (const c of cabling.cables) {
    const name = (p: Port) => endpointName(devices.get(p.device)!, p.interface, foreign);
    lines.push(`    - endpoints: [${q(`${c.a.device}:${name(c.a)}`)}, ${q(`${c.b.device}:${name(c.b)}`)}]`);
  }
  const notes: string[] = [];
  const unknown = sorted.filter((d) => !d.platform).length;
  if (unknown > 0) notes.push(`${unknown} device(s) of unknown platform written as kind linux`);
  if (foreign.size > 0) {
    const list = [...foreign];
    notes.push(
      `${list.length} port(s) are not ports of their node kind's image (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}): written by their own names, which labfleet up reads and containerlab refuses`,
    );
  }
  return { text: lines.join('\n') + '\n', notes };
}
