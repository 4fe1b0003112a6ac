/**
 * Password, keyboard-interactive and public key logins against a device's credentials, with its
 * auth latency, counting failures: the attempt that reaches the platform's limit is answered with
 * a disconnect, as OpenSSH's auth_maxtries_exceeded and IOS `ip ssh authentication-retries` do.
 * Under an `auth-fail` fault every attempt fails the same way, after the same latency.
 */
import ssh2 from 'ssh2';
import type { AuthContext, ParsedKey } from 'ssh2';
import type { DeviceRuntime } from '../device/runtime.js';
import type { Protocol } from '../device/stats.js';

const AUTH_METHODS: AuthContext['method'][] = ['password', 'keyboard-interactive', 'publickey'];

/** One connection's failed attempts against its limit; `tooMany` is called once, at the limit. */
export interface AuthTally {
  failures: number;
  limit: number;
  tooMany(): void;
  /** What the device's counters file the failures under (the NETCONF port's are NETCONF's). */
  protocol: Protocol;
}

export function parseAuthorizedKeys(lines: readonly string[]): ParsedKey[] {
  return lines.flatMap((line): ParsedKey[] => {
    const parsed: ParsedKey | ParsedKey[] | Error = ssh2.utils.parseKey(line);
    return parsed instanceof Error ? [] : Array.isArray(parsed) ? parsed : [parsed];
  });
}

export function authenticate(
  ctx: AuthContext,
  device: DeviceRuntime,
  keys: readonly ParsedKey[],
  tally: AuthTally,
): void {
  const { username, password } = device.node.credentials;
  // `none` only asks which methods there are: OpenSSH does not count it as an attempt.
  if (ctx.method === 'none') return ctx.reject(AUTH_METHODS);
  // `auth-fail`: the box turns every login down, whatever the credentials (its AAA server says no).
  const refused = device.faults.has('auth-fail');
  const fail = () => {
    device.stats.authFailure(tally.protocol);
    tally.failures += 1;
    if (tally.failures >= tally.limit) tally.tooMany();
    else ctx.reject(AUTH_METHODS);
  };
  const finish = (ok: boolean) => {
    const delay = device.latency.auth();
    const answer = () => (ok && !refused ? ctx.accept() : fail());
    if (delay <= 0) answer();
    else device.timers.after(delay, answer);
  };
  const userOk = ctx.username === username;
  switch (ctx.method) {
    case 'password':
      return finish(userOk && ctx.password === password);
    case 'keyboard-interactive':
      return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) =>
        finish(userOk && answers[0] === password),
      );
    case 'publickey': {
      const key = keys.find((k) => k.type === ctx.key.algo && k.getPublicSSH().equals(ctx.key.data));
      if (!userOk || !key || refused) return fail();
      if (!ctx.signature || !ctx.blob) return ctx.accept(); // the client asks whether this key would do
      return finish(key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true);
    }
    default:
      return fail();
  }
}
