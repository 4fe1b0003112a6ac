/** The Junos show table: each `show` command, the modes it works in and the renderer in render/. */
import { k } from '../../engine/grammar.js';
import type { GrammarToken } from '../../engine/types.js';
import { createShowCommands, type RunShow, type ShowCommand } from '../show-table.js';
import type { DeviceState } from '../../state/device-state.js';
import { specOf } from '../../state/identity.js';
import * as render from './render/index.js';

export const OPERATIONAL = ['operational'] as const;

/** Commands only EX/QFX switches (a virtual chassis) have; MX and SRX do not know their words. */
const switching = (state: DeviceState): boolean => specOf(state).model.virtualChassis === true;

export const JUNOS_WORDS: Record<string, GrammarToken> = {
  show: k('show', 'Show system information'),
  arp: k('arp', 'Show system Address Resolution Protocol table entries'),
  'no-resolve': k('no-resolve', "Don't attempt to print addresses symbolically"),
  configuration: k('configuration', 'Show current configuration'),
  detail: k('detail', 'Display detailed output'),
  interfaces: k('interfaces', 'Show interface information'),
  lacp: k('lacp', 'Show Link Aggregation Control Protocol information'),
  lldp: k('lldp', 'Show LLDP information'),
  memory: k('memory', 'Show system memory usage'),
  neighbors: k('neighbors', 'Show LLDP neighbor information'),
  system: k('system', 'Show system information'),
  terse: k('terse', 'Display terse output'),
  chassis: k('chassis', 'Show chassis information'),
  hardware: k('hardware', 'Show installed hardware components'),
  descriptions: k('descriptions', 'Display interface description strings'),
  uptime: k('uptime', 'Show time since system and processes started'),
  version: k('version', 'Show software process revision levels'),
  route: k('route', 'Show routing table information'),
  log: k('log', 'Show contents of log file'),
  messages: k('messages', 'Name of log file'),
  'ethernet-switching': k('ethernet-switching', 'Show Ethernet-switching information'),
  table: k('table', 'Show media access control table'),
  vlans: k('vlans', 'Show VLAN information'),
  users: k('users', 'Show users who are currently logged in'),
};

/** Which renderer answers which Junos show command, and in which modes. */
export const JUNOS_SHOWS: readonly ShowCommand[] = [
  { command: 'show lldp neighbors', modes: OPERATIONAL, render: render.renderShowLldpNeighbors },
  { command: 'show lldp neighbors detail', modes: OPERATIONAL, render: render.renderShowLldpNeighborsDetail },
  { command: 'show arp', modes: OPERATIONAL, render: render.renderShowArp },
  { command: 'show arp no-resolve', modes: OPERATIONAL, render: render.renderShowArpNoResolve },
  { command: 'show version', modes: OPERATIONAL, render: render.renderShowVersion },
  { command: 'show system memory', modes: OPERATIONAL, render: render.renderShowSystemMemory },
  { command: 'show system uptime', modes: OPERATIONAL, render: render.renderShowSystemUptime },
  { command: 'show interfaces', modes: OPERATIONAL, render: render.renderShowInterfaces },
  { command: 'show interfaces terse', modes: OPERATIONAL, render: render.renderShowInterfacesTerse },
  {
    command: 'show interfaces descriptions',
    modes: OPERATIONAL,
    render: render.renderShowInterfacesDescriptions,
  },
  { command: 'show chassis hardware', modes: OPERATIONAL, render: render.renderShowChassisHardware },
  { command: 'show route', modes: OPERATIONAL, render: render.renderShowRoute },
  { command: 'show log messages', modes: OPERATIONAL, render: render.renderShowLogMessages },
  {
    command: 'show ethernet-switching table',
    modes: OPERATIONAL,
    render: render.renderShowEthernetSwitchingTable,
    available: switching,
  },
  { command: 'show vlans', modes: OPERATIONAL, render: render.renderShowVlans, available: switching },
  { command: 'show system users', modes: OPERATIONAL, render: render.renderShowSystemUsers },
  { command: 'show configuration', modes: OPERATIONAL, render: render.renderShowConfiguration },
  { command: 'show lacp interfaces', modes: OPERATIONAL, render: render.renderShowLacpInterfaces },
];

/** Prints the row's text; a command that prints nothing still gets Junos's blank line. */
const runJunosShow: RunShow = (show, device) => ({ output: show.render(device.renderContext()) || '\n' });

export const JUNOS_SHOW_COMMANDS = createShowCommands(JUNOS_SHOWS, JUNOS_WORDS, runJunosShow);
