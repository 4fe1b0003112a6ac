/** RFC 6242 framing: EOM and chunked deframing at every split, bad chunk headers, the message cap. */
import { describe, expect, it } from 'vitest';
import { createDeframer, frame, type Deframer, type Frame } from '../../simulator/format/netconf-framing.js';

const drain = (deframer: Deframer): Frame[] => {
  const out: Frame[] = [];
  for (let i = 0; i < 1000; i++) {
    const next = deframer.next();
    if (!next) break;
    out.push(next);
  }
  return out;
};

const feed = (deframer: Deframer, ...parts: string[]): Frame[] =>
  parts.flatMap((p) => {
    deframer.append(Buffer.from(p));
    return drain(deframer);
  });

describe('end-of-message framing', () => {
  const wire = '<rpc message-id="1"/>]]>]]><rpc message-id="2">é</rpc>]]>]]>';

  it('finds every message whatever byte the stream is split at', () => {
    for (let at = 0; at <= Buffer.byteLength(wire); at++) {
      const bytes = Buffer.from(wire);
      const deframer = createDeframer(1024);
      deframer.append(bytes.subarray(0, at));
      const got = drain(deframer);
      deframer.append(bytes.subarray(at));
      got.push(...drain(deframer));
      expect(got, `split at ${at}`).toEqual([
        { message: '<rpc message-id="1"/>' },
        { message: '<rpc message-id="2">é</rpc>' },
      ]);
      expect(deframer.buffered).toBe(0);
    }
  });

  it('takes a stream fed one byte at a time', () => {
    const deframer = createDeframer(1024);
    const got = [...Buffer.from(wire)].flatMap((b) => {
      deframer.append(Buffer.from([b]));
      return drain(deframer);
    });
    expect(got).toEqual([{ message: '<rpc message-id="1"/>' }, { message: '<rpc message-id="2">é</rpc>' }]);
  });

  it('holds what is not yet a message and gives nothing for a bare marker prefix', () => {
    const deframer = createDeframer(1024);
    expect(feed(deframer, '<a/>]]>]]')).toEqual([]);
    expect(deframer.buffered).toBe(9);
    expect(feed(deframer, '>')).toEqual([{ message: '<a/>' }]);
  });

  it('refuses a message past the cap, marker or not, and then gives nothing more', () => {
    const over = createDeframer(16);
    // Without a marker, the cap plus the marker's 6 bytes may be held (the marker may be arriving).
    expect(feed(over, 'x'.repeat(22))).toEqual([]);
    expect(feed(over, 'x')).toEqual([{ error: 'a message larger than 16 bytes' }]);
    expect(over.buffered).toBe(0);
    expect(feed(over, '<a/>]]>]]>')).toEqual([]);
    const marked = createDeframer(16);
    expect(feed(marked, `${'x'.repeat(17)}]]>]]>`)).toEqual([{ error: 'a message larger than 16 bytes' }]);
    const exact = createDeframer(16);
    expect(feed(exact, `${'x'.repeat(16)}]]>]]>`)).toEqual([{ message: 'x'.repeat(16) }]);
  });
});

describe('chunked framing', () => {
  const chunked = (deframer: Deframer) => ((deframer.framing = 'chunked'), deframer);

  it('joins a message sent as several chunks, split at every byte', () => {
    const wire = '\n#4\n<rpc\n#18\n message-id="102">\n#8\n<a/>é</\n#4\nrpc>\n##\n';
    const expected = [{ message: '<rpc message-id="102"><a/>é</rpc>' }];
    for (let at = 0; at <= Buffer.byteLength(wire); at++) {
      const bytes = Buffer.from(wire);
      const deframer = chunked(createDeframer(1024));
      deframer.append(bytes.subarray(0, at));
      const got = drain(deframer);
      deframer.append(bytes.subarray(at));
      got.push(...drain(deframer));
      expect(got, `split at ${at}`).toEqual(expected);
    }
  });

  it('takes several messages in one chunk of input, and what frame() writes', () => {
    const deframer = chunked(createDeframer(1024));
    const wire = frame('<a/>', 'chunked') + frame('<b>ü</b>', 'chunked');
    expect(wire.startsWith('\n#4\n<a/>\n##\n\n#9\n')).toBe(true);
    expect(feed(deframer, wire)).toEqual([{ message: '<a/>' }, { message: '<b>ü</b>' }]);
  });

  it.each([
    ['a zero size', '\n#0\nabc\n##\n'],
    ['letters', '\n#abc\nabc\n##\n'],
    ['a leading zero', '\n#03\nabc\n##\n'],
    ['a size past 4294967295', '\n#4294967296\nabc\n##\n'],
    ['a size with no end', '\n#12345678901234\n'],
    ['no chunk header', 'abc\n##\n'],
    ['an end of chunks before any chunk', '\n##\n'],
    ['data running past its chunk into the next header', '\n#3\nabcd\n##\n'],
  ])('ends at %s, and gives nothing more', (_what, wire) => {
    const deframer = chunked(createDeframer(1024));
    const got = feed(deframer, wire);
    expect(got).toHaveLength(1);
    expect(got[0]).toHaveProperty('error');
    expect(feed(deframer, frame('<a/>', 'chunked'))).toEqual([]);
    expect(deframer.buffered).toBe(0);
  });

  it('waits while the end of chunks has not come, holding only the data', () => {
    const deframer = chunked(createDeframer(1024));
    expect(feed(deframer, '\n#3\nabc')).toEqual([]);
    expect(deframer.buffered).toBe(3);
    expect(feed(deframer, '\n#2\nde')).toEqual([]);
    expect(feed(deframer, '\n##\n')).toEqual([{ message: 'abcde' }]);
  });

  it('refuses a chunk that would take the message past the cap before its data arrives', () => {
    const deframer = chunked(createDeframer(16));
    expect(feed(deframer, '\n#10\n0123456789')).toEqual([]);
    expect(feed(deframer, '\n#7\n')).toEqual([{ error: 'a message larger than 16 bytes' }]);
    expect(deframer.buffered).toBe(0);
    const huge = chunked(createDeframer(16));
    expect(feed(huge, '\n#4294967295\n')).toEqual([{ error: 'a message larger than 16 bytes' }]);
  });
});
