/** What an LLDP neighbour advertises, independent of how each platform prints it. */
import type { Neighbor } from '../state/neighbors.js';
import { iosShortName } from './cisco-ios/render/ports.js';

/** LLDP system capabilities by letter, in TLV bit order. */
const CAPABILITY_LETTERS: ReadonlyArray<[letter: string, names: readonly string[]]> = [
  ['O', ['Other']],
  ['P', ['Repeater']],
  ['B', ['Bridge', 'Switch']],
  ['W', ['WLAN Access Point']],
  ['R', ['Router']],
  ['T', ['Telephone', 'Phone']],
  ['C', ['DOCSIS Cable Device']],
  ['S', ['Station', 'Host']],
];

/** The neighbour's capabilities as LLDP letters (`B`, `R`, …). */
export function lldpCapabilityLetters(n: Neighbor): string[] {
  return CAPABILITY_LETTERS.filter(([, names]) => names.some((name) => n.capabilities.includes(name))).map(
    ([letter]) => letter,
  );
}

/** The Port ID TLV: IOS sends its short port name, the others their full interface name. */
export function lldpPortId(n: Neighbor): string {
  return n.peerPlatform === 'cisco_ios' ? iosShortName(n.remoteInterface) : n.remoteInterface;
}
