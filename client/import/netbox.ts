/**
 * `labfleet import netbox`: NetBox's devices and cables made into a labfleet topology. Kinds come
 * from the platform slug (or name), failing that from the manufacturer; models from the device
 * type when labfleet has it, else the first model with every cabled port; interface names as
 * NetBox gives them, in the platform's canonical spelling; device names made into hostnames.
 * Every such choice is a header line of the written file; anything that stops it is a located
 * problem, all of them reported together.
 */
import type { Diagnostic } from '../../simulator/errors.js';
import type { GeneratedNode, GeneratedTopology } from '../../simulator/generate/model.js';
import { modelHasPort, normalizeInterfaceName } from '../../simulator/topology/interfaces.js';
import {
  findModel,
  getKind,
  PLATFORMS,
  type ModelSpec,
  type Platform,
} from '../../simulator/topology/kinds/index.js';
import { modelWithPorts } from '../../simulator/topology/model-fit.js';
import { HOSTNAME_PATTERN, RESERVED_NAMES } from '../../simulator/topology/schema.js';
import type { NetboxCables } from '../verify/netbox.js';
import type { Located } from '../netbox/read.js';
import type { NetboxDevice } from './netbox-devices.js';

/** Platform slugs and names NetBox installations use (NAPALM and Netmiko driver names among them). */
const PLATFORM_ALIASES: Record<string, Platform> = {
  ios: 'cisco_ios',
  iosxe: 'cisco_ios',
  ios_xe: 'cisco_ios',
  cisco_ios: 'cisco_ios',
  cisco_iosxe: 'cisco_ios',
  cisco_ios_xe: 'cisco_ios',
  cisco_xe: 'cisco_ios',
  nxos: 'cisco_nxos',
  nx_os: 'cisco_nxos',
  nxos_ssh: 'cisco_nxos',
  cisco_nxos: 'cisco_nxos',
  cisco_nx_os: 'cisco_nxos',
  eos: 'arista_eos',
  arista_eos: 'arista_eos',
  junos: 'juniper_junos',
  juniper_junos: 'juniper_junos',
};

/** Manufacturer slugs, when the platform says nothing labfleet simulates. */
const MANUFACTURERS: Record<string, (device: NetboxDevice) => Platform> = {
  cisco: (d) =>
    /nexus|\bn[3579]k|^n[3579]k/i.test(`${d.deviceType ?? ''} ${d.partNumber ?? ''}`)
      ? 'cisco_nxos'
      : 'cisco_ios',
  arista: () => 'arista_eos',
  juniper: () => 'juniper_junos',
};

const slug = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The platform of a NetBox device and how it was chosen, or undefined. */
export function platformOf(device: NetboxDevice): { platform: Platform; by: string } | undefined {
  const byPlatform = device.platform ? PLATFORM_ALIASES[slug(device.platform)] : undefined;
  if (byPlatform) return { platform: byPlatform, by: `platform ${device.platform}` };
  const maker = device.manufacturer ? slug(device.manufacturer).replace(/_(systems|networks|inc)$/, '') : '';
  const byMaker = MANUFACTURERS[maker];
  return byMaker && { platform: byMaker(device), by: `manufacturer ${device.manufacturer}` };
}

const hostnameRe = new RegExp(HOSTNAME_PATTERN);

/**
 * A labfleet hostname for a NetBox device name: as it is when it is one; else the name before its
 * first dot when that is one (a domain dropped, as CDP and LLDP names are read); else every run of
 * other characters made one `-`, a leading `n` when it would not start with a letter, cut to 63.
 */
export function hostnameFor(name: string): string {
  const valid = (h: string) => hostnameRe.test(h) && !RESERVED_NAMES.has(h);
  if (valid(name)) return name;
  const host = name.split('.')[0]!;
  if (valid(host)) return host;
  let out = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[A-Za-z]/.test(out)) out = `n${out}`;
  out = out.slice(0, 63).replace(/-+$/, '');
  return valid(out) ? out : `n-${out}`.slice(0, 63);
}

export interface ImportResult {
  topology?: GeneratedTopology;
  problems: Diagnostic[];
}

/** Builds the topology; with any problem, no topology (the problems say where and why). */
export function importNetbox(
  devices: readonly NetboxDevice[],
  cables: NetboxCables,
  files: { devices: string; cables: string },
  name = 'netbox',
): ImportResult {
  const problems: Diagnostic[] = [];
  const notes: string[] = [];
  const at = (file: string, where: Located, code: Diagnostic['code'], message: string) =>
    problems.push({ code, message, path: where.path, location: { file, ...where.locate() } });
  const byName = new Map<
    string,
    { device: NetboxDevice; host: string; platform: Platform; ports: Set<string> }
  >();
  const hosts = new Map<string, string>();
  for (const device of devices) {
    const kind = platformOf(device);
    if (!kind) {
      at(
        files.devices,
        device.at,
        'KIND_UNKNOWN',
        `${device.name}: platform ${JSON.stringify(device.platform ?? '')} and manufacturer ${JSON.stringify(device.manufacturer ?? '')} are none labfleet simulates; valid platforms: ${Object.keys(PLATFORM_ALIASES).join(', ')}; manufacturers: ${Object.keys(MANUFACTURERS).join(', ')}`,
      );
      continue;
    }
    const host = hostnameFor(device.name);
    const taken = hosts.get(host.toLowerCase());
    if (taken !== undefined || byName.has(device.name)) {
      at(
        files.devices,
        device.at,
        'NAME_INVALID',
        `${device.name}: its hostname ${host} is also ${taken ?? 'its own'}'s`,
      );
      continue;
    }
    hosts.set(host.toLowerCase(), device.name);
    if (host !== device.name)
      notes.push(`${device.name}: hostname ${host} (not a hostname as NetBox writes it)`);
    if (!device.platform || !PLATFORM_ALIASES[slug(device.platform)])
      notes.push(`${device.name}: kind ${kind.platform} from ${kind.by}`);
    byName.set(device.name, { device, host, platform: kind.platform, ports: new Set() });
  }
  const links: GeneratedTopology['links'] = [];
  for (const cable of cables.cables) {
    const ends = [cable.a, cable.b].map((end) => {
      const node = byName.get(end.device);
      if (!node) return undefined;
      const port = normalizeInterfaceName(end.interface, getKind(node.platform).interfaceTypes);
      node.ports.add(port);
      return `${node.host}:${port}`;
    });
    const missing = [cable.a, cable.b].find((end, i) => !ends[i]);
    if (missing) {
      const known = devices.some((d) => d.name === missing.device);
      if (!known)
        at(
          files.cables,
          cable.at,
          'ENDPOINT_NODE_UNKNOWN',
          `device ${JSON.stringify(missing.device)} is not in ${files.devices}`,
        );
      continue;
    }
    links.push([ends[0]!, ends[1]!]);
  }
  const nodes: GeneratedNode[] = [];
  for (const { device, host, platform, ports } of byName.values()) {
    const model = pickModel(device, platform, [...ports], notes);
    if (!model) {
      at(
        files.devices,
        device.at,
        'MODEL_UNKNOWN',
        `${device.name}: no ${platform} model labfleet has carries every cabled port (${[...ports].join(', ')})`,
      );
      continue;
    }
    const labels = Object.fromEntries(
      (['role', 'site'] as const).flatMap((k) => (device[k] ? [[k, device[k]]] : [])),
    );
    nodes.push({ name: host, kind: platform, model: model.name, labels });
  }
  if (problems.length > 0) return { problems };
  const counts = PLATFORMS.map((p) => nodes.filter((n) => n.kind === p).length);
  return {
    problems,
    topology: {
      name,
      seed: 1,
      command: `import netbox ${files.devices} ${files.cables}`,
      header: [
        `Imported by: labfleet import netbox ${files.devices} ${files.cables}`,
        ...notes.map((n) => `mapped: ${n}`),
        ...cables.skipped.map((s) => `skipped: ${s}`),
      ],
      defaultKind: PLATFORMS[counts.indexOf(Math.max(...counts))]!,
      nodes,
      links,
    },
  };
}

/** The device type's own model when labfleet has it and it has every cabled port; else one that does. */
function pickModel(
  device: NetboxDevice,
  platform: Platform,
  ports: string[],
  notes: string[],
): ModelSpec | undefined {
  const kind = getKind(platform);
  const own = [device.deviceType, device.partNumber]
    .filter((m): m is string => Boolean(m))
    .map((m) => findModel(kind, m))
    .find(Boolean);
  if (own && ports.every((p) => modelHasPort(own, p))) return own;
  const fit = modelWithPorts(platform, ports);
  if (fit) {
    const why = own
      ? `${own.name} has no port ${ports.find((p) => !modelHasPort(own, p))}`
      : `device type ${JSON.stringify(device.deviceType ?? '')} is not a labfleet model`;
    notes.push(`${device.name}: model ${fit.name} (${why}; it has every cabled port)`);
  }
  return fit;
}
