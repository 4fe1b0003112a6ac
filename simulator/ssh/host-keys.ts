/** SSH host keys: generated once per run, or loaded from files. ed25519 first (cheap), RSA for old clients. */
import { readFile } from 'node:fs/promises';
import { createPrivateKey, sign } from 'node:crypto';
import ssh2, { type ParsedKey } from 'ssh2';
import { LabfleetError } from '../errors.js';

export async function loadHostKeys(paths: readonly string[]): Promise<Buffer[]> {
  return Promise.all(
    paths.map(async (path) => {
      let key: Buffer;
      try {
        key = await readFile(path);
      } catch (cause) {
        throw new LabfleetError(
          'FILE_UNREADABLE',
          `cannot read host key ${path}: ${(cause as Error).message}`,
          { cause },
        );
      }
      const parsed = ssh2.utils.parseKey(key);
      if (parsed instanceof Error)
        throw new LabfleetError('USAGE', `${path} is not a private key ssh2 can use: ${parsed.message}`);
      return key;
    }),
  );
}

/** Fresh ed25519 and RSA-2048 host keys in OpenSSH format. */
export function generateHostKeys(): string[] {
  return [generateUsableKey('ed25519'), generateUsableKey('rsa')];
}

/**
 * ssh2's generator writes about one ed25519 key in 256 with a 31-byte public key (a leading zero
 * byte lost), which its own parser then rejects: draw again until the key parses.
 */
export function generateUsableKey(type: 'ed25519' | 'rsa'): string {
  return generateUsableKeyPair(type).private;
}

/** A key pair (OpenSSH private key, authorized_keys line) whose both halves ssh2 parses. */
export function generateUsableKeyPair(type: 'ed25519' | 'rsa'): { private: string; public: string } {
  for (let attempt = 0; attempt < 10; attempt++) {
    const pair =
      type === 'rsa'
        ? ssh2.utils.generateKeyPairSync('rsa', { bits: 2048 })
        : ssh2.utils.generateKeyPairSync('ed25519');
    if (
      !(ssh2.utils.parseKey(pair.private) instanceof Error) &&
      !(ssh2.utils.parseKey(pair.public) instanceof Error)
    )
      return pair;
  }
  throw new LabfleetError('USAGE', `could not generate a usable ${type} host key; pass one with --host-key`);
}

/**
 * Parses host keys once and signs with a pre-parsed KeyObject. ssh2 otherwise hands the PEM text
 * to OpenSSL on every handshake, which re-parses it: about a quarter of the server's CPU per login.
 */
export function prepareHostKeys(keys: ReadonlyArray<string | Buffer>): Array<{ key: ParsedKey }> {
  return keys.map((text) => {
    const parsed = ssh2.utils.parseKey(text);
    if (parsed instanceof Error)
      throw new LabfleetError('USAGE', `host key is not usable: ${parsed.message}`);
    const key = Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
    const hashFor = defaultHash(key.type);
    if (hashFor === undefined) return { key };
    const keyObject = createPrivateKey(key.getPrivatePEM());
    const fallback = key.sign.bind(key);
    key.sign = (data: Buffer, algo?: string) => {
      try {
        return sign(algo ?? hashFor, data, keyObject);
      } catch {
        return fallback(data, algo);
      }
    };
    return { key };
  });
}

/** The hash each key type signs with when the caller names none; undefined: leave ssh2's signer. */
function defaultHash(type: string): string | null | undefined {
  if (type === 'ssh-ed25519') return null;
  if (type === 'ssh-rsa') return 'sha1';
  return undefined;
}
