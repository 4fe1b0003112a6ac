/** The cheap, seeded facts about a device that its neighbours also need: name, serial, software, MAC. */
import { findModel, getKind, type KindSpec, type ModelSpec } from '../topology/kinds/index.js';
import { expandModelPorts, parseInterfaceName } from '../topology/interfaces.js';
import type { NodeSpec, Topology } from '../topology/model.js';
import { parseOui } from './mac.js';
import { createRng, renderSerial } from './random.js';

export interface DeviceIdentity {
  name: string;
  /** Hostname with the topology's domain, as CDP/LLDP advertise it. */
  fqdn: string;
  platform: NodeSpec['platform'];
  model: string;
  serial: string;
  version: string;
  /** Base MAC; interface MACs count up from it. */
  baseMac: number;
  mgmtAddress: string;
  /** Uptime when the fleet starts, seconds. */
  uptimeAtStart: number;
}

/** Derives a device's identity from the seed and its name alone. */
export function deriveIdentity(topology: Topology, node: NodeSpec, seed: string | number): DeviceIdentity {
  const rng = createRng(seed, node.name, 'identity');
  const kind = getKind(node.platform);
  const model = findModel(kind, node.model)!;
  const oui = parseOui(rng.pick(kind.ouis));
  // Cisco and Arista hand out MACs in blocks: keep the low 8 bits free for interfaces.
  const baseMac = oui + rng.int(0, 0xffff) * 256;
  const serial = renderSerial(kind.serialPattern, rng);
  const version = rng.pick(model.versions);
  const uptimeAtStart = rng.int(3600, 400 * 86_400);
  return {
    name: node.name,
    fqdn: topology.domain ? `${node.name}.${topology.domain}` : node.name,
    platform: node.platform,
    model: model.name,
    serial: node.serial ?? serial,
    version: node.version ?? version,
    baseMac,
    mgmtAddress: node.mgmtAddress,
    uptimeAtStart,
  };
}

/** The registry entries behind an identity. */
export function specOf(identity: Pick<DeviceIdentity, 'platform' | 'model'>): {
  kind: KindSpec;
  model: ModelSpec;
} {
  const key = `${identity.platform}/${identity.model}`;
  let spec = specCache.get(key);
  if (!spec) {
    const kind = getKind(identity.platform);
    spec = { kind, model: findModel(kind, identity.model)! };
    specCache.set(key, spec);
  }
  return spec;
}

const specCache = new Map<string, { kind: KindSpec; model: ModelSpec }>();

interface PortInfo {
  /** Position on the model (the management port is 0), for MACs and ifIndex values. */
  index: number;
  /** Nominal speed, Mb/s. */
  speed: number;
}

const portTables = new WeakMap<ModelSpec, Map<string, PortInfo>>();

/** Index and speed of a port of a device's model, computed once per model. */
export function portInfo(identity: Pick<DeviceIdentity, 'platform' | 'model'>, name: string): PortInfo {
  const { kind, model } = specOf(identity);
  let table = portTables.get(model);
  if (!table) {
    table = new Map();
    for (const port of [model.mgmt, ...expandModelPorts(model)]) {
      if (table.has(port)) continue;
      const speed = parseInterfaceName(port, kind.interfaceTypes)?.type.speed ?? 1000;
      table.set(port, { index: table.size, speed });
    }
    portTables.set(model, table);
  }
  return table.get(name) ?? { index: 0, speed: 1000 };
}

/** The MAC of one interface: the base MAC plus its position. */
export function interfaceMac(identity: DeviceIdentity, name: string): number {
  return identity.baseMac + portInfo(identity, name).index;
}
