/** Management addresses: the pool (inside 127.0.0.0/8), explicit addresses, and allocation in file order. */
import {
  LOOPBACK,
  cidrContains,
  cidrSize,
  parseCidr,
  prefixMask,
  renderCidr,
  renderIpv4,
  type Cidr,
} from './ip.js';
import type { Reporter } from './reporter.js';
import type { PathSegment } from './source.js';

/** The pool a file without `mgmt:` gets; it holds 65,534 devices. */
export const DEFAULT_MGMT_POOL = '127.100.0.0/16';

/** Where larger pools go: the upper half of 127.0.0.0/8, well away from 127.0.0.1. */
const LARGE_POOL_BASE = (127 << 24) + (128 << 16);

/** Host addresses of a block (its network and last address are not handed out). */
export function poolHosts(prefix: number): number {
  return 2 ** (32 - prefix) - 2;
}

/** The longest prefix whose block has a host address for each of `count` devices. */
export function prefixFor(count: number): number {
  let prefix = 30;
  while (prefix > 0 && poolHosts(prefix) < count) prefix--;
  return prefix;
}

/**
 * The pool a generated topology of `count` devices writes: none (the default pool) while that
 * holds them, else the smallest block at 127.128.0.0 that does. The same count gives the same pool.
 */
export function generatedPoolFor(count: number): string | undefined {
  if (count <= poolHosts(16)) return undefined;
  return renderCidr({ network: LARGE_POOL_BASE, prefix: prefixFor(count) });
}

/**
 * A block inside 127.0.0.0/8 with room for `count` devices, near the one given: that block's
 * network widened to the prefix needed, unless that would hand out 127.0.0.1 (then 127.128.0.0).
 * Undefined when no block in 127.0.0.0/8 leaving 127.0.0.1 alone is large enough.
 */
export function suggestPool(pool: Cidr, count: number): string | undefined {
  const prefix = prefixFor(count);
  if (prefix < 9) return undefined;
  const network = (pool.network & prefixMask(prefix)) >>> 0;
  return renderCidr({ network: network === LOOPBACK.network ? LARGE_POOL_BASE : network, prefix });
}

/** A node's name and the address it asks for, if any. */
export interface AddressRequest {
  name: string;
  mgmt?: number;
}

/** Parses the pool; the management pool must lie inside 127.0.0.0/8. */
export function resolvePool(
  text: string,
  path: PathSegment[],
  loopback: boolean,
  reporter: Reporter,
): Cidr | undefined {
  const cidr = parseCidr(text);
  if (!cidr || cidr.prefix > 30) {
    reporter.report(
      'ADDRESS_INVALID',
      `"${text}" is not an IPv4 block with room for hosts; valid: e.g. 127.100.0.0/16`,
      path,
    );
    return undefined;
  }
  if (loopback && !(cidrContains(LOOPBACK, cidr.network) && cidr.prefix >= 8)) {
    reporter.report(
      'ADDRESS_OUTSIDE_POOL',
      `"${text}" is not inside 127.0.0.0/8; devices listen on loopback only, e.g. 127.100.0.0/16`,
      path,
    );
    return undefined;
  }
  return cidr;
}

/** Addresses by node name: explicit ones checked (inside the pool, unique), the rest allocated in order. */
export function assignAddresses(
  requests: Iterable<AddressRequest>,
  pool: Cidr,
  reporter: Reporter,
): Map<string, string> | undefined {
  const taken = new Map<number, string>();
  const all = [...requests];
  for (const draft of all) {
    if (draft.mgmt === undefined) continue;
    const path = ['nodes', draft.name, 'mgmt'];
    if (!cidrContains(pool, draft.mgmt))
      reporter.report(
        'ADDRESS_OUTSIDE_POOL',
        `${renderIpv4(draft.mgmt)} is outside the mgmt pool ${renderIpv4(pool.network)}/${pool.prefix}`,
        path,
      );
    const other = taken.get(draft.mgmt);
    if (other)
      reporter.report('ADDRESS_DUPLICATE', `${renderIpv4(draft.mgmt)} is also the address of ${other}`, path);
    else taken.set(draft.mgmt, draft.name);
  }
  const result = new Map<string, string>();
  let next = pool.network + 1;
  const last = pool.network + cidrSize(pool) - 2;
  for (const draft of all) {
    let address = draft.mgmt;
    if (address === undefined) {
      while (taken.has(next)) next++;
      if (next > last) {
        reporter.report('POOL_EXHAUSTED', exhausted(pool, all.length, draft.name), ['mgmt', 'pool']);
        return undefined;
      }
      address = next++;
    }
    result.set(draft.name, renderIpv4(address));
  }
  return result;
}

/** Why the pool is too small, and which block would fit. */
function exhausted(pool: Cidr, devices: number, name: string): string {
  const hosts = poolHosts(pool.prefix);
  const fits = suggestPool(pool, devices);
  return (
    `the mgmt pool ${renderCidr(pool)} holds ${hosts.toLocaleString('en-US')} address${hosts === 1 ? '' : 'es'}, ` +
    `too few for ${devices.toLocaleString('en-US')} devices (none left for ${name}); ` +
    (fits
      ? `a /${prefixFor(devices)} would fit, e.g. mgmt: { pool: "${fits}" }`
      : 'no block inside 127.0.0.0/8 holds that many; split the topology')
  );
}
