/**
 * The figures of one interface in `show interface`: state, hardware, addressing and counters,
 * as data. The CLI text and the structured body print the same facts. Counters grow with the
 * time the link has been up, from seeded per-port rates.
 */
import { createRng } from '../../../state/random.js';
import { renderMacDotted } from '../../../state/mac.js';
import type { InterfaceState } from '../../../state/device-state.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isShutdown } from './interfaces.js';
import { renderFlapAge } from './time.js';

export interface NxosCounters {
  unicast: number;
  multicast: number;
  broadcast: number;
  packets: number;
  bytes: number;
}

export interface NxosInterfaceFacts {
  name: string;
  mgmt: boolean;
  up: boolean;
  adminUp: boolean;
  /** Why a port is down (`Link not connected`, `Administratively down`). */
  downReason?: string;
  hardware: string;
  mac: string;
  description?: string;
  address?: { ip: string; prefix: number };
  mtu: number;
  bandwidthKbit: number;
  mode: 'access' | 'routed';
  duplex: 'full' | 'auto';
  /** `10 Gb/s`, `1000 Mb/s`, `auto-speed`. */
  speed: string;
  media?: string;
  /** `2week(s) 1day(s)`, or `never` for a port that never came up. */
  flapped: string;
  /** Seconds since the link came up (0 while down). */
  upSeconds: number;
  /** Seconds since a cabled-then-unplugged port went down; undefined otherwise. */
  downSeconds?: number;
  resets: number;
  rateBits: { input: number; output: number };
  ratePackets: { input: number; output: number };
  input: NxosCounters;
  output: NxosCounters;
}

/** The description the port carries: configured, else from the documentation (`to leaf2 Ethernet1/1`). */
export function nxosPortDescription(ctx: RenderContext, iface: InterfaceState): string | undefined {
  const configured = ctx.config.interfaces.get(iface.name)?.description;
  if (configured !== undefined) return configured;
  const peer = iface.documentedPeer;
  return peer && `to ${peer.node} ${peer.interface}`;
}

const speedText = (mbps: number) => (mbps >= 10_000 ? `${mbps / 1000} Gb/s` : `${mbps} Mb/s`);

function counters(packets: number, multicastShare: number, frameBytes: number): NxosCounters {
  const multicast = Math.floor(packets * multicastShare);
  const broadcast = Math.floor(packets * 0.002);
  return {
    unicast: packets - multicast - broadcast,
    multicast,
    broadcast,
    packets,
    bytes: packets * frameBytes,
  };
}

const NONE: NxosCounters = { unicast: 0, multicast: 0, broadcast: 0, packets: 0, bytes: 0 };

/** The facts of `iface` at the context's time. */
export function nxosInterfaceFacts(ctx: RenderContext, iface: InterfaceState): NxosInterfaceFacts {
  const adminUp = !isShutdown(ctx, iface);
  const up = iface.connected && adminUp;
  const rng = createRng(ctx.state.serial, ctx.state.name, `counters:${iface.name}`);
  const share = rng.int(40, 100) / 100;
  const upSeconds = !up ? 0 : iface.mgmt ? ctx.uptimeSeconds : Math.floor(ctx.uptimeSeconds * share);
  const pps = { input: rng.int(1, 40) / 10, output: rng.int(1, 40) / 10 };
  const frame = { input: rng.int(90, 400), output: rng.int(90, 400) };
  const inPackets = Math.floor(upSeconds * pps.input);
  const outPackets = Math.floor(upSeconds * pps.output);
  const description = nxosPortDescription(ctx, iface);
  const unplugged = !iface.connected && iface.documentedPeer !== undefined;
  const downSeconds = unplugged ? Math.floor(ctx.uptimeSeconds * share) : undefined;
  const neverUp = !iface.connected && !unplugged;
  return {
    name: iface.name,
    mgmt: iface.mgmt,
    up,
    adminUp,
    ...(up ? {} : { downReason: adminUp ? 'Link not connected' : 'Administratively down' }),
    hardware: iface.mgmt ? 'GigabitEthernet' : '1000/10000 Ethernet',
    mac: renderMacDotted(iface.mac),
    ...(description ? { description } : {}),
    ...(iface.address ? { address: iface.address } : {}),
    mtu: 1500,
    bandwidthKbit: iface.speed * 1000,
    mode: iface.address || iface.memberOf ? 'routed' : 'access',
    duplex: up ? 'full' : 'auto',
    speed: up ? speedText(iface.speed) : 'auto-speed',
    ...(up && !iface.mgmt ? { media: iface.speed >= 10_000 ? `${iface.speed / 1000}G` : '1G' } : {}),
    flapped: neverUp ? 'never' : renderFlapAge(downSeconds ?? upSeconds),
    upSeconds,
    ...(downSeconds === undefined ? {} : { downSeconds }),
    resets: neverUp ? 0 : rng.int(1, 4),
    rateBits: up
      ? { input: Math.round(pps.input * frame.input * 8), output: Math.round(pps.output * frame.output * 8) }
      : { input: 0, output: 0 },
    ratePackets: up
      ? { input: Math.round(pps.input), output: Math.round(pps.output) }
      : { input: 0, output: 0 },
    input: up ? counters(inPackets, 0.6, frame.input) : NONE,
    output: up ? counters(outPackets, 0.7, frame.output) : NONE,
  };
}

/** NX-OS lists mgmt0 first, then the Ethernet ports in order. */
export function nxosInterfacesInOrder(ctx: RenderContext): InterfaceState[] {
  return [...ctx.state.interfaces.filter((i) => i.mgmt), ...ctx.state.interfaces.filter((i) => !i.mgmt)];
}
