/** Interface traffic counters: seeded per port, growing with uptime, zero on a port that never came up. */
import type { InterfaceState } from '../../../state/device-state.js';
import { createRng } from '../../../state/random.js';
import type { RenderContext } from '../../../device/render-context.js';
import { isShutdown } from './ports.js';

/** What `show interfaces` counts for one port. */
export interface InterfaceCounters {
  /** The 5-minute rates, bits/sec (rounded to thousands, as IOS prints them) and packets/sec. */
  inBits: number;
  inPps: number;
  outBits: number;
  outPps: number;
  inPackets: number;
  inBytes: number;
  outPackets: number;
  outBytes: number;
  /** Broadcasts and multicasts together, as `Received N broadcasts (M multicasts)` counts them. */
  inBroadcasts: number;
  /** CDP and LLDP frames: one every 30 s and one every 60 s. */
  inMulticasts: number;
  outBroadcasts: number;
  outMulticasts: number;
  /** The link came up once at boot. */
  resets: number;
}

const ZERO: InterfaceCounters = {
  inBits: 0,
  inPps: 0,
  outBits: 0,
  outPps: 0,
  inPackets: 0,
  inBytes: 0,
  outPackets: 0,
  outBytes: 0,
  inBroadcasts: 0,
  inMulticasts: 0,
  outBroadcasts: 0,
  outMulticasts: 0,
  resets: 0,
};

const roundThousands = (bits: number) => Math.round(bits / 1000) * 1000;

/** Counters of a port at the context's time: the same seed and time always give the same figures. */
export function interfaceCounters(ctx: RenderContext, iface: InterfaceState): InterfaceCounters {
  if (!iface.connected || isShutdown(ctx, iface)) return { ...ZERO, resets: isShutdown(ctx, iface) ? 1 : 0 };
  const rng = createRng(ctx.state.serial, iface.name, 'counters');
  const inPps = rng.int(1, 40);
  const outPps = rng.int(1, 40);
  const inSize = rng.int(90, 700);
  const outSize = rng.int(90, 700);
  const seconds = Math.max(1, Math.floor(ctx.uptimeSeconds));
  const inPackets = inPps * seconds + rng.int(0, 999);
  const outPackets = outPps * seconds + rng.int(0, 999);
  const control = Math.floor(seconds / 30) + Math.floor(seconds / 60);
  return {
    inBits: roundThousands(inPps * inSize * 8),
    inPps,
    outBits: roundThousands(outPps * outSize * 8),
    outPps,
    inPackets,
    inBytes: inPackets * inSize,
    outPackets,
    outBytes: outPackets * outSize,
    inBroadcasts: control + Math.floor(inPackets / 200),
    inMulticasts: control,
    outBroadcasts: control + Math.floor(outPackets / 250),
    outMulticasts: control,
    resets: 1,
  };
}
