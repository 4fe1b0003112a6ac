/**
 * netlab topology files (https://netlab.tools) read as labfleet topologies: nodes with their
 * device types, links in every syntax netlab takes, and ports numbered as netlab numbers them —
 * per node, in the order links appear, from the device's first interface index — so that a lab
 * built by netlab and the same file served by labfleet name the same ports.
 */
import { normalizeInterfaceName, modelHasPort, describeModelPorts } from '../interfaces.js';
import { findModel, getKind, type ModelSpec, type Platform } from '../kinds/index.js';
import { modelWithPorts } from '../model-fit.js';
import { Reporter } from '../reporter.js';
import { renderPath, type PathSegment, type SourceFile } from '../source.js';
import { readNetlabLinks, type Attachment } from './netlab-links.js';
import { PathOrigins, type ForeignFormat, type Translation } from './types.js';

/** A netlab device type as labfleet serves it. */
interface NetlabDevice {
  platform: Platform;
  /** netlab's `interface_name` template, for notes. */
  template: string;
  /** The port of interface index `i`, as the template names it. */
  port(i: number): string;
  /** netlab's `ifindex_offset`: the first interface index (netlab's default is 1). */
  first: number;
  /** The labfleet model; absent: the first model of the platform with every port used. */
  model?: string;
}

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
    model: 'CSR1000V',
  },
  iol: {
    platform: 'cisco_ios',
    template: 'Ethernet{ifindex // 4}/{ifindex % 4}',
    port: slash4('Ethernet'),
    first: 1,
  },
  ioll2: {
    platform: 'cisco_ios',
    template: 'Ethernet{ifindex // 4}/{ifindex % 4}',
    port: slash4('Ethernet'),
    first: 1,
  },
  nxos: {
    platform: 'cisco_nxos',
    template: 'Ethernet1/{ifindex}',
    port: (i) => `Ethernet1/${i}`,
    first: 1,
    model: 'N9K-C93180YC-EX',
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
    model: 'vMX',
  },
  'vjunos-switch': {
    platform: 'juniper_junos',
    template: 'ge-0/0/{ifindex}',
    port: (i) => `ge-0/0/${i}`,
    first: 0,
    model: 'vMX',
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
 * A netlab file: no containerlab `topology:`, no labfleet `endpoints:` links or labfleet-only
 * keys, and a netlab trait (nodes as a list, string or list links, `device`, netlab-only keys),
 * or netlab's own file name `topology.yml`.
 */
function detectNetlab(file: string, data: unknown): boolean {
  if (!isObject(data) || 'topology' in data) return false;
  if (LABFLEET_KEYS.some((key) => key in data)) return false;
  const links = Array.isArray(data.links) ? data.links : [];
  if (links.some((link) => isObject(link) && 'endpoints' in link)) return false;
  const nodes = data.nodes;
  if (isObject(nodes) && Object.values(nodes).some((node) => isObject(node) && 'kind' in node)) return false;
  if (/(^|[\\/])topology\.ya?ml$/.test(file)) return true;
  if (NETLAB_KEYS.some((key) => key in data)) return true;
  if (isObject(data.defaults) && 'device' in data.defaults) return true;
  if (Array.isArray(nodes)) return true;
  if (isObject(nodes) && Object.values(nodes).some((node) => isObject(node) && 'device' in node)) return true;
  return links.some((link) => typeof link === 'string' || Array.isArray(link)) || isObject(data.links);
}

interface NodeEntry {
  path: PathSegment[];
  device?: { name: string; path: PathSegment[] };
}

interface Port {
  name: string;
  ifindex: number;
  /** Where the port comes from: its `ifindex`/`ifname` if written, else the attachment. */
  path: PathSegment[];
}

function translateNetlab(source: SourceFile): Translation {
  const reporter = new Reporter(source);
  const origins = new PathOrigins();
  const notes: string[] = [];
  const data = source.data as Record<string, unknown>;
  const nodes = readNodes(data, reporter);
  applyDevices(data, nodes, reporter);

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
  for (const [key, names] of unknown) {
    const path = JSON.parse(key) as PathSegment[];
    const device = nodes.get(names[0]!)!.device!.name;
    reporter.report(
      'KIND_UNKNOWN',
      `device "${device}" (${names.join(', ')}) is not one labfleet simulates; supported devices: ${SUPPORTED}`,
      path,
    );
  }

  const links = readNetlabLinks(data.links, new Set(nodes.keys()), reporter);
  const ports = new Map<string, Port[]>([...nodes.keys()].map((name) => [name, []]));
  const cables: { path: PathSegment[]; ends: { attachment: Attachment; port: Port }[] }[] = [];
  for (const link of links) {
    if (link.type !== undefined && VIRTUAL_LINK_TYPES.has(link.type)) {
      notes.push(`${renderPath(link.path)}: a ${link.type} link: virtual interfaces, no port or cable`);
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
      const port = allocatePort(
        attachment,
        devices.get(attachment.node),
        ports.get(attachment.node)!,
        reporter,
      );
      return port ? [{ attachment, port }] : [];
    });
    if (link.attachments.length === 0)
      reporter.report('LINK_UNSUPPORTED', 'a link with no node attached', link.path);
    else if (link.attachments.length > 2)
      reporter.report(
        'LINK_UNSUPPORTED',
        `a LAN of ${link.attachments.length} nodes (${link.attachments.map((a) => a.node).join(', ')}): labfleet simulates point-to-point cables only; split it into links of two nodes`,
        link.path,
      );
    else if (link.attachments.length === 1 && ends[0])
      notes.push(
        `${renderPath(link.path)}: a stub link: ${ends[0].attachment.node} ${ends[0].port.name} is numbered but has no neighbour`,
      );
    else if (ends.length === 2) cables.push({ path: link.path, ends });
  }

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
    diagnostics: reporter.diagnostics,
    omitted: reporter.omitted,
  };
}

/** `nodes` as a list of names (or dictionaries with `name`) or as a dictionary, in file order. */
function readNodes(data: Record<string, unknown>, reporter: Reporter): Map<string, NodeEntry> {
  const nodes = new Map<string, NodeEntry>();
  const add = (name: string, path: PathSegment[], value: unknown) => {
    const entry: NodeEntry = { path };
    if (isObject(value) && typeof value.device === 'string')
      entry.device = { name: value.device, path: [...path, 'device'] };
    nodes.set(name, entry);
  };
  if (Array.isArray(data.nodes))
    data.nodes.forEach((node, i) => {
      if (typeof node === 'string') add(node, ['nodes', i], undefined);
      else if (isObject(node) && typeof node.name === 'string') add(node.name, ['nodes', i], node);
      else reporter.report('TYPE_INVALID', 'expected a node name, or a dictionary with "name"', ['nodes', i]);
    });
  else if (isObject(data.nodes))
    for (const [name, node] of Object.entries(data.nodes)) {
      if (node === null || isObject(node)) add(name, ['nodes', name], node);
      else reporter.report('TYPE_INVALID', `node "${name}" must be empty or a dictionary`, ['nodes', name]);
    }
  else
    reporter.report(
      'KEY_MISSING',
      'a netlab topology needs "nodes": a list of names, or a dictionary of nodes',
      'nodes' in data ? ['nodes'] : [],
    );
  return nodes;
}

/** The device of nodes without one: from a group with static members that sets it, else defaults.device. */
function applyDevices(
  data: Record<string, unknown>,
  nodes: Map<string, NodeEntry>,
  reporter: Reporter,
): void {
  if (isObject(data.groups))
    for (const [group, value] of Object.entries(data.groups)) {
      if (!isObject(value) || typeof value.device !== 'string' || !Array.isArray(value.members)) continue;
      const device = { name: value.device, path: ['groups', group, 'device'] };
      value.members.forEach((member, i) => {
        const entry = typeof member === 'string' ? nodes.get(member) : undefined;
        if (entry) entry.device ??= device;
        else if (typeof member === 'string' && !/[*?~[]/.test(member))
          reporter.report('VALUE_INVALID', `group member "${member}" is not a node of this topology`, [
            'groups',
            group,
            'members',
            i,
          ]);
      });
    }
  const fallback =
    typeof data['defaults.device'] === 'string'
      ? { name: data['defaults.device'], path: ['defaults.device'] }
      : isObject(data.defaults) && typeof data.defaults.device === 'string'
        ? { name: data.defaults.device, path: ['defaults', 'device'] }
        : undefined;
  if (fallback) for (const entry of nodes.values()) entry.device ??= fallback;
}

/** The port of one attachment: its `ifindex` if given (checked), else the lowest free one. */
function allocatePort(
  attachment: Attachment,
  device: NetlabDevice | undefined,
  used: Port[],
  reporter: Reporter,
): Port | undefined {
  if (!device) return undefined;
  const taken = new Set(used.map((port) => port.ifindex));
  let ifindex = device.first;
  let path = attachment.path;
  if (attachment.ifindex) {
    const value = attachment.ifindex.value;
    path = attachment.ifindex.path;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < device.first) {
      reporter.report(
        'VALUE_INVALID',
        `ifindex must be a whole number from ${device.first} (${device.template}: ${device.port(device.first)} first), got ${JSON.stringify(value)}`,
        path,
      );
      return undefined;
    }
    if (taken.has(value)) {
      const other = used.find((port) => port.ifindex === value)!;
      reporter.report(
        'INTERFACE_DUPLICATE',
        `${attachment.node}: ifindex ${value} (${device.port(value)}) is already used by ${renderPath(other.path)}`,
        path,
      );
      return undefined;
    }
    ifindex = value;
  } else while (taken.has(ifindex)) ifindex++;
  let name = device.port(ifindex);
  if (attachment.ifname && typeof attachment.ifname.value === 'string') {
    name = attachment.ifname.value;
    path = attachment.ifname.path;
  }
  const port = { name, ifindex, path };
  used.push(port);
  return port;
}

/** The table's model if it has every port, else (no model in the table) the first that does. */
function chooseModel(
  name: string,
  device: NetlabDevice,
  entry: NodeEntry,
  ports: readonly Port[],
  reporter: Reporter,
): ModelSpec | undefined {
  const kind = getKind(device.platform);
  const model = device.model
    ? findModel(kind, device.model)
    : modelWithPorts(
        device.platform,
        ports.map((p) => p.name),
      );
  if (!model) {
    reporter.report(
      'INTERFACE_INVALID',
      `${name}: device ${entry.device!.name} numbers its ports ${device.template} (${ports.map((p) => p.name).join(', ')}); no ${device.platform} model of labfleet has them`,
      entry.device!.path,
    );
    return undefined;
  }
  let ok = true;
  for (const port of ports) {
    if (modelHasPort(model, normalizeInterfaceName(port.name, kind.interfaceTypes))) continue;
    ok = false;
    reporter.report(
      'INTERFACE_INVALID',
      `${name}: ifindex ${port.ifindex} is ${port.name}, which model ${model.name} does not have (ports: ${describeModelPorts(model)})`,
      port.path,
    );
  }
  return ok ? model : undefined;
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
