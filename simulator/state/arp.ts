/** ARP tables: own addresses, the peers really cabled to addressed ports, and hosts on the mgmt network. */
import { parseIpv4 } from '../topology/ip.js';
import type { StateContext } from './context.js';
import { interfaceMac, specOf, type DeviceIdentity } from './identity.js';
import { lagMac } from './lags.js';
import { createRng } from './random.js';

export interface ArpEntry {
  address: string;
  /** Undefined while unresolved (IOS prints `Incomplete`). */
  mac?: number;
  interface: string;
  /** Minutes since learnt; undefined for the device's own addresses (IOS prints `-`). */
  ageMinutes?: number;
}

export interface AddressedInterface {
  name: string;
  ip: string;
  mac: number;
  peer?: { node: string; interface: string };
}

/** The ARP table of one device, sorted by address as IOS prints it. */
export function deriveArp(
  ctx: StateContext,
  self: DeviceIdentity,
  interfaces: readonly AddressedInterface[],
): ArpEntry[] {
  const rng = createRng(ctx.seed, self.name, 'arp');
  const entries: ArpEntry[] = [];
  for (const iface of interfaces) {
    entries.push({ address: iface.ip, mac: iface.mac, interface: iface.name });
    if (!iface.peer) continue;
    const peerAddress = ctx.addresses.get(`${iface.peer.node}:${iface.peer.interface}`);
    const own = ctx.addresses.get(`${self.name}:${iface.name}`);
    // A miswired port faces an address of another subnet: ARP never resolves it.
    if (!peerAddress || !own || peerAddress.ip !== own.peerIp) continue;
    const peer = ctx.identity(iface.peer.node);
    const farLag = ctx.lags.get(iface.peer.node)?.find((l) => l.name === iface.peer!.interface);
    entries.push({
      address: peerAddress.ip,
      mac: farLag ? lagMac(peer, farLag) : interfaceMac(peer, iface.peer.interface),
      interface: iface.name,
      ageMinutes: rng.int(0, 240),
    });
  }
  entries.push(...mgmtHosts(ctx, self, rng));
  const keyed = entries.map((entry) => ({ entry, key: parseIpv4(entry.address)! }));
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.entry);
}

/** A few other devices and the gateway, heard on the management interface. */
function mgmtHosts(ctx: StateContext, self: DeviceIdentity, rng: ReturnType<typeof createRng>): ArpEntry[] {
  const { model } = specOf(self);
  const nodes = ctx.world.topology.nodes;
  const gateway = ctx.mgmtGateway;
  const gatewayAge = rng.int(0, 30);
  // The last address of the pool is the mgmt gateway (a VRRP MAC), unless a device holds it.
  const out: ArpEntry[] = ctx.mgmtAddresses.has(gateway)
    ? []
    : [{ address: gateway, mac: 0x00005e000101, interface: model.mgmt, ageMinutes: gatewayAge }];
  const seen = new Set([self.name]);
  for (let i = 0; i < Math.min(3, nodes.length - 1); i++) {
    const other = rng.pick(nodes);
    if (seen.has(other.name)) continue;
    seen.add(other.name);
    const identity = ctx.identity(other.name);
    out.push({
      address: identity.mgmtAddress,
      mac: identity.baseMac,
      interface: model.mgmt,
      ageMinutes: rng.int(0, 240),
    });
  }
  return out;
}
