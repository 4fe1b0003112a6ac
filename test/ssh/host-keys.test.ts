import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { generateHostKeys, generateUsableKey, prepareHostKeys } from '../../simulator/ssh/host-keys.js';

describe('host keys', () => {
  it('every generated ed25519 key parses (ssh2 alone fails about one in 256)', () => {
    // 2,000 keys make a 1-in-256 failure all but certain to show if the retry were missing.
    for (let i = 0; i < 2000; i++) {
      const parsed = ssh2.utils.parseKey(generateUsableKey('ed25519'));
      expect(parsed instanceof Error ? parsed.message : (parsed as { type: string }).type).toBe(
        'ssh-ed25519',
      );
    }
  });

  it('a fleet gets ed25519 first, then RSA, both prepared for signing', () => {
    expect(prepareHostKeys(generateHostKeys()).map((k) => k.key.type)).toEqual(['ssh-ed25519', 'ssh-rsa']);
  });
});
