/** Management addresses: the pool (inside 127.0.0.0/8), explicit addresses, and allocation in file order. */
import { LOOPBACK, cidrContains, cidrSize, parseCidr, renderIpv4, type Cidr } from './ip.js';
import type { Reporter } from './reporter.js';
import type { PathSegment } from './source.js';

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
        reporter.report(
          'POOL_EXHAUSTED',
          `the mgmt pool has no address left for ${draft.name}; use a larger block`,
          ['mgmt', 'pool'],
        );
        return undefined;
      }
      address = next++;
    }
    result.set(draft.name, renderIpv4(address));
  }
  return result;
}
