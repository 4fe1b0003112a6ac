/** The NX-OS show table: each `show` command, the modes it works in and the renderer in render/. */
import { k } from '../../engine/grammar.js';
import type { CommandCall, CommandResult, CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { DeviceState } from '../../state/device-state.js';
import { createShowCommands, type RunShow, type ShowCommand } from '../show-table.js';
import { STRUCTURED_FORMATS } from './pipes.js';
import { STRUCTURED_COMMANDS, structuredBody } from './structured/index.js';
import { STRUCTURED_PRINTERS } from './structured/print.js';
import * as render from './render/index.js';

/** Without `feature lldp` NX-OS has no `show lldp` commands at all: the word is invalid. */
const lldpOn = (state: DeviceState): boolean => state.protocols.lldp;

/** Show commands work in every mode on NX-OS, configuration modes included. */
export const ALL_MODES = ['exec', 'config', 'config-if', 'config-vlan', 'config-router'] as const;

const words: Record<string, GrammarToken> = {
  show: k('show', 'Show running system information'),
  arp: k('arp', 'Display ARP information'),
  brief: k('brief', 'Show brief info of interface'),
  cdp: k('cdp', 'Display CDP information'),
  clock: k('clock', 'Display current date'),
  dir: k('dir', 'Display directory'),
  environment: k('environment', 'Display environment-related switch information'),
  fan: k('fan', 'Show fan status'),
  hostname: k('hostname', 'Display hostname'),
  'host-id': k('host-id', 'Show license host-id'),
  inventory: k('inventory', 'Show physical inventory'),
  ipv6: k('ipv6', 'Display IPv6 information'),
  license: k('license', 'Show license information'),
  module: k('module', 'Show module information'),
  power: k('power', 'Show power status'),
  vlan: k('vlan', 'Vlan commands'),
  status: k('status', 'Display interface line status'),
  description: k('description', 'Display interface description'),
  route: k('route', 'IP unicast routing table'),
  vrf: k('vrf', 'Display per-VRF information'),
  all: k('all', 'Display information for all VRFs'),
  management: k('management', 'Display information for VRF management'),
  mac: k('mac', 'MAC configuration and status'),
  'address-table': k('address-table', 'Display MAC address table'),
  'port-channel': k('port-channel', 'Port-channel information'),
  summary: k('summary', 'Port-channel summary'),
  logging: k('logging', 'Show logging configuration and contents of logfile'),
  logfile: k('logfile', 'Show contents of logfile'),
  detail: k('detail', 'Show detailed information'),
  interface: k('interface', 'Display interface information'),
  ip: k('ip', 'Display IP information'),
  lldp: k('lldp', 'Display LLDP information'),
  neighbors: k('neighbors', 'Show neighbors'),
  resources: k('resources', 'Show system resources'),
  'running-config': k('running-config', 'Current operating configuration'),
  system: k('system', 'Show system information'),
  version: k('version', 'Show the software version'),
  users: k('users', 'Show the current users in the system'),
};

/** Which renderer answers which NX-OS show command, and in which modes. */
export const NXOS_SHOWS: readonly ShowCommand[] = [
  { command: 'show cdp neighbors', modes: ALL_MODES, render: render.renderShowCdpNeighbors },
  { command: 'show cdp neighbors detail', modes: ALL_MODES, render: render.renderShowCdpNeighborsDetail },
  {
    command: 'show lldp neighbors',
    modes: ALL_MODES,
    render: render.renderShowLldpNeighbors,
    available: lldpOn,
  },
  {
    command: 'show lldp neighbors detail',
    modes: ALL_MODES,
    render: render.renderShowLldpNeighborsDetail,
    available: lldpOn,
  },
  { command: 'show ip arp', modes: ALL_MODES, render: render.renderShowIpArp },
  { command: 'show version', modes: ALL_MODES, render: render.renderShowVersion },
  { command: 'show system resources', modes: ALL_MODES, render: render.renderShowSystemResources },
  { command: 'show interface brief', modes: ALL_MODES, render: render.renderShowInterfaceBrief },
  { command: 'show running-config', modes: ALL_MODES, render: render.renderShowRunningConfig },
  { command: 'show clock', modes: ALL_MODES, render: render.renderShowClock },
  { command: 'show inventory', modes: ALL_MODES, render: render.renderShowInventory },
  { command: 'show hostname', modes: ALL_MODES, render: render.renderShowHostname },
  { command: 'show license host-id', modes: ALL_MODES, render: render.renderShowLicenseHostId },
  { command: 'dir', modes: ALL_MODES, render: render.renderDir },
  { command: 'show interface', modes: ALL_MODES, render: render.renderShowInterface },
  { command: 'show ipv6 interface', modes: ALL_MODES, render: render.renderShowIpv6Interface },
  { command: 'show vlan', modes: ALL_MODES, render: render.renderShowVlan },
  { command: 'show vlan brief', modes: ALL_MODES, render: render.renderShowVlanBrief },
  { command: 'show module', modes: ALL_MODES, render: render.renderShowModule },
  { command: 'show environment fan', modes: ALL_MODES, render: render.renderShowEnvironmentFan },
  { command: 'show environment power', modes: ALL_MODES, render: render.renderShowEnvironmentPower },
  { command: 'show interface status', modes: ALL_MODES, render: render.renderShowInterfaceStatus },
  { command: 'show interface description', modes: ALL_MODES, render: render.renderShowInterfaceDescription },
  { command: 'show ip interface brief', modes: ALL_MODES, render: render.renderShowIpInterfaceBrief },
  {
    command: 'show ip interface brief vrf all',
    modes: ALL_MODES,
    render: render.renderShowIpInterfaceBriefVrfAll,
  },
  { command: 'show ip route', modes: ALL_MODES, render: render.renderShowIpRoute },
  {
    command: 'show ip route vrf management',
    modes: ALL_MODES,
    render: render.renderShowIpRouteVrfManagement,
  },
  { command: 'show ip route vrf all', modes: ALL_MODES, render: render.renderShowIpRouteVrfAll },
  { command: 'show mac address-table', modes: ALL_MODES, render: render.renderShowMacAddressTable },
  { command: 'show port-channel summary', modes: ALL_MODES, render: render.renderShowPortChannelSummary },
  { command: 'show logging', modes: ALL_MODES, render: render.renderShowLogging },
  { command: 'show logging logfile', modes: ALL_MODES, render: render.renderShowLoggingLogfile },
  { command: 'show users', modes: ALL_MODES, render: render.renderShowUsers },
];

const runShow: RunShow = (show, device, session) => {
  const ctx = device.renderContext();
  // `show users` also knows who asks and how many sessions are open (as EOS's does).
  if (show.render === render.renderShowUsers)
    return { output: render.renderShowUsers(ctx, { user: session.user, sessions: device.sessions }) };
  return { output: show.render(ctx) };
};

/** A refusal the command prints itself (`% CDP is not enabled`) stands in any format. */
const REFUSAL = /^% /m;

/** `| json`, `| json-pretty`, `| xml`: the command's structured model, printed in that format. */
function runStructured(show: ShowCommand, call: CommandCall<DeviceRuntime>, format: string): CommandResult {
  const text = runShow(show, call.device, call.session);
  if (text.output !== undefined && REFUSAL.test(text.output)) return text;
  const body = structuredBody(show.command, call.device.renderContext())!;
  return { output: STRUCTURED_PRINTERS[format]!(show.command, body) };
}

/** The show table as command specs; rows with a structured model also take the structured pipes. */
export const NXOS_SHOW_COMMANDS: CommandSpec<DeviceRuntime>[] = createShowCommands(
  NXOS_SHOWS,
  words,
  runShow,
).map((spec, i) => {
  const show = NXOS_SHOWS[i]!;
  if (!STRUCTURED_COMMANDS.includes(show.command)) return spec;
  return {
    ...spec,
    formats: STRUCTURED_FORMATS,
    run: (call) => (call.format === undefined ? spec.run(call) : runStructured(show, call, call.format)),
  };
});
