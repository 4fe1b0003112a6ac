/**
 * netlab topology files (https://netlab.tools) read as labfleet topologies: nodes with their
 * device types, links in every syntax netlab takes, and ports numbered as netlab numbers them —
 * per node, in the order links appear, from the device's first interface index — so that a lab
 * built by netlab and the same file served by labfleet name the same ports.
 */
import type { Platform } from '../kinds/index.js';
import { Reporter } from '../reporter.js';
import { renderPath, type PathSegment, type SourceFile } from '../source.js';
import { readNetlabLinks, type Attachment, type NetlabLink } from './netlab-links.js';
import { applyDevices, readNodes, type NodeEntry } from './netlab-nodes.js';
import { allocatePort, chooseModel, type NetlabDevice, type Port } from './netlab-ports.js';
import { PathOrigins, type ForeignFormat, type Translation } from './types.js';

const slash4 = (prefix: string) => (i: number) => `${prefix}${Math.floor(i / 4)}/${i % 4}`;

/**
 * Device types labfleet serves, from netlab's netsim/devices/<device>.yml (`interface_name`,
 * `ifindex_offset`, inherited through `parent`). The one table of device → platform and model.
 */
export const NETLAB_DEVICES: Readonly<Record<string, NetlabDevice>> = {
  iosv: {
    platform: 'cisco_ios',
    template: 'GigabitEthernet0/{ifindex}',
    port: (i) => `GigabitEthernet0/${i}`,
    first: 1,
  },
  iosvl2: {
    platform: 'cisco_ios',
    template: 'GigabitEthernet{ifindex // 4}/{ifindex % 4}',
    port: slash4('GigabitEthernet'),
    first: 1,
  },
  csr: {
    platform: 'cisco_ios',
    template: 'GigabitEthernet{ifindex}',
    port: (i) => `GigabitEthernet${i}`,
    first: 2,
    model: 'CSR1000V',
  },
  cat8000v: {
    platform: 'cisco_ios',
    template: 'GigabitEthernet{ifindex}',
    port: (i) => `GigabitEthernet${i}`,
    first: 2,
    model: 'C8000V',
  },
  iol: {
    platform: 'cisco_ios',
    template: 'Ethernet{ifindex // 4}/{ifindex % 4}',
    port: slash4('Ethernet'),
    first: 1,
    model: 'IOL',
  },
  ioll2: {
    platform: 'cisco_ios',
    template: 'Ethernet{ifindex // 4}/{ifindex % 4}',
    port: slash4('Ethernet'),
    first: 1,
    model: 'IOL-L2',
  },
  nxos: {
    platform: 'cisco_nxos',
    template: 'Ethernet1/{ifindex}',
    port: (i) => `Ethernet1/${i}`,
    first: 1,
    model: 'N9K-C9300v',
  },
  eos: {
    platform: 'arista_eos',
    template: 'Ethernet{ifindex}',
    port: (i) => `Ethernet${i}`,
    first: 1,
    model: 'vEOS',
  },
  vmx: {
    platform: 'juniper_junos',
    template: 'ge-0/0/{ifindex}',
    port: (i) => `ge-0/0/${i}`,
    first: 0,
    model: 'vMX',
  },
  vsrx: {
    platform: 'juniper_junos',
    template: 'ge-0/0/{ifindex}',
    port: (i) => `ge-0/0/${i}`,
    first: 0,
    model: 'vMX',
  },
  'vjunos-router': {
    platform: 'juniper_junos',
    template: 'ge-0/0/{ifindex}',
    port: (i) => `ge-0/0/${i}`,
    first: 0,
    model: 'vJunos-router',
  },
  'vjunos-switch': {
    platform: 'juniper_junos',
    template: 'ge-0/0/{ifindex}',
    port: (i) => `ge-0/0/${i}`,
    first: 0,
    model: 'vJunos-switch',
  },
};

const SUPPORTED = Object.keys(NETLAB_DEVICES).join(', ');

/** Link types whose interfaces are virtual (netlab numbers them apart): no port, no cable. */
const VIRTUAL_LINK_TYPES: ReadonlySet<string> = new Set(['loopback', 'tunnel', 'vlan_member']);

/** Top-level keys netlab has and labfleet reads; any other is listed as ignored. */
const READ_KEYS: ReadonlySet<string> = new Set([
  'name',
  'nodes',
  'links',
  'defaults',
  'defaults.device',
  'groups',
]);

/** Keys only netlab files have at the top level. */
const NETLAB_KEYS = ['defaults.device', 'module', 'provider', 'groups', 'addressing', 'plugin', 'tools'];
/** Keys only labfleet files have at the top level. */
const LABFLEET_KEYS = ['kinds', 'mgmt', 'p2p', 'seed', 'faults'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** netlab's topology format. */
export const netlabFormat: ForeignFormat = {
  name: 'netlab',
  detect: detectNetlab,
  translate: translateNetlab,
};

/**
 * A netlab file: no containerlab `topology:`, no labfleet `endpoints:` links or labfleet-only keys,
 * and either netlab's own file name `topology.yml`, a trait only netlab has (`device`, netlab-only
 * keys), or — in a file without labfleet's required `name` — nodes as a list, string or list
 * links, or links as a dictionary (a labfleet file with those is a labfleet file with a mistake).
 */
function detectNetlab(file: string, data: unknown): boolean {
  if (!isObject(data) || 'topology' in data) return false;
  if (LABFLEET_KEYS.some((key) => key in data)) return false;
  const links = Array.isArray(data.links) ? data.links : [];
  if (links.some((link) => isObject(link) && 'endpoints' in link)) return false;
  const nodes = data.nodes;
  if (isObject(nodes) && Object.values(nodes).some((node) => isObject(node) && 'kind' in node)) return false;
  if (isObject(data.defaults) && 'kind' in data.defaults) return false; // labfleet's defaults.kind
  if (/(^|[\\/])topology\.ya?ml$/.test(file)) return true;
  if (NETLAB_KEYS.some((key) => key in data)) return true;
  if (isObject(data.defaults) && 'device' in data.defaults) return true;
  const nodeList = Array.isArray(nodes) ? nodes : isObject(nodes) ? Object.values(nodes) : [];
  if (nodeList.some((node) => isObject(node) && 'device' in node)) return true;
  if ('name' in data) return false;
  if (Array.isArray(nodes) || isObject(data.links)) return true;
  return links.some((link) => typeof link === 'string' || Array.isArray(link));
}

function translateNetlab(source: SourceFile): Translation {
  const reporter = new Reporter(source);
  const origins = new PathOrigins();
  const notes: string[] = [];
  const data = source.data as Record<string, unknown>;
  const nodes = readNodes(data, reporter);
  applyDevices(data, nodes, reporter);
  const devices = resolveDevices(nodes, reporter);
  const links = readNetlabLinks(data.links, new Set(nodes.keys()), reporter);
  const ports = new Map<string, Port[]>([...nodes.keys()].map((name) => [name, []]));
  const cables = cablesOf(links, devices, ports, reporter, notes);

  const translatedNodes: Record<string, { kind: Platform; model: string }> = {};
  for (const [name, device] of devices) {
    const entry = nodes.get(name)!;
    const model = chooseModel(name, device, entry, ports.get(name)!, reporter);
    if (!model) continue;
    translatedNodes[name] = { kind: device.platform, model: model.name };
    origins.set(['nodes', name], entry.path);
    origins.set(['nodes', name, 'kind'], entry.device!.path);
    origins.set(['nodes', name, 'model'], entry.device!.path);
  }
  const translatedLinks = cables.map((cable, i) => {
    origins.set(['links', i], cable.path);
    cable.ends.forEach((end, e) => origins.set(['links', i, 'endpoints', e], end.port.path));
    return { endpoints: cable.ends.map((end) => `${end.attachment.node}:${end.port.name}`) };
  });

  notes.unshift(
    ...deviceNotes(nodes, devices, translatedNodes),
    'LLDP runs on every device, as netlab\'s initial configuration turns it on (IOS "lldp run", NX-OS "feature lldp")',
  );
  const ignored = Object.keys(data).filter((key) => !READ_KEYS.has(key));
  if (ignored.length > 0)
    notes.push(`ignored (labfleet serves CLI, CDP/LLDP and APIs, not protocols): ${ignored.join(', ')}`);

  const name = typeof data.name === 'string' ? data.name : labName(source.file);
  return {
    data: { name, defaults: { protocols: { lldp: true } }, nodes: translatedNodes, links: translatedLinks },
    origin: origins.origin,
    notes,
    diagnostics: [...reporter.diagnostics].sort(
      (x, y) =>
        (x.location?.line ?? 0) - (y.location?.line ?? 0) ||
        (x.location?.column ?? 0) - (y.location?.column ?? 0),
    ),
    omitted: reporter.omitted,
  };
}

/** The table's entry for each node's device; a missing device or one not in the table is reported. */
function resolveDevices(nodes: Map<string, NodeEntry>, reporter: Reporter): Map<string, NetlabDevice> {
  const devices = new Map<string, NetlabDevice>();
  const unknown = new Map<string, string[]>();
  for (const [name, entry] of nodes) {
    if (!entry.device) {
      reporter.report(
        'KEY_MISSING',
        `node "${name}" has no device type: give it "device", or set defaults.device (supported: ${SUPPORTED})`,
        entry.path,
      );
      continue;
    }
    const device = NETLAB_DEVICES[entry.device.name];
    if (device) devices.set(name, device);
    else {
      const key = JSON.stringify(entry.device.path);
      unknown.set(key, [...(unknown.get(key) ?? []), name]);
    }
  }
  // one report where an unknown device is written, naming every node that runs it
  for (const [key, names] of unknown)
    reporter.report(
      'KIND_UNKNOWN',
      `device "${nodes.get(names[0]!)!.device!.name}" (${names.join(', ')}) is not one labfleet simulates; supported devices: ${SUPPORTED}`,
      JSON.parse(key) as PathSegment[],
    );
  return devices;
}

interface Cable {
  path: PathSegment[];
  ends: { attachment: Attachment; port: Port }[];
}

/**
 * Numbers every attachment's port in link order, as netlab does (stubs and LANs take ports too),
 * and keeps the links of two nodes as cables; LANs, LAGs and empty links are reported.
 */
function cablesOf(
  links: readonly NetlabLink[],
  devices: ReadonlyMap<string, NetlabDevice>,
  ports: Map<string, Port[]>,
  reporter: Reporter,
  notes: string[],
): Cable[] {
  const cables: Cable[] = [];
  for (const link of links) {
    const where = renderPath(link.path);
    if (link.type !== undefined && VIRTUAL_LINK_TYPES.has(link.type)) {
      notes.push(`${where}: a ${link.type} link: virtual interfaces, no port or cable`);
      continue;
    }
    if (link.lag) {
      reporter.report(
        'LINK_UNSUPPORTED',
        'a LAG link (lag:) is not translated yet; write its members as plain links',
        link.path,
      );
      continue;
    }
    const ends = link.attachments.flatMap((attachment) => {
      const device = devices.get(attachment.node);
      const port = allocatePort(attachment, device, ports.get(attachment.node)!, reporter);
      return port ? [{ attachment, port }] : [];
    });
    const count = link.attachments.length;
    if (count === 0) reporter.report('LINK_UNSUPPORTED', 'a link with no node attached', link.path);
    else if (count > 2)
      reporter.report(
        'LINK_UNSUPPORTED',
        `a LAN of ${count} nodes (${link.attachments.map((a) => a.node).join(', ')}): labfleet simulates point-to-point cables only; split it into links of two nodes`,
        link.path,
      );
    else if (count === 1 && ends[0])
      notes.push(
        `${where}: a stub link: ${ends[0].attachment.node} ${ends[0].port.name} is numbered but has no neighbour`,
      );
    else if (ends.length === 2) cables.push({ path: link.path, ends });
  }
  return cables;
}

/** One note per device type: what it became and how its ports are numbered. */
function deviceNotes(
  nodes: Map<string, NodeEntry>,
  devices: Map<string, NetlabDevice>,
  translated: Record<string, { model: string }>,
): string[] {
  const byDevice = new Map<string, string[]>();
  for (const name of devices.keys()) {
    const device = nodes.get(name)!.device!.name;
    byDevice.set(device, [...(byDevice.get(device) ?? []), name]);
  }
  return [...byDevice].map(([deviceName, names]) => {
    const device = NETLAB_DEVICES[deviceName]!;
    const models = [...new Set(names.map((n) => translated[n]?.model).filter(Boolean))].join(', ');
    return `device ${deviceName} (${names.join(', ')}) → ${device.platform}, model ${models || '(none)'}; ports ${device.template} from ifindex ${device.first} (${device.port(device.first)}), in link order`;
  });
}

/** netlab's default lab name: the file's folder name (its first 12 characters), made a labfleet name. */
function labName(file: string): string {
  const folder = file.split(/[\\/]/).slice(-2, -1)[0] ?? '';
  const name = folder
    .slice(0, 12)
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '');
  return name || 'netlab';
}
