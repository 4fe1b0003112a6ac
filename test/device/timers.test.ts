/** The fleet's timer registry: what it caps, what clearing it does. */
import { describe, expect, it } from 'vitest';
import { createTimers } from '../../simulator/device/timers.js';
import { MAX_TIMER_MS } from '../../simulator/topology/duration.js';

describe('the timer registry', () => {
  it('caps a delay at what a timer holds instead of letting Node wrap it to 1 ms', async () => {
    const timers = createTimers();
    let fired = false;
    timers.after(MAX_TIMER_MS * 4, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
    expect(timers.pending).toBe(1);
    timers.clear();
    expect(timers.pending).toBe(0);
  });

  it('wakes sleepers with false on clear and refuses new timers afterwards', async () => {
    const timers = createTimers();
    const sleeping = timers.sleep(60_000);
    timers.clear();
    expect(await sleeping).toBe(false);
    expect(await timers.sleep(60_000)).toBe(false);
    expect(timers.signal.aborted).toBe(true);
    let ran = false;
    timers.after(0, () => (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ran).toBe(false);
    expect(timers.pending).toBe(0);
  });

  it('sleeps out a short delay and says it completed; a cancelled timer never runs', async () => {
    const timers = createTimers();
    expect(await timers.sleep(1)).toBe(true);
    expect(await timers.sleep(0)).toBe(true);
    let ran = false;
    const cancel = timers.after(1, () => (ran = true));
    cancel();
    expect(timers.pending).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ran).toBe(false);
  });

  it('yields to the event loop: what was due runs first; a clear wakes the yielder with false and refuses more', async () => {
    const timers = createTimers();
    const order: string[] = [];
    const io = new Promise<void>((resolve) => setImmediate(() => (order.push('waiting'), resolve())));
    const yielded = timers.yieldToLoop().then((done) => (order.push('yielder'), done));
    expect(timers.pending).toBe(1);
    expect(await yielded).toBe(true);
    await io;
    expect(order).toEqual(['waiting', 'yielder']);
    expect(timers.pending).toBe(0);
    const pending = timers.yieldToLoop();
    timers.clear();
    expect(await pending).toBe(false);
    expect(await timers.yieldToLoop()).toBe(false);
    expect(timers.pending).toBe(0);
  });
});
