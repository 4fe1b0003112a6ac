/** `show cdp neighbors detail` as IOS and NX-OS print it: entries between dashed lines. */
import type { ObservedNeighbor } from './types.js';

/** Parses every entry that names a device and both ports; others are skipped. */
export function parseCdpDetail(text: string): ObservedNeighbor[] {
  return text.split(/^-{6,}\s*$/m).flatMap((entry): ObservedNeighbor[] => {
    const device = /^Device ID:\s*(.+?)\s*$/m.exec(entry)?.[1];
    const ports = /^Interface:\s*([^,]+?),\s+Port ID \(outgoing port\):\s*(.+?)\s*$/m.exec(entry);
    if (!device || !ports) return [];
    const platform = /^Platform:\s*([^,]+?),/m.exec(entry)?.[1];
    // IOS: "Management address(es): / IP address: …"; NX-OS: "Mgmt address(es): / IPv4 Address: …".
    const mgmt = /^(?:Management|Mgmt) address\(es\):\s*\n\s+IP(?:v4)? address:\s*(\S+)/im.exec(entry)?.[1];
    return [
      {
        protocol: 'cdp',
        localInterface: ports[1]!,
        remoteDevice: device,
        remoteInterface: ports[2]!,
        ...(platform ? { platform } : {}),
        ...(mgmt ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}
