/** The cheap, seeded facts about a device that its neighbours also need: name, serial, software, MAC. */
import { findModel, getKind, type KindSpec, type ModelSpec } from '../topology/kinds/index.js';
import { expandModelPorts } from '../topology/interfaces.js';
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
export function specOf(identity: Pick<DeviceIdentity, 'platform' | 'model'>): { kind: KindSpec; model: ModelSpec } {
  const kind = getKind(identity.platform);
  return { kind, model: findModel(kind, identity.model)! };
}

const portIndexByModel = new WeakMap<ModelSpec, Map<string, number>>();

/** Position of a port on its model (the management port is 0), for MACs and ifIndex values. */
export function portIndex(model: ModelSpec, name: string): number {
  let index = portIndexByModel.get(model);
  if (!index) {
    index = new Map([[model.mgmt, 0]]);
    for (const port of expandModelPorts(model)) if (!index.has(port)) index.set(port, index.size);
    portIndexByModel.set(model, index);
  }
  return index.get(name) ?? 0;
}

/** The MAC of one interface: the base MAC plus its position. */
export function interfaceMac(identity: DeviceIdentity, name: string): number {
  return identity.baseMac + portIndex(specOf(identity).model, name);
}
