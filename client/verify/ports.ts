/** One end of a cable as the verifier sees it: a device name and a canonical interface name. */
import { normalizeInterfaceName } from '../../simulator/topology/interfaces.js';
import { ALL_INTERFACE_TYPES, getKind, type Platform } from '../../simulator/topology/kinds/index.js';

export interface Port {
  device: string;
  interface: string;
}

export const portKey = (p: Port): string => `${p.device.toLowerCase()}|${p.interface.toLowerCase()}`;

export const renderPort = (p: Port): string => `${p.device} ${p.interface}`;

/** Unordered key of a cable between two ports. */
export function cableKey(a: Port, b: Port): string {
  const [x, y] = [portKey(a), portKey(b)].sort();
  return `${x}~${y}`;
}

/** `Gi1/0/1` → `GigabitEthernet1/0/1` with the device's platform, or with every platform's names. */
export function canonicalInterface(name: string, platform?: Platform): string {
  return normalizeInterfaceName(name, platform ? getKind(platform).interfaceTypes : ALL_INTERFACE_TYPES);
}

/**
 * `r1.lab.example.com` → `r1`, NX-OS `r1(SAL1234ABCD)` → `r1`: the name before any serial and
 * domain, as the original check did.
 */
export function canonicalHostname(advertised: string): string {
  return advertised
    .trim()
    .replace(/\(.*\)$/, '')
    .split('.')[0]!;
}
