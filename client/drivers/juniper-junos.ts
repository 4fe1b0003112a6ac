/** Juniper Junos: prompts (with `{master:0}` / `[edit]` above them), session preparation and parsers. */
import {
  parseJunosArp,
  parseJunosLldpDetail,
  parseJunosMemory,
  parseJunosVersion,
} from './juniper-junos/parsers.js';
import type { PlatformDriver } from './types.js';

export {
  parseJunosArp,
  parseJunosLldpDetail,
  parseJunosLldpNeighbors,
  parseJunosMemory,
  parseJunosVersion,
} from './juniper-junos/parsers.js';

export const juniperJunosDriver: PlatformDriver = {
  platform: 'juniper_junos',
  /** `user@host> ` or `user@host# ` at the very end (the context line above it is left to the output). */
  prompt: /(?:^|\n)[\w.-]{1,63}@[\w.\-/:]{1,63}[>#] ?$/,
  onOpen: ['set cli screen-length 0'],
  errorMarkers: [/^syntax error\b/m, /^unknown command\./m, /^'[^']*' is ambiguous\./m, /^error: /m],
  neighbors: [
    {
      protocol: 'lldp',
      command: 'show lldp neighbors detail',
      parse: parseJunosLldpDetail,
      disabled: /^\s*$/,
    },
  ],
  arp: { command: 'show arp no-resolve', parse: parseJunosArp },
  version: { command: 'show version', parse: parseJunosVersion },
  memory: { command: 'show system memory', parse: parseJunosMemory },
  exit: 'exit',
};
