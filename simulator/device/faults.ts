/**
 * The faults a device has right now, and what they do to one command. The fleet's control adds and
 * removes them (fleet/control.ts); the SSH, NETCONF and REST servers ask them at each step:
 * `has('hang')` when a connection arrives, `command()` when a command is answered.
 */
import type { FaultKind, FaultParams } from '../topology/faults.js';
import { createRng, type Rng } from '../state/random.js';

/** A fault in force on one device. */
export interface ActiveFault {
  /** The id of the fault (one spec applied to several devices shares one id). */
  id: string;
  kind: FaultKind;
  params: FaultParams;
  /** When it was applied, ms since the epoch (the device's clock). */
  since: number;
  /** When it lifts by itself, ms since the epoch (the device's clock). */
  until?: number;
}

/** What the device's faults do to the command being answered. */
export interface CommandFault {
  /** Extra wait before the answer, ms (a `slow` outlier). */
  extraMs: number;
  /** Never answer: no output, no prompt (`command-hang`). */
  hang: boolean;
  /** Send this share of the output, then drop the connection (`drop-mid-output`). */
  dropAfter?: number;
  /** Corrupts the output (`garble`). */
  garble?(text: string): string;
}

/** The share of an output `drop-mid-output` lets through before the connection drops. */
export const DROP_AFTER = 0.5;

const NO_FAULT: CommandFault = { extraMs: 0, hang: false };

/** What garbled characters become: printable ASCII, so every client still decodes the bytes. */
const NOISE =
  '!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';

export class DeviceFaults {
  private readonly active = new Map<FaultKind, ActiveFault>();
  private slowRng?: Rng;
  private garbleRng?: Rng;

  constructor(
    private readonly seed: string | number,
    private readonly device: string,
  ) {}

  /** The fault of this kind in force, if any (one per kind: a newer one replaces the older). */
  get(kind: FaultKind): ActiveFault | undefined {
    return this.active.get(kind);
  }

  has(kind: FaultKind): boolean {
    return this.active.has(kind);
  }

  get size(): number {
    return this.active.size;
  }

  list(): ActiveFault[] {
    return [...this.active.values()];
  }

  set(fault: ActiveFault): void {
    this.active.set(fault.kind, fault);
  }

  /** Removes the fault with this id; false when the device has none (or a newer one replaced it). */
  remove(id: string): ActiveFault | undefined {
    for (const fault of this.active.values())
      if (fault.id === id) {
        this.active.delete(fault.kind);
        return fault;
      }
    return undefined;
  }

  clear(): void {
    this.active.clear();
  }

  /**
   * What the faults do to the command being answered now. The draws are seeded per device, so the
   * same fleet, seed and command sequence meet the same outliers and the same corruption.
   */
  command(): CommandFault {
    if (this.active.size === 0) return NO_FAULT;
    const slow = this.active.get('slow');
    const garble = this.active.get('garble');
    let extraMs = 0;
    if (slow) {
      this.slowRng ??= createRng(this.seed, this.device, 'fault-slow');
      if (this.slowRng.chance(slow.params.rate)) extraMs = slow.params.delayMs;
    }
    return {
      extraMs,
      hang: this.active.has('command-hang'),
      ...(this.active.has('drop-mid-output') ? { dropAfter: DROP_AFTER } : {}),
      ...(garble
        ? {
            garble: (text: string) =>
              garbleText(
                text,
                garble.params.rate,
                (this.garbleRng ??= createRng(this.seed, this.device, 'fault-garble')),
              ),
          }
        : {}),
    };
  }
}

/** Replaces a share `rate` of the characters that are not line ends with seeded printable noise. */
export function garbleText(text: string, rate: number, rng: Rng): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\n' || ch === '\r' || !rng.chance(rate)) out += ch;
    else out += NOISE[Math.floor(rng.next() * NOISE.length)];
  }
  return out;
}
