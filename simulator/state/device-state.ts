/** A device's whole derived state: a pure function of the world, the seed and its name. */
import { expandModelPorts } from '../topology/interfaces.js';
import type { Endpoint } from '../topology/model.js';
import { deriveArp, type ArpEntry } from './arp.js';
import type { StateContext } from './context.js';
import { interfaceMac, portInfo, specOf, type DeviceIdentity } from './identity.js';
import { deriveLags, type LagState } from './lags.js';
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
  /** On a LAG member: the aggregate it belongs to (`Port-channel1`, `ae0`). */
  memberOf?: string;
  /** On an aggregate (port-channel / ae) interface: its LAG number. */
  aggregate?: number;
}

export interface DeviceState extends DeviceIdentity {
  /** Discovery protocols the device runs (a disabled one prints "% CDP is not enabled"). */
  protocols: { cdp: boolean; lldp: boolean };
  interfaces: InterfaceState[];
  neighbors: Neighbor[];
  arp: ArpEntry[];
  memory: MemoryState;
  /** Port-channels / aggregated Ethernet bundles, by number; their interfaces close `interfaces`. */
  lags: LagState[];
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
  const lags = deriveLags(
    ctx.world,
    identity,
    ctx.lags.get(name) ?? [],
    (n) => ctx.identity(n),
    (n) => ctx.lags.get(n) ?? [],
  );
  for (const lag of lags) {
    for (const member of lag.members) {
      const iface = interfaces.find((i) => i.name === member.interface);
      if (iface) iface.memberOf = lag.name;
    }
    interfaces.push(deriveAggregate(ctx, identity, lag, interfaces));
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
    lags,
  };
}

/** The aggregate interface: up while a member is bundled, as fast as its bundled members together. */
function deriveAggregate(
  ctx: StateContext,
  identity: DeviceIdentity,
  lag: LagState,
  interfaces: readonly InterfaceState[],
): InterfaceState {
  const key = `${identity.name}:${lag.name}`;
  const members = lag.members.map((m) => interfaces.find((i) => i.name === m.interface)!);
  const bundled = members.filter((_, j) => lag.members[j]!.status === 'bundled');
  const address = ctx.addresses.get(key);
  const documentedPeer = ctx.documented.get(key);
  return {
    name: lag.name,
    mac: lag.mac,
    speed: bundled.reduce((sum, m) => sum + m.speed, 0) || members[0]!.speed,
    mgmt: false,
    connected: bundled.length > 0,
    ...(address ? { address: { ip: address.ip, prefix: address.prefix } } : {}),
    ...(documentedPeer ? { documentedPeer } : {}),
    ...(bundled.length > 0 ? { peer: { node: lag.peer.node, interface: lag.peer.name } } : {}),
    aggregate: lag.number,
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
