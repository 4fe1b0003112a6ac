/** A device's whole derived state: a pure function of the world, the seed and its name. */
import { expandModelPorts } from '../topology/interfaces.js';
import type { Endpoint } from '../topology/model.js';
import { deriveArp, type ArpEntry } from './arp.js';
import type { StateContext } from './context.js';
import { interfaceMac, portInfo, specOf, type DeviceIdentity } from './identity.js';
import { deriveMemory, type MemoryState } from './memory.js';
import { neighborsOn, type Neighbor } from './neighbors.js';
import { createRng } from './random.js';

export interface InterfaceState {
  name: string;
  mac: number;
  speed: number;
  mgmt: boolean;
  /** True when a cable is really plugged in. */
  connected: boolean;
  address?: { ip: string; prefix: number };
  /** Who the documentation says is at the other end (descriptions name them). */
  documentedPeer?: Endpoint;
  /** Who is really at the other end. */
  peer?: Endpoint;
}

export interface DeviceState extends DeviceIdentity {
  /** Discovery protocols the device runs (a disabled one prints "% CDP is not enabled"). */
  protocols: { cdp: boolean; lldp: boolean };
  interfaces: InterfaceState[];
  neighbors: Neighbor[];
  arp: ArpEntry[];
  memory: MemoryState;
}

/** Derives the state of one device; the same world, seed and name always give the same state. */
export function deriveDeviceState(ctx: StateContext, name: string): DeviceState {
  const identity = ctx.identity(name);
  const { model } = specOf(identity);
  const rng = createRng(ctx.seed, name, 'neighbors');
  const interfaces: InterfaceState[] = [];
  const neighbors: Neighbor[] = [];
  for (const port of [model.mgmt, ...expandModelPorts(model)]) {
    if (port === model.mgmt && interfaces.length > 0) continue;
    const iface = deriveInterface(ctx, identity, port, port === model.mgmt);
    interfaces.push(iface);
    if (iface.peer) neighbors.push(...neighborsOn(ctx, identity, port, iface.peer, rng));
  }
  const addressed = interfaces.flatMap((i) =>
    i.address ? [{ name: i.name, ip: i.address.ip, mac: i.mac, ...(i.peer ? { peer: i.peer } : {}) }] : [],
  );
  const { cdp, lldp } = ctx.world.topology.nodeByName.get(name)!.protocols;
  return {
    ...identity,
    protocols: { cdp, lldp },
    interfaces,
    neighbors,
    arp: deriveArp(ctx, identity, addressed),
    memory: deriveMemory(ctx, identity),
  };
}

function deriveInterface(
  ctx: StateContext,
  identity: DeviceIdentity,
  port: string,
  mgmt: boolean,
): InterfaceState {
  const key = `${identity.name}:${port}`;
  const peer = ctx.world.peerOf({ node: identity.name, interface: port });
  const documentedPeer = ctx.documented.get(key);
  const linkAddress = ctx.addresses.get(key);
  const address = mgmt
    ? { ip: identity.mgmtAddress, prefix: ctx.mgmtPrefix }
    : linkAddress && { ip: linkAddress.ip, prefix: linkAddress.prefix };
  return {
    name: port,
    mac: interfaceMac(identity, port),
    speed: portInfo(identity, port).speed,
    mgmt,
    connected: mgmt || peer !== undefined,
    ...(address ? { address } : {}),
    ...(documentedPeer ? { documentedPeer } : {}),
    ...(peer ? { peer } : {}),
  };
}
