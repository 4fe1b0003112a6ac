/** Cisco NX-OS: prompts (`host# `, `host(config)# `), session preparation and parsers. */
import { parseCdpDetail } from './cdp.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, PlatformDriver, VersionFacts } from './types.js';

/** `show cdp neighbors detail`. */
export const parseNxosCdpDetail = parseCdpDetail;

/** `show lldp neighbors detail`: each entry starts at `Chassis id:`. */
export function parseNxosLldpDetail(text: string): ObservedNeighbor[] {
  return text
    .split(/^(?=Chassis id:)/m)
    .slice(1)
    .flatMap((entry): ObservedNeighbor[] => {
      const local = /^Local Port id:\s*(\S+)/m.exec(entry)?.[1];
      const port = /^Port id:\s*(.+?)\s*$/m.exec(entry)?.[1];
      const name = /^System Name:\s*(.+?)\s*$/m.exec(entry)?.[1];
      if (!local || !port || !name) return [];
      const mgmt = /^Management Address:\s*(\d[\d.]*)\s*$/m.exec(entry)?.[1];
      return [
        {
          protocol: 'lldp',
          localInterface: local,
          remoteDevice: name,
          remoteInterface: port,
          ...(mgmt ? { mgmtAddress: mgmt } : {}),
        },
      ];
    });
}

/** `show ip arp`: `ADDRESS  hh:mm:ss  MAC|INCOMPLETE  INTERFACE` under the flags legend. */
export function parseNxosArp(text: string): ArpRow[] {
  return text.split('\n').flatMap((line) => {
    const m = /^(\d+\.\d+\.\d+\.\d+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (!m) return [];
    const mac = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(m[3]!) ? m[3] : undefined;
    return [{ address: m[1]!, age: m[2]!, ...(mac ? { mac } : {}), interface: m[4]! }];
  });
}

/** `cisco Nexus9000 C93180YC-EX chassis` → `N9K-C93180YC-EX`, the product ID. */
function chassisModel(text: string): string | undefined {
  const m = /^\s*cisco Nexus\s?(\d)000 (C\S+)/m.exec(text);
  return m ? `N${m[1]}K-${m[2]}` : undefined;
}

/** `show version`: hostname from `Device name:`, software from `NXOS: version` (`system:` on old trains). */
export function parseNxosVersion(text: string): VersionFacts {
  const hostname = /^\s*Device name:\s*(\S+)/m.exec(text)?.[1];
  const version = /^\s*(?:NXOS|system):\s+version\s+(\S+)/m.exec(text)?.[1];
  const serial = /^\s*Processor Board ID\s+(\S+)/m.exec(text)?.[1];
  const uptime = /^Kernel uptime is\s+(.+?)\s*$/m.exec(text)?.[1];
  const model = chassisModel(text);
  return {
    ...(hostname ? { hostname } : {}),
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
    ...(uptime ? { uptime } : {}),
  };
}

/** `show system resources`: `Memory usage:   TOTALK total,   USEDK used,   FREEK free`. */
export function parseNxosMemory(text: string): MemoryFacts {
  const m = /^Memory usage:\s+(\d+)K total,\s+(\d+)K used,\s+(\d+)K free/m.exec(text);
  return m
    ? { totalBytes: Number(m[1]) * 1024, usedBytes: Number(m[2]) * 1024, freeBytes: Number(m[3]) * 1024 }
    : {};
}

export const ciscoNxosDriver: PlatformDriver = {
  platform: 'cisco_nxos',
  prompt: /(?:^|\n)[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,32}\))?# ?$/,
  onOpen: ['terminal length 0'],
  errorMarkers: [
    /^% Invalid command at '\^' marker/m,
    /^% Incomplete command at '\^' marker/m,
    /^% Ambiguous command at '\^' marker/m,
    /^% Permission denied/m,
  ],
  neighbors: [
    {
      protocol: 'cdp',
      command: 'show cdp neighbors detail',
      parse: parseNxosCdpDetail,
      disabled: /^% CDP is not enabled/m,
    },
    {
      protocol: 'lldp',
      command: 'show lldp neighbors detail',
      parse: parseNxosLldpDetail,
      // Without `feature lldp` the show lldp commands do not exist.
      disabled: /^% Invalid command at '\^' marker/m,
    },
  ],
  arp: { command: 'show ip arp', parse: parseNxosArp },
  version: { command: 'show version', parse: parseNxosVersion },
  memory: { command: 'show system resources', parse: parseNxosMemory },
  exit: 'exit',
};
