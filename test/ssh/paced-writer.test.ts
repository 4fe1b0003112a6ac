import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPacedWriter, PACED_HIGH_WATER, type ByteSink } from '../../simulator/ssh/paced-writer.js';

afterEach(() => vi.useRealTimers());

describe('paced writer', () => {
  it('without a rate, writes at once and is drained', () => {
    const out: string[] = [];
    const writer = createPacedWriter((b) => out.push(b.toString()));
    writer.write('hello');
    let drained = false;
    writer.whenDrained(() => (drained = true));
    expect(out).toEqual(['hello']);
    expect(drained).toBe(true);
  });

  it('sends rate × 10 ms bytes per tick, in order, then reports drained', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    const writer = createPacedWriter((b) => out.push(b.toString()), 1000); // 10 bytes per tick
    writer.write('0123456789abcdefghij');
    writer.write('XYZ');
    let drained = false;
    writer.whenDrained(() => (drained = true));
    expect(out).toEqual(['0123456789']);
    vi.advanceTimersByTime(10);
    expect(out).toEqual(['0123456789', 'abcdefghij']);
    expect(drained).toBe(false);
    vi.advanceTimersByTime(10);
    expect(out.join('')).toBe('0123456789abcdefghijXYZ');
    expect(drained).toBe(true);
  });

  it('cancel drops what is queued', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    const writer = createPacedWriter((b) => out.push(b.toString()), 100);
    writer.write('abcdefgh');
    writer.cancel();
    vi.advanceTimersByTime(1000);
    expect(out).toEqual(['a']);
  });

  it('stops ticking while the sink is full, and asks its caller to wait past PACED_HIGH_WATER', () => {
    vi.useFakeTimers();
    const out: string[] = [];
    let full = true;
    let resume: (() => void) | undefined;
    const sink: ByteSink = {
      write: (b) => (out.push(b.toString()), !full),
      whenWritable: (fn) => void (resume = fn),
    };
    const writer = createPacedWriter(sink, 100_000); // 1000 bytes per tick
    expect(writer.write('a'.repeat(1500))).toBe(true);
    vi.advanceTimersByTime(100);
    expect(out.join('').length).toBe(1000); // the sink said full after the first tick
    expect(writer.write('b'.repeat(PACED_HIGH_WATER))).toBe(false);
    let writable = false;
    writer.whenWritable(() => (writable = true));
    full = false;
    resume!();
    vi.advanceTimersByTime(10);
    expect(out.join('').length).toBe(2000);
    expect(writable).toBe(true); // below the high-water mark again
  });
});
