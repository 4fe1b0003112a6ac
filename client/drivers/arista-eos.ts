/** Arista EOS: prompts, session preparation and parsers of EOS's text output. */
import type { ArpRow, MemoryFacts, ObservedNeighbor, PlatformDriver, VersionFacts } from './types.js';

/** A value EOS may print in double quotes (`"Ethernet1"`), unquoted. */
const unquote = (text: string) => text.replace(/^"(.*)"$/s, '$1');

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** One `Neighbor …` block of `show lldp neighbors detail`. */
function parseNeighborBlock(localInterface: string, block: string): ObservedNeighbor[] {
  const port = /- Port ID type:[^\n]*\n\s*Port ID\s*:\s*(.*?)\s*$/m.exec(block)?.[1];
  const name = /- System Name:\s*(.*?)\s*$/m.exec(block)?.[1];
  if (port === undefined || name === undefined) return [];
  const mgmt = /Management Address\s*:\s*(\S+)/.exec(block)?.[1];
  return [
    {
      protocol: 'lldp',
      localInterface,
      remoteDevice: unquote(name),
      remoteInterface: unquote(port),
      ...(mgmt && IPV4.test(mgmt) ? { mgmtAddress: mgmt } : {}),
    },
  ];
}

/** `show lldp neighbors detail`: `Interface X detected N LLDP neighbors:`, then one block each. */
export function parseEosLldpDetail(text: string): ObservedNeighbor[] {
  const sections = text.split(/^Interface (\S+) detected \d+ LLDP neighbors:\s*$/m);
  const out: ObservedNeighbor[] = [];
  for (let i = 1; i + 1 < sections.length; i += 2) {
    const local = sections[i]!;
    const blocks = sections[i + 1]!.split(/^\s*Neighbor /m).slice(1);
    for (const block of blocks) out.push(...parseNeighborBlock(local, block));
  }
  return out;
}

/** `show ip arp`: `ADDRESS AGE MAC INTERFACE[, PORT|not learned]`, with or without VRF headers. */
export function parseEosArp(text: string): ArpRow[] {
  return text.split('\n').flatMap((line) => {
    const m =
      /^(\d{1,3}(?:\.\d{1,3}){3})\s+(\S+)\s+([0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})\s+([^,\s]+)/i.exec(line);
    return m ? [{ address: m[1]!, age: m[2]!, mac: m[3]!, interface: m[4]! }] : [];
  });
}

/** `show version`: model on the first line (`Arista DCS-7050SX3-48YC8`); no hostname is printed. */
export function parseEosVersion(text: string): VersionFacts {
  const field = (label: string) => new RegExp(`^${label}:[ \\t]*(\\S.*?)\\s*$`, 'm').exec(text)?.[1];
  const model = /^Arista\s+(\S+)/m.exec(text)?.[1];
  const version = field('Software image version')?.split(/\s/)[0];
  const serial = field('Serial number');
  const uptime = field('Uptime');
  return {
    ...(version ? { version } : {}),
    ...(model ? { model } : {}),
    ...(serial ? { serial } : {}),
    ...(uptime ? { uptime } : {}),
  };
}

/** `show version`'s `Total memory:` and `Free memory:` lines, in kB. */
export function parseEosMemory(text: string): MemoryFacts {
  const total = /^Total memory:\s*(\d+)\s*kB/m.exec(text)?.[1];
  const free = /^Free memory:\s*(\d+)\s*kB/m.exec(text)?.[1];
  if (total === undefined || free === undefined) return {};
  const totalBytes = Number(total) * 1024;
  const freeBytes = Number(free) * 1024;
  return { totalBytes, usedBytes: totalBytes - freeBytes, freeBytes };
}

export const aristaEosDriver: PlatformDriver = {
  platform: 'arista_eos',
  prompt: /(?:^|\n)[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,48}\))?[>#]\s*$/,
  onOpen: ['terminal length 0'],
  enable: { command: 'enable', unprivileged: />\s*$/, secretPrompt: /^(?:enable\s)?password:\s?$/im },
  errorMarkers: [/^% Invalid input/m, /^% Incomplete command/m, /^% Ambiguous command/m],
  neighbors: [
    {
      protocol: 'lldp',
      command: 'show lldp neighbors detail',
      parse: parseEosLldpDetail,
      disabled: /% LLDP is not enabled/,
    },
  ],
  arp: { command: 'show ip arp', parse: parseEosArp },
  version: { command: 'show version', parse: parseEosVersion },
  memory: { command: 'show version', parse: parseEosMemory },
  exit: 'exit',
};
