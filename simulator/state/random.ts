/** Seeded randomness: every random choice in labfleet comes from here. */
import seedrandom from 'seedrandom';

/** A seeded generator with the helpers device derivation needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  chance(p: number): boolean;
}

/**
 * A generator for one purpose of one device: seed + device name + stream name. Streams are
 * independent, so adding a draw to one never shifts another's output.
 */
export function createRng(seed: string | number, device: string, stream: string): Rng {
  const prng = seedrandom.alea(`${seed}\u0000${device}\u0000${stream}`);
  const next = () => prng.quick();
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    chance: (p) => next() < p,
  };
}

/** Fills a serial pattern: `A` letter, `9` digit, `X` letter or digit, others literal. */
export function renderSerial(pattern: string, rng: Rng): string {
  const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const DIGITS = '0123456789';
  return [...pattern]
    .map((c) =>
      c === '@'
        ? rng.pick([...LETTERS])
        : c === '9'
          ? rng.pick([...DIGITS])
          : c === 'X'
            ? rng.pick([...(LETTERS + DIGITS)])
            : c,
    )
    .join('');
}
