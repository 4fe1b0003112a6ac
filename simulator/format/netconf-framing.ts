/**
 * RFC 6242 framing, free of sockets, for both sides (the fleet's NETCONF sessions and the client's):
 * bytes in, whole messages out. NETCONF 1.0 ends a message with
 * `]]>]]>`; 1.1 sends `\n#<size>\n<data>` chunks ended by `\n##\n`. Both sides start in 1.0 for the
 * hellos and switch to chunks when both offered base:1.1. A message past the cap, or a chunk header
 * that does not parse, is a framing error: the session ends there (RFC 6242 §4.2), having held at
 * most the cap in memory.
 */

export type Framing = 'eom' | 'chunked';

export const EOM = ']]>]]>';
const EOM_BYTES = Buffer.from(EOM);
/** RFC 6242 §4.2: chunk-size is 1 to 4294967295, without leading zeros. */
const MAX_CHUNK = 4294967295;
const MAX_CHUNK_DIGITS = 10;

export type Frame = { message: string } | { error: string };

export interface Deframer {
  framing: Framing;
  /** Bytes as they arrive; call `next()` until it returns undefined. */
  append(chunk: Buffer): void;
  /** The next whole message, a framing error (after which nothing more comes), or undefined. */
  next(): Frame | undefined;
  /** Bytes held that are not yet a whole message. */
  readonly buffered: number;
}

export interface DeframerOptions {
  framing?: Framing;
  /**
   * Skip blanks before a message's first chunk header (a client is lenient: some boxes send a
   * newline after the hello's marker); a server holds its peers to RFC 6242.
   */
  tolerateBlanks?: boolean;
}

export function createDeframer(maxMessageBytes: number, options: DeframerOptions = {}): Deframer {
  const framing = options.framing ?? 'eom';
  let pending: Buffer = Buffer.alloc(0);
  let failed = false;
  /** EOM: where the next search for the marker starts. */
  let searched = 0;
  /** Chunked: the data of the current message's chunks so far. */
  let parts: Buffer[] = [];
  let partsBytes = 0;

  const fail = (error: string): Frame => {
    failed = true;
    pending = Buffer.alloc(0);
    parts = [];
    partsBytes = 0;
    return { error };
  };

  const nextEom = (): Frame | undefined => {
    const at = pending.indexOf(EOM_BYTES, Math.max(0, searched - EOM_BYTES.length + 1));
    if (at < 0) {
      searched = pending.length;
      // The marker may be arriving: only more than the cap and a whole marker is too large.
      return pending.length > maxMessageBytes + EOM_BYTES.length
        ? fail(tooLarge(maxMessageBytes))
        : undefined;
    }
    if (at > maxMessageBytes) return fail(tooLarge(maxMessageBytes));
    const message = pending.subarray(0, at).toString('utf8');
    pending = pending.subarray(at + EOM_BYTES.length);
    searched = 0;
    return { message };
  };

  const nextChunked = (): Frame | undefined => {
    for (;;) {
      if (options.tolerateBlanks && parts.length === 0) pending = trimLeadingBlanks(pending);
      if (pending.length < 2) return undefined;
      if (pending[0] !== 0x0a || pending[1] !== 0x23)
        return fail(
          `a chunk header (\\n#) was due, got ${JSON.stringify(pending.subarray(0, 16).toString('latin1'))}`,
        );
      const end = pending.indexOf(0x0a, 2);
      if (end < 0) {
        return pending.length > MAX_CHUNK_DIGITS + 3
          ? fail('a chunk header longer than any chunk size')
          : undefined;
      }
      const header = pending.subarray(2, end).toString('latin1');
      if (header === '#') {
        pending = pending.subarray(end + 1);
        const message = Buffer.concat(parts, partsBytes).toString('utf8');
        parts = [];
        partsBytes = 0;
        if (message.length === 0) return fail('an end-of-chunks marker with no chunk before it');
        return { message };
      }
      if (!/^[1-9][0-9]{0,9}$/.test(header) || Number(header) > MAX_CHUNK)
        return fail(`a bad chunk size ${JSON.stringify(header.slice(0, 16))}`);
      const size = Number(header);
      if (partsBytes + size > maxMessageBytes) return fail(tooLarge(maxMessageBytes));
      if (pending.length < end + 1 + size) return undefined;
      parts.push(Buffer.from(pending.subarray(end + 1, end + 1 + size)));
      partsBytes += size;
      pending = pending.subarray(end + 1 + size);
    }
  };

  return {
    framing,
    append(chunk) {
      if (failed) return;
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    },
    next() {
      if (failed) return undefined;
      return this.framing === 'eom' ? nextEom() : nextChunked();
    },
    get buffered() {
      return pending.length + partsBytes;
    },
  };
}

const tooLarge = (max: number) => `a message larger than ${max} bytes`;

const isBlank = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;

/** Drops blanks before a message's first chunk header, keeping the LF that may start it. */
function trimLeadingBlanks(bytes: Buffer): Buffer {
  let i = 0;
  while (isBlank(bytes[i]) && !(bytes[i] === 0x0a && (i + 1 >= bytes.length || bytes[i + 1] === 0x23))) i++;
  return i === 0 ? bytes : bytes.subarray(i);
}

/** One message framed for the wire. */
export function frame(message: string, framing: Framing): string {
  if (framing === 'eom') return `${message}${EOM}`;
  return `\n#${Buffer.byteLength(message)}\n${message}\n##\n`;
}
