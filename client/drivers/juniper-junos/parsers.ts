/** Parsers of Junos operational output: pure functions of the text a device printed. */
import type { ArpRow, MemoryFacts, ObservedNeighbor, VersionFacts } from '../types.js';

/** Lines of a Junos answer without the context lines (`{master:0}`, `[edit]`) and the fpc banner. */
function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => !/^\s*(?:\{\w+(?::\d+)?\}|\[edit.*\])\s*$/.test(l));
}

/** `show lldp neighbors`: Local Interface, Parent, Chassis Id, Port info (may hold spaces), System Name. */
export function parseJunosLldpNeighbors(text: string): ObservedNeighbor[] {
  return lines(text).flatMap((line): ObservedNeighbor[] => {
    const m = /^(\S+)\s+(\S+)\s+((?:[0-9a-f]{2}:){5}[0-9a-f]{2}|\S+)\s+(.+?)\s+(\S+)\s*$/i.exec(line);
    if (!m || m[1] === 'Local') return [];
    return [{ protocol: 'lldp', localInterface: m[1]!, remoteDevice: m[5]!, remoteInterface: m[4]! }];
  });
}

/** `show lldp neighbors detail`: one `LLDP Neighbor Information:` block per neighbour. */
export function parseJunosLldpDetail(text: string): ObservedNeighbor[] {
  return text.split(/^LLDP Neighbor Information:\s*$/m).flatMap((block): ObservedNeighbor[] => {
    const field = (label: string) =>
      new RegExp(`^${label}\\s*:[ \\t]*(.*?)\\s*$`, 'mi').exec(block)?.[1] || undefined;
    const local = field('Local Interface');
    const name = field('System name');
    const port = field('Port description') ?? field('Port ID');
    if (!local || !name || !port) return [];
    const mgmt = /^\s+Address\s*:\s*(\d+\.\d+\.\d+\.\d+)/m.exec(block)?.[1];
    const description = field('System Description');
    const platform = description && /^Juniper Networks, Inc\. (\S+)/.exec(description)?.[1];
    return [
      {
        protocol: 'lldp',
        localInterface: local,
        remoteDevice: name,
        remoteInterface: port,
        ...(platform ? { platform } : {}),
        ...(mgmt ? { mgmtAddress: mgmt } : {}),
      },
    ];
  });
}

/** `show arp no-resolve`: `MAC  ADDRESS  INTERFACE  FLAGS`; the unit (`ge-0/0/1.0`) is kept as printed. */
export function parseJunosArp(text: string): ArpRow[] {
  return lines(text).flatMap((line): ArpRow[] => {
    const m =
      /^((?:[0-9a-f]{2}:){5}[0-9a-f]{2})\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)(?:\s+\[[^\]]*\])?\s+\S+/i.exec(line);
    return m ? [{ mac: m[1]!, address: m[2]!, interface: m[3]! }] : [];
  });
}

/** `show version`: Hostname, Model and the `Junos:` release (older boxes: `JUNOS … Software Suite [x]`). */
export function parseJunosVersion(text: string): VersionFacts {
  const hostname = /^Hostname:\s*(\S+)/m.exec(text)?.[1];
  const model = /^Model:\s*(\S+)/m.exec(text)?.[1];
  const version =
    /^Junos:\s*(\S+)/m.exec(text)?.[1] ??
    /^JUNOS (?:EX\s+|Base OS )?Software (?:Suite|Release)\s*\[([^\]]+)\]/m.exec(text)?.[1];
  return {
    ...(hostname ? { hostname } : {}),
    ...(model ? { model } : {}),
    ...(version ? { version } : {}),
  };
}

/** `show system memory`: Total and Free memory, in Kbytes. */
export function parseJunosMemory(text: string): MemoryFacts {
  const kbytes = (label: string) => {
    const m = new RegExp(`^\\s*${label} memory:\\s*(\\d+) Kbytes`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const total = kbytes('Total');
  const free = kbytes('Free');
  if (total === undefined) return {};
  return {
    totalBytes: total,
    ...(free === undefined ? {} : { freeBytes: free, usedBytes: total - free }),
  };
}
