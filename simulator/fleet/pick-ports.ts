/**
 * Port 0 for SSH, REST or NETCONF: the OS picks the first device's port and the fleet lays the rest out from
 * it as usual (the same port on every address with bind `ip`, consecutive with bind `port`). The OS
 * vouches only for the port it picked, and only until the probe closes, so a start that finds one of
 * the picked ports taken picks again.
 */
import { createServer, type AddressInfo } from 'node:net';

/** Picks (and starts) tried before a taken port is reported as the start's failure. */
export const PICK_ATTEMPTS = 5;

export interface PortRequest {
  /** Where the first device listens: the probe asks the OS about this address. */
  host: string;
  /** Ports each range spans: 1 with bind `ip`, the number of devices with bind `port`. */
  width: number;
  /** 0 asks the OS. */
  sshPort: number;
  /** 0 asks the OS. */
  restPort: number;
  /** 0 asks the OS. */
  netconfPort: number;
}

export interface PickedPorts {
  sshPort: number;
  restPort: number;
  netconfPort: number;
}

/** The ranges a pick lays out, in the order they are picked. */
const RANGES = ['sshPort', 'restPort', 'netconfPort'] as const;

/** Concrete first ports for the ones asked as 0: ranges that fit below 65536 and keep apart. */
export async function pickPorts(request: PortRequest): Promise<PickedPorts> {
  const { width } = request;
  const fits = (first: number) => first + width - 1 <= 65535;
  const apart = (a: number, b: number) => a + width <= b || b + width <= a;
  for (let attempt = 1; ; attempt++) {
    const picked: PickedPorts = { sshPort: 0, restPort: 0, netconfPort: 0 };
    for (const range of RANGES) picked[range] = request[range] || (await probeFreePort(request.host));
    const firsts = RANGES.map((range) => picked[range]);
    const good = firsts.every(fits) && firsts.every((a, i) => firsts.slice(i + 1).every((b) => apart(a, b)));
    if (good || attempt === PICK_ATTEMPTS) return picked;
  }
}

/** Whether a start failed on a port this pick chose and someone took meanwhile: worth picking again. */
export function isPickedPortTaken(error: unknown, request: PortRequest, picked: PickedPorts): boolean {
  const cause = (error as { cause?: { code?: unknown; port?: unknown } } | undefined)?.cause;
  if (cause?.code !== 'EADDRINUSE' || typeof cause.port !== 'number') return false;
  const port = cause.port;
  const within = (asked: number, first: number) =>
    asked === 0 && port >= first && port < first + request.width;
  return RANGES.some((range) => within(request[range], picked[range]));
}

/** A port the OS finds free on `host`, closed again before it is returned. */
export function probeFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port: 0 }, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
