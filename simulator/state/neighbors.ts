/** CDP and LLDP neighbours: what each port hears from the device really cabled to it. */
import type { Endpoint } from '../topology/model.js';
import type { StateContext } from './context.js';
import { interfaceMac, specOf, type DeviceIdentity } from './identity.js';
import type { Rng } from './random.js';

export interface Neighbor {
  protocol: 'cdp' | 'lldp';
  localInterface: string;
  /** As advertised: CDP Device ID (`host.domain`, NX-OS `host(SERIAL)`) or LLDP system name. */
  deviceId: string;
  /** The neighbour's node name in the topology. */
  hostname: string;
  remoteInterface: string;
  platform: string;
  /** The neighbour's model name (`C9300-48P`). */
  model: string;
  peerPlatform: DeviceIdentity['platform'];
  capabilities: string[];
  mgmtAddress: string;
  /** The address configured on the neighbour's port (its management address if the port has none). */
  address: string;
  version: string;
  chassisMac: number;
  portMac: number;
  /** Seconds left before the entry expires (CDP holdtime, LLDP time remaining). */
  holdtime: number;
  /**
   * How long before the fleet started the entry was learnt: a link comes up a minute after the
   * later of its two ends boots, so this is never more than either device's uptime then.
   */
  discoveredBeforeStart: number;
}

/** Seconds from a boot to its links coming up (and their first advertisements being heard). */
export const LINK_UP_SECONDS = 60;

/**
 * Seconds since the neighbour was learnt (`Discovered … ago`, `Last changed … ago`), `elapsed`
 * seconds after the fleet started: it moves with the clock, so it stays within both uptimes.
 */
export function sinceDiscovered(n: Neighbor, elapsedSeconds: number): number {
  return n.discoveredBeforeStart + Math.max(0, Math.floor(elapsedSeconds));
}

/** Neighbours heard on one port; both ends must run the protocol. */
export function neighborsOn(
  ctx: StateContext,
  self: DeviceIdentity,
  localInterface: string,
  peer: Endpoint,
  rng: Rng,
): Neighbor[] {
  const local = ctx.world.topology.nodeByName.get(self.name)!;
  const remote = ctx.world.topology.nodeByName.get(peer.node)!;
  const other = ctx.identity(peer.node);
  const { model } = specOf(other);
  const out: Neighbor[] = [];
  for (const protocol of ['cdp', 'lldp'] as const) {
    if (!local.protocols[protocol] || !remote.protocols[protocol]) continue;
    out.push({
      protocol,
      localInterface,
      deviceId:
        protocol === 'cdp' && other.platform === 'cisco_nxos' ? `${other.name}(${other.serial})` : other.fqdn,
      hostname: other.name,
      remoteInterface: peer.interface,
      platform: model.platform,
      model: model.name,
      peerPlatform: other.platform,
      capabilities: [...model.capabilities],
      mgmtAddress: other.mgmtAddress,
      address: addressOfPort(ctx, peer) ?? other.mgmtAddress,
      version: other.version,
      chassisMac: other.baseMac,
      portMac: interfaceMac(other, peer.interface),
      holdtime: protocol === 'cdp' ? rng.int(121, 179) : rng.int(91, 120),
      discoveredBeforeStart: Math.max(0, Math.min(self.uptimeAtStart, other.uptimeAtStart) - LINK_UP_SECONDS),
    });
  }
  return out;
}

/** The address a port sends from: its own, or its LAG's when it is a member. */
function addressOfPort(ctx: StateContext, port: Endpoint): string | undefined {
  const own = ctx.addresses.get(`${port.node}:${port.interface}`);
  if (own) return own.ip;
  const lag = ctx.lags.get(port.node)?.find((l) => l.members.some((m) => m.interface === port.interface));
  return lag && ctx.addresses.get(`${port.node}:${lag.name}`)?.ip;
}
