/**
 * Two speed-ups of ssh2 (1.17) that change no byte on the wire, shared by the simulator's servers
 * and the client's transport (both load ssh2; this file sits at the top of simulator/ so either may
 * import it).
 *
 * - curve25519-sha256 without DER. ssh2 exports its ephemeral x25519 public key as SPKI DER and
 *   imports the peer's by building SPKI DER: OpenSSL 3's DER encoder and decoder take ~150 µs and
 *   ~135 µs per call on this machine, a fifth of a login's server CPU. The same keys go through
 *   JWK in ~3 µs and ~20 µs (raw 32 bytes, base64url). ssh2 keeps its key exchange classes private,
 *   so the hook is on the one place an instance becomes reachable: `Protocol#_kex`, set when the
 *   peer's KEXINIT arrives. The first curve25519 exchange seen has its class's prototype patched
 *   (before its keys are used), every later one shares it. Guarded: the patch applies only if the
 *   shapes are those of ssh2 1.x (type '25519', the three methods), and any error in the fast path
 *   falls back to ssh2's own method, so the outcome (a secret, or the same failure) is ssh2's.
 * - Signatures verified with a parsed public key. ssh2 hands the key to Node's verifier as PEM
 *   text, which OpenSSL re-parses at every handshake (the client checking the host key's signature,
 *   the server checking a public key login). The patched `verify` of ssh2's key prototype keeps
 *   the KeyObject of each PEM it met (a fleet has a handful of host keys; the cache is bounded)
 *   and falls back to ssh2's own `verify` on any error.
 * - Coalesced writes. ssh2 writes each SSH packet to the socket on its own (a key exchange reply
 *   and NEWKEYS; an exec's output, exit status, EOF and close): `coalesceWrites` corks the socket
 *   at the first write of a tick and uncorks it on the next tick, so they leave in one writev.
 */
import { createPublicKey, diffieHellman, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

interface Curve25519Exchange {
  type: string;
  _keys: { publicKey: KeyObject; privateKey: KeyObject } | null;
  generateKeys: (this: Curve25519Exchange) => void;
  getPublicKey: (this: Curve25519Exchange) => Buffer;
  computeSecret: (this: Curve25519Exchange, otherPublicKey: Buffer) => Buffer | Error;
}

let installed = false;

/** Installs the curve25519 hook once per process; false if ssh2's shape is not the one known. */
export function installSsh2Speedups(): boolean {
  if (installed) return true;
  let Protocol: unknown;
  try {
    Protocol = createRequire(import.meta.url)('ssh2/lib/protocol/Protocol.js');
  } catch {
    return false;
  }
  if (typeof Protocol !== 'function') return false;
  const proto = (Protocol as { prototype: object }).prototype;
  if (Object.getOwnPropertyDescriptor(proto, '_kex')) return false;
  const slot = Symbol('labfleet.kex');
  let patched = false;
  Object.defineProperty(proto, '_kex', {
    configurable: true,
    get(this: Record<symbol, unknown>) {
      return this[slot];
    },
    set(this: Record<symbol, unknown>, kex: unknown) {
      this[slot] = kex;
      if (!patched && isCurve25519(kex)) patched = patchCurve25519(Object.getPrototypeOf(kex) as object);
    },
  });
  installed = true;
  patchKeyVerify();
  return true;
}

interface KeyPrototype {
  getPublicPEM: (this: KeyPrototype) => unknown;
  verify: (this: KeyPrototype, data: Buffer, signature: Buffer, algo?: string) => boolean | Error;
}

const VERIFY_CACHE_LIMIT = 256;

function patchKeyVerify(): void {
  let sample: object;
  try {
    const keyParser = createRequire(import.meta.url)('ssh2/lib/protocol/keyParser.js') as {
      parseKey(text: string): unknown;
    };
    const x = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    const type = Buffer.from('ssh-ed25519');
    const blob = Buffer.concat([u32(type.length), type, u32(32), Buffer.from(x, 'base64url')]);
    const parsed = keyParser.parseKey(`ssh-ed25519 ${blob.toString('base64')}`);
    if (typeof parsed !== 'object' || parsed === null || parsed instanceof Error) return;
    sample = parsed;
  } catch {
    return;
  }
  const base = Object.getPrototypeOf(sample) as Partial<KeyPrototype>;
  const hashSymbol = Object.getOwnPropertySymbols(sample).find((s) => s.description === 'Hash Algorithm');
  const own = base.verify;
  if (typeof own !== 'function' || typeof base.getPublicPEM !== 'function' || !hashSymbol) return;
  const keys = new Map<string, KeyObject>();
  base.verify = function (this: KeyPrototype, data: Buffer, signature: Buffer, algo?: string) {
    try {
      const pem = this.getPublicPEM();
      if (typeof pem !== 'string') return own.call(this, data, signature, algo);
      let key = keys.get(pem);
      if (!key) {
        if (keys.size >= VERIFY_CACHE_LIMIT) keys.clear();
        key = createPublicKey(pem);
        keys.set(pem, key);
      }
      const hash =
        algo && typeof algo === 'string'
          ? algo
          : (this as unknown as Record<symbol, string | null>)[hashSymbol];
      return verify(hash ?? null, data, key, signature);
    } catch {
      return own.call(this, data, signature, algo);
    }
  };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function isCurve25519(kex: unknown): kex is Curve25519Exchange {
  if (typeof kex !== 'object' || kex === null) return false;
  const k = kex as Partial<Curve25519Exchange>;
  return (
    k.type === '25519' &&
    typeof k.generateKeys === 'function' &&
    typeof k.getPublicKey === 'function' &&
    typeof k.computeSecret === 'function'
  );
}

function patchCurve25519(proto: object): boolean {
  const p = proto as Curve25519Exchange;
  const ownPublicKey = p.getPublicKey;
  const ownSecret = p.computeSecret;
  p.getPublicKey = function (this: Curve25519Exchange) {
    try {
      this.generateKeys();
      const x = this._keys!.publicKey.export({ format: 'jwk' }).x;
      const raw = typeof x === 'string' ? Buffer.from(x, 'base64url') : undefined;
      if (raw?.length === 32) return raw;
    } catch {
      // ssh2's own path below decides.
    }
    return ownPublicKey.call(this);
  };
  p.computeSecret = function (this: Curve25519Exchange, otherPublicKey: Buffer) {
    try {
      this.generateKeys();
      const publicKey = createPublicKey({
        key: { kty: 'OKP', crv: 'X25519', x: otherPublicKey.toString('base64url') },
        format: 'jwk',
      });
      return toMpint(diffieHellman({ privateKey: this._keys!.privateKey, publicKey }));
    } catch {
      return ownSecret.call(this, otherPublicKey);
    }
  };
  return true;
}

/** An SSH mpint of an unsigned big-endian number: leading zeros dropped, a zero byte if the top bit is set (ssh2's convertToMpint). */
function toMpint(buf: Buffer): Buffer {
  let start = 0;
  while (start < buf.length && buf[start] === 0) start++;
  const rest = buf.subarray(start);
  if (rest.length > 0 && rest[0]! & 0x80) return Buffer.concat([Buffer.alloc(1), rest]);
  return start === 0 ? buf : Buffer.from(rest);
}

/**
 * Writes made in one tick leave the socket together (one writev), on the next tick. A destroy in
 * the same tick flushes them first, as an uncorked socket would have sent them already.
 */
export function coalesceWrites(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  const destroy = socket.destroy.bind(socket);
  let corked = false;
  const uncork = () => {
    if (!corked) return;
    corked = false;
    socket.uncork();
  };
  socket.destroy = (error?: Error) => {
    uncork();
    return destroy(error);
  };
  socket.write = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  };
}
