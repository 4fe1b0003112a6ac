/**
 * The client's side of RFC 6242 framing, free of sockets: bytes in, whole messages out. Hellos
 * travel with the `]]>]]>` end-of-message marker; when both peers offered base:1.1, every later
 * message is `\n#<size>\n<data>` chunks ended by `\n##\n`. A message past the cap, or bytes that
 * are not a chunk header where one is due, are a framing error: the deframer then holds nothing.
 */

export type NetconfFraming = 'eom' | 'chunked';

const EOM = Buffer.from(']]>]]>');
/** RFC 6242 §4.2: a chunk-size is 1 to 4294967295, written without leading zeros. */
const MAX_CHUNK = 4294967295;

export type Deframed = { message: string } | { error: string };

export interface NetconfDeframer {
  /** Switch after the hellos; bytes already held are read in the new framing. */
  framing: NetconfFraming;
  append(chunk: Buffer): void;
  /** The next whole message, a framing error (nothing follows it), or undefined for "need more". */
  next(): Deframed | undefined;
}

export function createNetconfDeframer(maxMessageBytes: number): NetconfDeframer {
  let pending: Buffer = Buffer.alloc(0);
  let searchFrom = 0;
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let failed = false;

  const fail = (error: string): Deframed => {
    failed = true;
    pending = Buffer.alloc(0);
    parts = [];
    partsBytes = 0;
    return { error };
  };
  const tooBig = () => fail(`a message larger than ${maxMessageBytes} bytes`);

  const nextEom = (): Deframed | undefined => {
    const at = pending.indexOf(EOM, Math.max(0, searchFrom - EOM.length + 1));
    if (at < 0) {
      searchFrom = pending.length;
      return pending.length > maxMessageBytes + EOM.length ? tooBig() : undefined;
    }
    if (at > maxMessageBytes) return tooBig();
    const message = pending.subarray(0, at).toString('utf8');
    pending = pending.subarray(at + EOM.length);
    searchFrom = 0;
    return { message };
  };

  const nextChunked = (): Deframed | undefined => {
    for (;;) {
      // Whitespace between a hello's marker and the first chunk is tolerated (some boxes send a newline).
      if (parts.length === 0) pending = trimLeadingBlanks(pending);
      if (pending.length < 2) return undefined;
      if (pending[0] !== 0x0a || pending[1] !== 0x23)
        return fail(
          `a chunk header (\\n#) was due, got ${JSON.stringify(pending.subarray(0, 16).toString('latin1'))}`,
        );
      const end = pending.indexOf(0x0a, 2);
      if (end < 0) return pending.length > 14 ? fail('a chunk header longer than any chunk size') : undefined;
      const header = pending.subarray(2, end).toString('latin1');
      if (header === '#') {
        pending = pending.subarray(end + 1);
        if (partsBytes === 0) return fail('an end-of-chunks marker with no chunk before it');
        const message = Buffer.concat(parts, partsBytes).toString('utf8');
        parts = [];
        partsBytes = 0;
        return { message };
      }
      if (!/^[1-9][0-9]{0,9}$/.test(header) || Number(header) > MAX_CHUNK)
        return fail(`a bad chunk size ${JSON.stringify(header.slice(0, 16))}`);
      const size = Number(header);
      if (partsBytes + size > maxMessageBytes) return tooBig();
      if (pending.length < end + 1 + size) return undefined;
      parts.push(Buffer.from(pending.subarray(end + 1, end + 1 + size)));
      partsBytes += size;
      pending = pending.subarray(end + 1 + size);
    }
  };

  return {
    framing: 'eom',
    append(chunk) {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    },
    next() {
      if (failed) return undefined;
      return this.framing === 'eom' ? nextEom() : nextChunked();
    },
  };
}

const isBlank = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;

/** Drops blanks before a message's first chunk header, keeping the LF that may start it. */
function trimLeadingBlanks(bytes: Buffer): Buffer {
  let i = 0;
  while (isBlank(bytes[i]) && !(bytes[i] === 0x0a && (i + 1 >= bytes.length || bytes[i + 1] === 0x23))) i++;
  return i === 0 ? bytes : bytes.subarray(i);
}

/** One message as it goes on the wire. */
export function frameMessage(message: string, framing: NetconfFraming): string {
  if (framing === 'eom') return `${message}]]>]]>`;
  return `\n#${Buffer.byteLength(message)}\n${message}\n##\n`;
}
