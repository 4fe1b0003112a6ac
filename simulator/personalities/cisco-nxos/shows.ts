/** NX-OS `show` commands: grammar here, text from the pure renderers in render/. */
import { k } from '../../engine/grammar.js';
import type { CommandResult, CommandSpec, GrammarToken, SessionState } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { RenderContext } from '../../device/render-context.js';
import { nxosPrompt, renderInvalid } from './prompt.js';
import * as render from './render/index.js';

type Renderer = (ctx: RenderContext) => string;

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

const RENDERERS: ReadonlyArray<[command: string, renderer: Renderer]> = [
  ['show cdp neighbors', render.renderShowCdpNeighbors],
  ['show cdp neighbors detail', render.renderShowCdpNeighborsDetail],
  ['show lldp neighbors', render.renderShowLldpNeighbors],
  ['show lldp neighbors detail', render.renderShowLldpNeighborsDetail],
  ['show ip arp', render.renderShowIpArp],
  ['show version', render.renderShowVersion],
  ['show system resources', render.renderShowSystemResources],
  ['show interface brief', render.renderShowInterfaceBrief],
  ['show running-config', render.renderShowRunningConfig],
  ['show clock', render.renderShowClock],
];

/** Which renderer answers which show command (for tests and tools). */
export const NXOS_RENDERERS: Readonly<Record<string, Renderer>> = Object.fromEntries(RENDERERS);

/**
 * Without `feature lldp` NX-OS has no `show lldp` commands at all: the word is invalid. The caret
 * assumes `show` was typed in full (the engine does not pass keyword columns to commands).
 */
function lldpDisabled(device: DeviceRuntime, session: SessionState): CommandResult {
  const promptLength = nxosPrompt(device.config().hostname, session).length;
  return { output: renderInvalid(promptLength, 'show l'.length) };
}

export const NXOS_SHOW_COMMANDS: CommandSpec<DeviceRuntime>[] = RENDERERS.map(([command, renderer]) => ({
  grammar: command.split(' ').map((w) => words[w]!),
  modes: ALL_MODES,
  run: ({ device, session }) => {
    if (command.startsWith('show lldp') && !device.state().protocols.lldp)
      return lldpDisabled(device, session);
    return { output: renderer(device.renderContext()) };
  },
}));
