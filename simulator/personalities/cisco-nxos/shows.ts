/** The NX-OS show table: each `show` command, the modes it works in and the renderer in render/. */
import { k } from '../../engine/grammar.js';
import type { CommandResult, GrammarToken, SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { createShowCommands, type ShowCommand } from '../show-table.js';
import { nxosPrompt, renderInvalid } from './prompt.js';
import * as render from './render/index.js';

/** Show commands work in every mode on NX-OS, configuration modes included. */
export const ALL_MODES = ['exec', 'config', 'config-if', 'config-vlan', 'config-router'] as const;

const words: Record<string, GrammarToken> = {
  show: k('show', 'Show running system information'),
  arp: k('arp', 'Display ARP information'),
  brief: k('brief', 'Show brief info of interface'),
  cdp: k('cdp', 'Display CDP information'),
  clock: k('clock', 'Display current date'),
  detail: k('detail', 'Show detailed information'),
  interface: k('interface', 'Display interface information'),
  ip: k('ip', 'Display IP information'),
  lldp: k('lldp', 'Display LLDP information'),
  neighbors: k('neighbors', 'Show neighbors'),
  resources: k('resources', 'Show system resources'),
  'running-config': k('running-config', 'Current operating configuration'),
  system: k('system', 'Show system information'),
  version: k('version', 'Show the software version'),
};

/** Which renderer answers which NX-OS show command, and in which modes. */
export const NXOS_SHOWS: readonly ShowCommand[] = [
  { command: 'show cdp neighbors', modes: ALL_MODES, render: render.renderShowCdpNeighbors },
  { command: 'show cdp neighbors detail', modes: ALL_MODES, render: render.renderShowCdpNeighborsDetail },
  { command: 'show lldp neighbors', modes: ALL_MODES, render: render.renderShowLldpNeighbors },
  { command: 'show lldp neighbors detail', modes: ALL_MODES, render: render.renderShowLldpNeighborsDetail },
  { command: 'show ip arp', modes: ALL_MODES, render: render.renderShowIpArp },
  { command: 'show version', modes: ALL_MODES, render: render.renderShowVersion },
  { command: 'show system resources', modes: ALL_MODES, render: render.renderShowSystemResources },
  { command: 'show interface brief', modes: ALL_MODES, render: render.renderShowInterfaceBrief },
  { command: 'show running-config', modes: ALL_MODES, render: render.renderShowRunningConfig },
  { command: 'show clock', modes: ALL_MODES, render: render.renderShowClock },
];

/**
 * Without `feature lldp` NX-OS has no `show lldp` commands at all: the word is invalid. The caret
 * assumes `show` was typed in full (the engine does not pass keyword columns to commands).
 */
function lldpDisabled(device: DeviceRuntime, session: SessionState): CommandResult {
  const promptLength = nxosPrompt(device.config().hostname, session).length;
  return { output: renderInvalid(promptLength, 'show l'.length) };
}

export const NXOS_SHOW_COMMANDS = createShowCommands(NXOS_SHOWS, words, (show, device, session) => {
  if (show.command.startsWith('show lldp') && !device.state().protocols.lldp)
    return lldpDisabled(device, session);
  return { output: show.render(device.renderContext()) };
});
