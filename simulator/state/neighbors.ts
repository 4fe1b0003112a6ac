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
