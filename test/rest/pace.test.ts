/** Heavy multi-command requests take turns: a slice of CPU each, and a bounded number building at once. */
import { describe, expect, it } from 'vitest';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { createTimers } from '../../simulator/device/timers.js';
import { paced } from '../../simulator/rest/pace.js';

const deviceWith = (timers = createTimers()) => ({ timers }) as unknown as DeviceRuntime;

async function drain<T>(items: AsyncIterable<T>, seen: string[], tag: string): Promise<void> {
  for await (const item of items) seen.push(`${tag}${String(item)}`);
}

describe('paced', () => {
  it('gives every item, in order, without waiting while the slice lasts', async () => {
    const seen: string[] = [];
    await drain(paced(deviceWith(), [1, 2, 3], { sliceMs: 60_000 }), seen, 'a');
    expect(seen).toEqual(['a1', 'a2', 'a3']);
  });

  it('interleaves two requests once their slices are spent', async () => {
    const device = deviceWith();
    const seen: string[] = [];
    await Promise.all([
      drain(paced(device, [1, 2, 3], { sliceMs: 0 }), seen, 'a'),
      drain(paced(device, [1, 2, 3], { sliceMs: 0 }), seen, 'b'),
    ]);
    expect(seen).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3']);
  });

  it('lets only `heavyBuilds` requests build past their first slice; the next waits for a slot', async () => {
    const device = deviceWith();
    const seen: string[] = [];
    const options = { sliceMs: 0, heavyBuilds: 1 };
    await Promise.all([
      drain(paced(device, [1, 2, 3], options), seen, 'a'),
      drain(paced(device, [1, 2, 3], options), seen, 'b'),
    ]);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
  });

  it('gives the slot back when a request stops early (break, return, throw)', async () => {
    const device = deviceWith();
    const options = { sliceMs: 0, heavyBuilds: 1 };
    for await (const item of paced(device, [1, 2, 3], options)) if (item === 1) break;
    const seen: string[] = [];
    await drain(paced(device, [1, 2], options), seen, 'c');
    expect(seen).toEqual(['c1', 'c2']);
  });

  it('ends a waiting request unanswered when the fleet stops, leaving nothing pending', async () => {
    const timers = createTimers();
    const device = deviceWith(timers);
    const options = { sliceMs: 0, heavyBuilds: 1 };
    const first = paced(device, [1, 2, 3], options);
    expect((await first.next()).value).toBe(1); // the first slice, then it holds the slot
    const firstWaits = first.next();
    const seen: string[] = [];
    const second = drain(paced(device, [1, 2, 3], options), seen, 'b');
    timers.clear();
    expect((await firstWaits).done).toBe(true);
    await second;
    expect(seen).toEqual([]);
    expect(timers.pending).toBe(0);
  });
});
