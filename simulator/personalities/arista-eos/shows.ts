/** The EOS show table: each `show` command, the modes it works in and the renderer in render/. */
import type { CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { k, rest } from '../../engine/grammar.js';
import { createShowCommands, type RunShow, type ShowCommand } from '../show-table.js';
import { EVERYWHERE, PRIVILEGED } from './modes.js';
import * as render from './render/index.js';
import { findEosInterface } from './render/ports.js';

const words: Record<string, GrammarToken> = {
  show: k('show', 'Display details of switch operation'),
  all: k('all', 'Configuration with defaults'),
  'address-table': k('address-table', 'MAC forwarding table'),
  arp: k('arp', 'ARP table'),
  clock: k('clock', 'Show the system clock'),
  dir: k('dir', 'List the files in a directory'),
  'all-filesystems': k('all-filesystems', 'List files on all filesystems'),
  configuration: k('configuration', 'Configuration sessions and checkpoints'),
  brief: k('brief', 'Condensed output'),
  description: k('description', 'Details on description strings of interfaces'),
  detail: k('detail', 'Detailed neighbor information'),
  interface: k('interface', 'IP interface status and configuration'),
  vlan: k('vlan', 'VLAN information'),
  hostname: k('hostname', 'Show the system hostname'),
  interfaces: k('interfaces', 'Details related to interfaces'),
  inventory: k('inventory', 'Hardware components of the system'),
  ip: k('ip', 'Details related to IPv4'),
  lldp: k('lldp', 'LLDP information'),
  logging: k('logging', 'Show the contents of logging buffers'),
  mac: k('mac', 'MAC address table information'),
  neighbors: k('neighbors', 'LLDP neighbor information'),
  route: k('route', 'IP routing table'),
  'port-channel': k('port-channel', 'Port Channel information'),
  'running-config': k('running-config', 'Current operating configuration'),
  sessions: k('sessions', 'List configuration sessions'),
  summary: k('summary', 'Port-channel summary status'),
  status: k('status', 'Details on the state of interfaces'),
  users: k('users', 'Display information about terminal lines'),
  version: k('version', 'Software and hardware versions'),
};

/** Which renderer answers which EOS show command, and in which modes. */
export const EOS_SHOWS: readonly ShowCommand[] = [
  { command: 'show lldp neighbors', modes: EVERYWHERE, render: render.renderShowLldpNeighbors },
  { command: 'show lldp neighbors detail', modes: EVERYWHERE, render: render.renderShowLldpNeighborsDetail },
  { command: 'show ip arp', modes: EVERYWHERE, render: render.renderShowIpArp },
  { command: 'show version', modes: EVERYWHERE, render: render.renderShowVersion },
  { command: 'show interfaces', modes: EVERYWHERE, render: render.renderShowInterfaces },
  { command: 'show interfaces status', modes: EVERYWHERE, render: render.renderShowInterfacesStatus },
  {
    command: 'show interfaces description',
    modes: EVERYWHERE,
    render: render.renderShowInterfacesDescription,
  },
  { command: 'show ip interface brief', modes: EVERYWHERE, render: render.renderShowIpInterfaceBrief },
  { command: 'show ip route', modes: EVERYWHERE, render: render.renderShowIpRoute },
  { command: 'show vlan', modes: EVERYWHERE, render: render.renderShowVlan },
  { command: 'show vlan brief', modes: EVERYWHERE, render: render.renderShowVlan },
  { command: 'show running-config', modes: PRIVILEGED, render: render.renderShowRunningConfig },
  { command: 'show running-config all', modes: PRIVILEGED, render: render.renderShowRunningConfigAll },
  { command: 'show inventory', modes: EVERYWHERE, render: render.renderShowInventory },
  { command: 'show logging', modes: EVERYWHERE, render: render.renderShowLogging },
  { command: 'show mac address-table', modes: EVERYWHERE, render: render.renderShowMacAddressTable },
  { command: 'show users', modes: EVERYWHERE, render: render.renderShowUsers },
  { command: 'show clock', modes: EVERYWHERE, render: render.renderShowClock },
  { command: 'show hostname', modes: EVERYWHERE, render: render.renderShowHostname },
  { command: 'dir', modes: PRIVILEGED, render: render.renderDir },
  { command: 'dir all-filesystems', modes: PRIVILEGED, render: render.renderDirAllFilesystems },
  {
    command: 'show configuration sessions',
    modes: PRIVILEGED,
    render: render.renderShowConfigurationSessions,
  },
  { command: 'show port-channel summary', modes: EVERYWHERE, render: render.renderShowPortChannelSummary },
];

/** `show interfaces Ethernet3`: one port's block; a port the box does not have is invalid input. */
const showInterfaceNamed: CommandSpec<DeviceRuntime> = {
  grammar: [words.show!, words.interfaces!, rest('interface', 'Interface name')],
  modes: EVERYWHERE,
  run: ({ device, args }) => {
    const ctx = device.renderContext();
    const iface = findEosInterface(ctx, args.interface!);
    if (!iface) return { rejectArg: 'interface' };
    return { output: render.renderInterfaceDetail(ctx, iface).join('\n') };
  },
};

/** Prints the row's text; `show users` also knows who asks and how many sessions are open. */
const runEosShow: RunShow = (show, device, session) => {
  const ctx = device.renderContext();
  if (show.render === render.renderShowUsers) {
    return { output: render.renderShowUsers(ctx, { user: session.user, sessions: device.sessions }) };
  }
  return { output: show.render(ctx) };
};

export const EOS_SHOW_COMMANDS = [...createShowCommands(EOS_SHOWS, words, runEosShow), showInterfaceNamed];
