/**
 * The World: the cabling as it really is, the documented links with drift applied in order.
 * Drift files are parsed and validated in drift.ts; this is the patchboard they act on.
 */
import { endpointKey, type Endpoint, type Topology } from './model.js';
import { linksOf } from './links-by-node.js';
import type { PathSegment } from './source.js';

/** One resolved drift item, interface names canonical. */
export type DriftItem =
  | { op: 'unplug'; port: Endpoint }
  | { op: 'swap'; ports: [Endpoint, Endpoint] }
  | { op: 'move'; from: Endpoint; to: Endpoint }
  | { op: 'add'; ports: [Endpoint, Endpoint] };

/** A cable as it really is; `documented` is the index of the documented link it started as. */
export interface Cable {
  a: Endpoint;
  b: Endpoint;
  documented?: number;
}

/** The actual wiring the simulator serves. */
export interface World {
  topology: Topology;
  cables: Cable[];
  drift: DriftItem[];
  /** The far end of the cable at a port, if any. */
  peerOf(endpoint: Endpoint): Endpoint | undefined;
}

/** The world exactly as documented. */
export function createWorld(topology: Topology, drift: DriftItem[] = []): World {
  if (drift.length === 0) return documentedWorld(topology, drift);
  const board = new Patchboard(topology);
  for (const item of drift) board.apply(item);
  return board.world(drift);
}

/**
 * The world without drift: one cable per documented link, and a port's peer found among its
 * device's links (no map keyed by every port; the same answers the patchboard gives).
 */
function documentedWorld(topology: Topology, drift: DriftItem[]): World {
  const cables = topology.links.map((l): Cable => ({ a: l.a, b: l.b, documented: l.index }));
  const peerOf = (endpoint: Endpoint): Endpoint | undefined => {
    for (const link of linksOf(topology, endpoint.node)) {
      if (link.a.node === endpoint.node && link.a.interface === endpoint.interface) return link.b;
      if (link.b.node === endpoint.node && link.b.interface === endpoint.interface) return link.a;
    }
    return undefined;
  };
  return { topology, cables, drift, peerOf };
}

/** Why a drift item cannot be applied to the cabling as it stands. */
export interface Problem {
  code: 'DRIFT_PORT_UNCABLED' | 'DRIFT_PORT_IN_USE' | 'DRIFT_NOOP';
  message: string;
  path: PathSegment[];
}

/** The cabling as it stands while drift items are applied one by one. */
export class Patchboard {
  private readonly cables: Cable[];
  private readonly byPort = new Map<string, Cable>();

  constructor(private readonly topology: Topology) {
    this.cables = topology.links.map((l) => ({ a: l.a, b: l.b, documented: l.index }));
    for (const cable of this.cables) this.plug(cable);
  }

  check(item: DriftItem): Problem | undefined {
    const cabled = (p: Endpoint, path: PathSegment[]): Problem | undefined =>
      this.byPort.has(endpointKey(p))
        ? undefined
        : { code: 'DRIFT_PORT_UNCABLED', message: `${endpointKey(p)} has no cable to ${item.op}`, path };
    const free = (p: Endpoint, path: PathSegment[]): Problem | undefined => {
      const cable = this.byPort.get(endpointKey(p));
      if (!cable) return undefined;
      const peer = endpointKey(otherEnd(cable, p));
      return {
        code: 'DRIFT_PORT_IN_USE',
        message: `${endpointKey(p)} already has a cable (to ${peer}); unplug or swap it first`,
        path,
      };
    };
    switch (item.op) {
      case 'unplug':
        return cabled(item.port, ['unplug']);
      case 'move':
        return cabled(item.from, ['move', 'from']) ?? free(item.to, ['move', 'to']);
      case 'add':
        if (endpointKey(item.ports[0]) === endpointKey(item.ports[1]))
          return { code: 'DRIFT_NOOP', message: 'a cable needs two different ports', path: ['add', 1] };
        return free(item.ports[0], ['add', 0]) ?? free(item.ports[1], ['add', 1]);
      case 'swap': {
        const problem = cabled(item.ports[0], ['swap', 0]) ?? cabled(item.ports[1], ['swap', 1]);
        if (problem) return problem;
        if (this.byPort.get(endpointKey(item.ports[0])) === this.byPort.get(endpointKey(item.ports[1])))
          return {
            code: 'DRIFT_NOOP',
            message: 'both ports are ends of the same cable; swapping them changes nothing',
            path: ['swap'],
          };
        return undefined;
      }
    }
  }

  apply(item: DriftItem): void {
    switch (item.op) {
      case 'unplug':
        this.unplug(this.byPort.get(endpointKey(item.port))!);
        return;
      case 'add':
        this.cables.push({ a: item.ports[0], b: item.ports[1] });
        this.plug(this.cables.at(-1)!);
        return;
      case 'move':
        this.replaceEnd(this.byPort.get(endpointKey(item.from))!, item.from, item.to);
        return;
      case 'swap': {
        const [p, q] = item.ports;
        const first = this.byPort.get(endpointKey(p))!;
        const second = this.byPort.get(endpointKey(q))!;
        this.replaceEnd(first, p, q);
        this.byPort.delete(endpointKey(q));
        this.replaceEnd(second, q, p);
        this.byPort.set(endpointKey(q), first);
        return;
      }
    }
  }

  world(drift: DriftItem[]): World {
    const cables = this.cables.filter((c) => this.byPort.get(endpointKey(c.a)) === c);
    const peers = new Map<string, Endpoint>();
    for (const cable of cables) {
      peers.set(endpointKey(cable.a), cable.b);
      peers.set(endpointKey(cable.b), cable.a);
    }
    return { topology: this.topology, cables, drift, peerOf: (endpoint) => peers.get(endpointKey(endpoint)) };
  }

  private plug(cable: Cable): void {
    this.byPort.set(endpointKey(cable.a), cable);
    this.byPort.set(endpointKey(cable.b), cable);
  }

  private unplug(cable: Cable): void {
    this.byPort.delete(endpointKey(cable.a));
    this.byPort.delete(endpointKey(cable.b));
  }

  private replaceEnd(cable: Cable, from: Endpoint, to: Endpoint): void {
    this.byPort.delete(endpointKey(from));
    if (endpointKey(cable.a) === endpointKey(from)) cable.a = to;
    else cable.b = to;
    this.byPort.set(endpointKey(to), cable);
  }
}

function otherEnd(cable: Cable, port: Endpoint): Endpoint {
  return endpointKey(cable.a) === endpointKey(port) ? cable.b : cable.a;
}
