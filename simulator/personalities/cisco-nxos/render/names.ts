/** Interface names the way NX-OS prints them in brief tables. */
import { getKind } from '../../../topology/kinds/index.js';
import { shortInterfaceName, splitInterfaceName } from '../../../topology/interfaces.js';

const NXOS_TYPES = getKind('cisco_nxos').interfaceTypes;

/** `Ethernet1/1` → `Eth1/1`; `mgmt0` stays. */
export const nxosShortName = (name: string): string => shortInterfaceName(name, NXOS_TYPES);

/**
 * A neighbour's port in `show cdp neighbors`: NX-OS keeps the first three letters of the type
 * (`Gig1/0/1`, `Fas1/0/9`, `Eth1/1`) and leaves names without a plain type prefix alone.
 */
export function nxosCdpPortName(name: string): string {
  const split = splitInterfaceName(name);
  if (!split || split.token.includes('-') || /^mgmt$/i.test(split.token)) return name;
  return split.token.slice(0, 3) + split.numbering;
}
