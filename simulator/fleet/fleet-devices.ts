/**
 * What the inventory says about a served device, in one place: the fleet describes the devices
 * it serves with it, and a shard describes the whole fleet's (`up --inventory-scope fleet`) with
 * the same rules, so every shard can hand out one inventory of all devices.
 */
import { hasNetconfPlatform } from '../netconf/index.js';
import { hasPersonality } from '../personalities/index.js';
import { deviceAddresses, restUrl, type AddressOptions, type DeviceAddress } from '../topology/addresses.js';
import type { NodeSpec, Topology } from '../topology/model.js';
import type { InventoryDevice } from './inventory.js';

/** Which faces a device serves: REST and NETCONF as the fleet was told, SSH as the node says. */
export interface ServedFaces {
  rest: boolean;
  netconf: boolean;
}

/** The inventory entry of `node` listening at `address`. */
export function describeDevice(
  node: NodeSpec,
  address: DeviceAddress,
  faces: ServedFaces,
  restPlain = false,
): InventoryDevice {
  const { host, port, restPort, netconfPort } = address;
  const { username, password, secret } = node.credentials;
  return {
    name: node.name,
    platform: node.platform,
    model: node.model,
    host,
    ...(node.protocols.ssh ? { port } : {}),
    username,
    password,
    secret,
    ...(faces.rest ? { rest_url: restUrl(host, restPort, restPlain) } : {}),
    ...(faces.netconf ? { netconf_port: netconfPort } : {}),
    ...(Object.keys(node.labels).length > 0 ? { labels: { ...node.labels } } : {}),
  };
}

export interface FleetDevicesOptions extends AddressOptions {
  rest?: boolean;
  netconf?: boolean;
  restPlain?: boolean;
}

/**
 * Every device the whole fleet serves (all shards together), in topology order, as each shard's
 * own fleet describes its part: a node is served when a personality speaks its platform and it
 * has SSH, or REST while REST is served. NETCONF rides SSH.
 */
export function describeFleetDevices(topology: Topology, options: FleetDevicesOptions): InventoryDevice[] {
  const addresses = deviceAddresses(topology, options);
  return topology.nodes.flatMap((node, i) => {
    const rest = (options.rest ?? true) && node.protocols.rest;
    if (!node.protocols.ssh && !rest) return [];
    if (!hasPersonality(node.platform)) return [];
    const netconf =
      (options.netconf ?? true) &&
      node.protocols.netconf &&
      node.protocols.ssh &&
      hasNetconfPlatform(node.platform);
    return [describeDevice(node, addresses[i]!, { rest, netconf }, options.restPlain)];
  });
}
