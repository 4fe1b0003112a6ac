/** Cisco IOS / IOS-XE: prompts (scrapli's patterns), session preparation and parsers. */
import { parseCdpDetail } from './cdp.js';
import type { ArpRow, MemoryFacts, ObservedNeighbor, PlatformDriver, VersionFacts } from './types.js';

/** `show cdp neighbors detail`. */
export const parseIosCdpDetail = parseCdpDetail;

/** `show lldp neighbors detail`: entries separated by dashed lines. */
export function parseIosLldpDetail(text: string): ObservedNeighbor[] {
  return text.split(/^-{6,}\s*$/m).flatMap((entry): ObservedNeighbor[] => {
    const local = /^Local Intf:\s*(\S+)/m.exec(entry)?.[1];
    const port = /^Port id:\s*(.+?)\s*$/m.exec(entry)?.[1];
    const name = /^System Name:\s*(.+?)\s*$/m.exec(entry)?.[1];
    if (!local || !port || !name) return [];
    const mgmt = /Management Addresses:\s*\n\s+IP:\s*(\S+)/.exec(entry)?.[1];
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

/** `show ip arp`: `Internet  ADDRESS  AGE  MAC|Incomplete  ARPA  [INTERFACE]`. */
export function parseIosArp(text: string): ArpRow[] {
  return text.split('\n').flatMap((line) => {
    const m = /^Internet\s+(\S+)\s+(\S+)\s+(\S+)\s+ARPA\s*(\S*)/.exec(line);
    if (!m) return [];
    const mac = m[3] === 'Incomplete' ? undefined : m[3];
    return [{ address: m[1]!, age: m[2]!, ...(mac ? { mac } : {}), ...(m[4] ? { interface: m[4] } : {}) }];
  });
}

export function parseIosVersion(text: string): VersionFacts {
  const facts: VersionFacts = {};
  const uptime = /^\s*(\S+)\s+uptime\s+is\s+(.+?)\s*$/m.exec(text);
  if (uptime) Object.assign(facts, { hostname: uptime[1], uptime: uptime[2] });
  const version = /Cisco IOS.*?,\s+Version\s+([^\s,]+)/.exec(text)?.[1];
  const model = /^cisco\s+(\S+)\s+.*processor/m.exec(text)?.[1];
  const serial = /^Processor board ID\s+(\S+)/m.exec(text)?.[1];
  return {
    ...facts,
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
  };
}

/** `show memory statistics`: the Processor pool. */
export function parseIosMemory(text: string): MemoryFacts {
  const m = /^Processor\s+\S+\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(text);
  return m ? { totalBytes: Number(m[1]), usedBytes: Number(m[2]), freeBytes: Number(m[3]) } : {};
}

export const ciscoIosDriver: PlatformDriver = {
  platform: 'cisco_ios',
  prompt: /(?:^|\n)[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,32}\))?[>#]\s*$/,
  onOpen: ['terminal length 0'],
  enable: { command: 'enable', unprivileged: />\s*$/, secretPrompt: /^(?:enable\s)?password:\s?$/im },
  errorMarkers: [
    /^% Ambiguous command/m,
    /^% Incomplete command/m,
    /^% Invalid input detected/m,
    /^% Unknown command/m,
  ],
  neighbors: [
    {
      protocol: 'cdp',
      command: 'show cdp neighbors detail',
      parse: parseIosCdpDetail,
      disabled: /% CDP is not enabled/,
    },
    {
      protocol: 'lldp',
      command: 'show lldp neighbors detail',
      parse: parseIosLldpDetail,
      disabled: /% LLDP is not enabled/,
    },
  ],
  arp: { command: 'show ip arp', parse: parseIosArp },
  version: { command: 'show version', parse: parseIosVersion },
  memory: { command: 'show memory statistics', parse: parseIosMemory },
  exit: 'exit',
};
