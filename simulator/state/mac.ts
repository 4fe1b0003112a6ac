/** MAC addresses as 48-bit numbers, rendered in each vendor's notation. */

export function parseOui(oui: string): number {
  return parseInt(oui.replaceAll(':', ''), 16) * 2 ** 24;
}

function hex12(mac: number): string {
  return mac.toString(16).padStart(12, '0');
}

/** `aabb.cc00.0300`: Cisco and Arista. */
export function renderMacDotted(mac: number): string {
  const h = hex12(mac);
  return `${h.slice(0, 4)}.${h.slice(4, 8)}.${h.slice(8)}`;
}

/** `2c:6b:f5:a1:c2:c0`: Juniper and LLDP chassis IDs. */
export function renderMacColons(mac: number): string {
  return hex12(mac).match(/../g)!.join(':');
}
