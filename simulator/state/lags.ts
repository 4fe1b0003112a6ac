/**
 * LAGs: each device's port-channels as the topology documents them, and their LACP state as the
 * cabling really is. Members bundle when they face a member of the same far-end LAG; an unplugged
 * member is down, one that drift cabled elsewhere is suspended (its LACP partner is not the LAG's).
 */
import { getKind } from '../topology/kinds/index.js';
import { lagInterfaceName } from '../topology/lags.js';
import type { Endpoint, Topology } from '../topology/model.js';
import { endpointKey } from '../topology/model.js';
import type { World } from '../topology/world.js';
import { interfaceMac, portInfo, type DeviceIdentity } from './identity.js';

/** A LAG as documented: its own members and the far end's. */
export interface DocumentedLag {
  number: number;
  name: string;
  peer: { node: string; number: number; name: string };
  /** Own member ports in link order, each with the documented far-end member. */
  members: Array<{ interface: string; peer: Endpoint }>;
  /** Index of the first member link: the LAG's /31 is that link's. */
  firstLink: number;
}

/** Documented LAGs by device, each device's sorted by number. */
export function documentLags(topology: Topology): Map<string, DocumentedLag[]> {
  const byKey = new Map<string, DocumentedLag>();
  const name = (node: string, n: number) =>
    lagInterfaceName(getKind(topology.nodeByName.get(node)!.platform), n);
  for (const link of topology.links) {
    if (!link.lag) continue;
    const ends = [
      [link.a, link.lag[0], link.b, link.lag[1]],
      [link.b, link.lag[1], link.a, link.lag[0]],
    ] as const;
    for (const [self, number, peer, peerNumber] of ends) {
      const key = `${self.node}:${number}`;
      let lag = byKey.get(key);
      if (!lag) {
        lag = {
          number,
          name: name(self.node, number),
          peer: { node: peer.node, number: peerNumber, name: name(peer.node, peerNumber) },
          members: [],
          firstLink: link.index,
        };
        byKey.set(key, lag);
      }
      lag.members.push({ interface: self.interface, peer });
    }
  }
  const out = new Map<string, DocumentedLag[]>();
  for (const [key, lag] of byKey) {
    const node = key.slice(0, key.lastIndexOf(':'));
    out.set(node, [...(out.get(node) ?? []), lag]);
  }
  for (const lags of out.values()) lags.sort((x, y) => x.number - y.number);
  return out;
}

/** LACP system priority every device here runs with (the vendors' default). */
export const LACP_SYSTEM_PRIORITY = 32768;
/** LACP port priority (the vendors' default). */
export const LACP_PORT_PRIORITY = 32768;

export type LagMemberStatus = 'bundled' | 'down' | 'suspended';

export interface LagMemberState {
  interface: string;
  status: LagMemberStatus;
  /** LACP actor port number. */
  portNumber: number;
  /** The far-end member LACP pairs this port with, while bundled. */
  partner?: { node: string; interface: string; portNumber: number };
}

export interface LagState {
  number: number;
  /** Platform name: `Port-channel1`, `port-channel1`, `Port-Channel1`, `ae0`. */
  name: string;
  /** MAC of the aggregate interface. */
  mac: number;
  /** LACP actor system ID's MAC (the device's base MAC). */
  systemMac: number;
  /** The documented far end: device, its LAG and its LACP system MAC. */
  peer: { node: string; number: number; name: string; systemMac: number };
  members: LagMemberState[];
}

/** The aggregate's MAC: EOS gives every port-channel the system MAC, the others their first member's. */
export function lagMac(self: DeviceIdentity, lag: Pick<DocumentedLag, 'members'>): number {
  return self.platform === 'arista_eos' ? self.baseMac : interfaceMac(self, lag.members[0]!.interface);
}

/** The LAG state of one device, from its documented LAGs and the cabling as it is. */
export function deriveLags(
  world: World,
  self: DeviceIdentity,
  documented: readonly DocumentedLag[],
  identity: (name: string) => DeviceIdentity,
  lagsOf: (node: string) => readonly DocumentedLag[],
): LagState[] {
  return documented.map((lag) => {
    const peerIdentity = identity(lag.peer.node);
    const farLag = lagsOf(lag.peer.node).find((l) => l.number === lag.peer.number);
    const farMembers = new Set(
      farLag?.members.map((m) => endpointKey({ node: lag.peer.node, interface: m.interface })),
    );
    const members = lag.members.map((member): LagMemberState => {
      const portNumber = portInfo(self, member.interface).index;
      const real = world.peerOf({ node: self.name, interface: member.interface });
      if (!real) return { interface: member.interface, status: 'down', portNumber };
      if (!farMembers.has(endpointKey(real)))
        return { interface: member.interface, status: 'suspended', portNumber };
      return {
        interface: member.interface,
        status: 'bundled',
        portNumber,
        partner: {
          node: real.node,
          interface: real.interface,
          portNumber: portInfo(peerIdentity, real.interface).index,
        },
      };
    });
    return {
      number: lag.number,
      name: lag.name,
      mac: lagMac(self, lag),
      systemMac: self.baseMac,
      peer: { ...lag.peer, systemMac: peerIdentity.baseMac },
      members,
    };
  });
}
