/** SSH host keys: generated once per run, or loaded from files. ed25519 first (cheap), RSA for old clients. */
import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
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
  return [
    ssh2.utils.generateKeyPairSync('ed25519').private,
    ssh2.utils.generateKeyPairSync('rsa', { bits: 2048 }).private,
  ];
}
