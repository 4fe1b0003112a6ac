/**
 * LAG membership of links: numbers valid for each end's platform, and every member of one LAG
 * joining the same two devices under the same numbers at both ends.
 */
import type { KindSpec } from './kinds/index.js';
import type { Endpoint } from './model.js';
import type { RawLag } from './schema.js';
import type { PathSegment } from './source.js';
import type { Reporter } from './reporter.js';

/** `Port-channel1`, `port-channel1`, `Port-Channel1`, `ae1`: the aggregate's name on a platform. */
export function lagInterfaceName(kind: Pick<KindSpec, 'lag'>, lag: number): string {
  return `${kind.lag.prefix}${lag}`;
}

interface LagEnd {
  peer: string;
  peerLag: number;
  path: PathSegment[];
}

/** Checks the LAGs of resolved links as they are added, keyed by `node:number`. */
export class LagChecker {
  private readonly ends = new Map<string, LagEnd>();

  constructor(
    private readonly kindOf: (node: string) => KindSpec,
    private readonly reporter: Reporter,
  ) {}

  /** Numbers per end, or undefined (reported) when one is out of range or the LAG is inconsistent. */
  check(raw: RawLag, a: Endpoint, b: Endpoint, path: PathSegment[]): [number, number] | undefined {
    const numbers: [number, number] = typeof raw === 'number' ? [raw, raw] : raw;
    const paths =
      typeof raw === 'number'
        ? [path, path]
        : [
            [...path, 0],
            [...path, 1],
          ];
    const inRange = [a, b].every((end, j) => this.checkRange(end, numbers[j]!, paths[j]!));
    if (!inRange) return undefined;
    if (a.node === b.node) {
      this.reporter.report(
        'LAG_INVALID',
        `both ends are on ${a.node}; a LAG joins two different devices`,
        path,
      );
      return undefined;
    }
    const ok =
      this.checkEnd(a, numbers[0], b, numbers[1], paths[0]!, paths[1]!) &&
      this.checkEnd(b, numbers[1], a, numbers[0], paths[1]!, paths[0]!);
    return ok ? numbers : undefined;
  }

  private checkRange(end: Endpoint, lag: number, path: PathSegment[]): boolean {
    const kind = this.kindOf(end.node);
    if (lag >= kind.lag.min && lag <= kind.lag.max) return true;
    const { prefix, min, max } = kind.lag;
    this.reporter.report(
      'VALUE_INVALID',
      `${end.node} is ${kind.platform} and has no LAG ${lag}; valid: ${min}–${max} (${prefix}${min}–${prefix}${max})`,
      path,
    );
    return false;
  }

  private checkEnd(
    self: Endpoint,
    lag: number,
    peer: Endpoint,
    peerLag: number,
    path: PathSegment[],
    peerPath: PathSegment[],
  ): boolean {
    const key = `${self.node}:${lag}`;
    const name = `${self.node} ${lagInterfaceName(this.kindOf(self.node), lag)}`;
    const first = this.ends.get(key);
    if (!first) {
      this.ends.set(key, { peer: peer.node, peerLag, path });
      return true;
    }
    if (first.peer !== peer.node) {
      this.reporter.report(
        'LAG_INVALID',
        `${name} already joins ${self.node} to ${first.peer} at ${this.reporter.where(first.path)}; every member of a LAG joins the same two devices`,
        path,
      );
      return false;
    }
    if (first.peerLag !== peerLag) {
      const peerName = lagInterfaceName(this.kindOf(peer.node), first.peerLag);
      this.reporter.report(
        'LAG_INVALID',
        `${name} is ${peer.node} ${peerName} at the other end (${this.reporter.where(first.path)}), not ${lagInterfaceName(this.kindOf(peer.node), peerLag)}; every member uses the same numbers`,
        peerPath,
      );
      return false;
    }
    return true;
  }
}
