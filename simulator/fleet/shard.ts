/**
 * Which devices a process serves. A fleet split over processes (`up --workers`) or hosts
 * (`up --shard i/n`) gives each part one contiguous block of the topology's nodes, in file order:
 * every part derives the whole world from topology and seed, and only serving is split, so the
 * neighbours, ARP tables and addresses a device shows are the same whichever part serves it.
 *
 * Indices are 0-based, as a Kubernetes StatefulSet numbers its pods and an Indexed Job its
 * completions: `--shard 0/2` and `--shard 1/2` together serve everything.
 */
import { LabfleetError } from '../errors.js';

export interface Shard {
  /** 0 ≤ index < count. */
  index: number;
  count: number;
}

/** The largest number of shards (or workers) a fleet is split into. */
export const MAX_SHARDS = 4096;

/** The nodes shard `index` of `count` serves out of `total`: topology indices start ≤ i < end. */
export function shardRange(total: number, shard: Shard): { start: number; end: number } {
  return {
    start: Math.floor((shard.index * total) / shard.count),
    end: Math.floor(((shard.index + 1) * total) / shard.count),
  };
}

/** Which of `count` parts serves topology node `index` of `total` (the inverse of shardRange). */
export function shardOf(index: number, total: number, count: number): number {
  // floor(s * total / count) <= index  ⟺  s <= (index * count + count - 1) / total, roughly; search
  // the neighbourhood of the estimate so rounding never puts a node in the wrong part.
  let s = Math.min(count - 1, Math.floor((index * count) / Math.max(total, 1)));
  while (s > 0 && shardRange(total, { index: s, count }).start > index) s--;
  while (s < count - 1 && shardRange(total, { index: s, count }).end <= index) s++;
  return s;
}

/** `--shard i/n`: a usage error naming the valid range for anything else. */
export function parseShard(flag: string, text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!match)
    throw new LabfleetError(
      'USAGE',
      `${flag} "${text}" is not i/n; e.g. ${flag} 0/2 and ${flag} 1/2 serve half the topology each (i from 0 to n-1, as a StatefulSet's pod ordinal)`,
    );
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS)
    throw new LabfleetError('USAGE', `${flag} ${text}: n must be from 1 to ${MAX_SHARDS}, got ${count}`);
  if (index >= count)
    throw new LabfleetError(
      'USAGE',
      `${flag} ${text}: i must be from 0 to ${count - 1} for ${count} shard${count === 1 ? '' : 's'} (0-based, as a StatefulSet's pod ordinal)`,
    );
  return { index, count };
}

/** `--shard 1/4` as written. */
export function renderShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
