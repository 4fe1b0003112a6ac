/** The IOS show table: each `show` command, the modes it works in and the renderer in render/. */
import { k, rest } from '../../engine/grammar.js';
import type { CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { DeviceState } from '../../state/device-state.js';
import { createShowCommands, type ShowCommand } from '../show-table.js';
import { iosHardwareOf } from './render/hardware.js';
import * as render from './render/index.js';

const EXEC = ['user', 'enable'] as const;

/** Commands only Catalyst switches have (VLANs, a MAC table); routers do not know their words. */
const catalyst = (state: DeviceState): boolean => iosHardwareOf(state.model).catalyst;

const words: Record<string, GrammarToken> = {
  show: k('show', 'Show running system information'),
  arp: k('arp', 'ARP table'),
  brief: k('brief', 'Brief summary'),
  cdp: k('cdp', 'CDP information'),
  clock: k('clock', 'Display the system clock'),
  'control-processor': k('control-processor', 'Control processor status'),
  description: k('description', 'Show interface description'),
  detail: k('detail', 'Show detailed information'),
  etherchannel: k('etherchannel', 'EtherChannel information'),
  interface: k('interface', 'IP interface status and configuration'),
  interfaces: k('interfaces', 'Interface status and configuration'),
  inventory: k('inventory', 'Show the physical inventory'),
  ip: k('ip', 'IP information'),
  ipv6: k('ipv6', 'IPv6 information'),
  lldp: k('lldp', 'LLDP information'),
  logging: k('logging', 'Show the contents of logging buffers'),
  mac: k('mac', 'MAC configuration'),
  'address-table': k('address-table', 'MAC forwarding table'),
  memory: k('memory', 'Memory statistics'),
  neighbors: k('neighbors', 'CDP/LLDP neighbor entries'),
  platform: k('platform', 'Show platform information'),
  processes: k('processes', 'Active process statistics'),
  route: k('route', 'IP routing table'),
  'running-config': k('running-config', 'Current operating configuration'),
  software: k('software', 'Show software information'),
  sorted: k('sorted', 'Sort output'),
  statistics: k('statistics', 'Memory statistics'),
  status: k('status', 'Show interface line status'),
  summary: k('summary', 'One-line summary per channel-group'),
  version: k('version', 'System hardware and software status'),
  vlan: k('vlan', 'VTP VLAN status'),
};

/** Which renderer answers which IOS show command, and in which modes. */
export const IOS_SHOWS: readonly ShowCommand[] = [
  { command: 'show cdp', modes: EXEC, render: render.renderShowCdp },
  { command: 'show cdp neighbors', modes: EXEC, render: render.renderShowCdpNeighbors },
  { command: 'show cdp neighbors detail', modes: EXEC, render: render.renderShowCdpNeighborsDetail },
  { command: 'show lldp', modes: EXEC, render: render.renderShowLldp },
  { command: 'show lldp neighbors', modes: EXEC, render: render.renderShowLldpNeighbors },
  { command: 'show lldp neighbors detail', modes: EXEC, render: render.renderShowLldpNeighborsDetail },
  { command: 'show ip arp', modes: EXEC, render: render.renderShowIpArp },
  { command: 'show arp', modes: EXEC, render: render.renderShowArp },
  { command: 'show version', modes: EXEC, render: render.renderShowVersion },
  { command: 'show memory statistics', modes: EXEC, render: render.renderShowMemoryStatistics },
  { command: 'show processes memory sorted', modes: EXEC, render: render.renderShowProcessesMemorySorted },
  {
    command: 'show platform software status control-processor brief',
    modes: EXEC,
    render: render.renderShowPlatformSoftwareStatusControlProcessorBrief,
  },
  { command: 'show ip interface brief', modes: EXEC, render: render.renderShowIpInterfaceBrief },
  { command: 'show interfaces status', modes: EXEC, render: render.renderShowInterfacesStatus },
  { command: 'show interfaces', modes: EXEC, render: render.renderShowInterfaces },
  { command: 'show interfaces description', modes: EXEC, render: render.renderShowInterfacesDescription },
  { command: 'show ip interface', modes: EXEC, render: render.renderShowIpInterface },
  { command: 'show ipv6 interface', modes: EXEC, render: render.renderShowIpv6Interface },
  { command: 'show running-config', modes: ['enable'], render: render.renderShowRunningConfig },
  { command: 'show clock', modes: EXEC, render: render.renderShowClock },
  { command: 'show inventory', modes: EXEC, render: render.renderShowInventory },
  { command: 'show ip route', modes: EXEC, render: render.renderShowIpRoute },
  { command: 'show logging', modes: EXEC, render: render.renderShowLogging },
  {
    command: 'show mac address-table',
    modes: EXEC,
    render: render.renderShowMacAddressTable,
    available: catalyst,
  },
  { command: 'show vlan', modes: EXEC, render: render.renderShowVlan, available: catalyst },
  { command: 'show vlan brief', modes: EXEC, render: render.renderShowVlanBrief, available: catalyst },
  { command: 'show etherchannel summary', modes: EXEC, render: render.renderShowEtherchannelSummary },
];

/** `show interfaces <name>`: one interface, any abbreviation of its name; others are refused at the name. */
const showOneInterface: CommandSpec<DeviceRuntime> = {
  grammar: [words.show!, words.interfaces!, rest('interface', 'Interface name')],
  modes: EXEC,
  run: ({ device, args }) => {
    const ctx = device.renderContext();
    const name = render.resolveIosInterface(ctx, args.interface!);
    return name === undefined
      ? { rejectArg: 'interface' }
      : { output: render.renderShowInterfacesNamed(ctx, name) };
  },
};

export const IOS_SHOW_COMMANDS = [...createShowCommands(IOS_SHOWS, words), showOneInterface];
