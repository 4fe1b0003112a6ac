/** Junos `show` commands: grammar here, text from the pure renderers in render/. */
import { k } from '../../engine/grammar.js';
import type { CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { RenderContext } from '../../device/render-context.js';
import * as render from './render/index.js';

type Renderer = (ctx: RenderContext) => string;

const words: Record<string, GrammarToken> = {
  show: k('show', 'Show system information'),
  arp: k('arp', 'Show system Address Resolution Protocol table entries'),
  'no-resolve': k('no-resolve', "Don't attempt to print addresses symbolically"),
  configuration: k('configuration', 'Show current configuration'),
  detail: k('detail', 'Display detailed output'),
  interfaces: k('interfaces', 'Show interface information'),
  lldp: k('lldp', 'Show LLDP information'),
  memory: k('memory', 'Show system memory usage'),
  neighbors: k('neighbors', 'Show LLDP neighbor information'),
  system: k('system', 'Show system information'),
  terse: k('terse', 'Display terse output'),
  uptime: k('uptime', 'Show time since system and processes started'),
  version: k('version', 'Show software process revision levels'),
};

/** Show commands by their canonical text. */
export const JUNOS_RENDERERS: Record<string, Renderer> = {
  'show lldp neighbors': render.renderShowLldpNeighbors,
  'show lldp neighbors detail': render.renderShowLldpNeighborsDetail,
  'show arp': render.renderShowArp,
  'show arp no-resolve': render.renderShowArpNoResolve,
  'show version': render.renderShowVersion,
  'show system memory': render.renderShowSystemMemory,
  'show system uptime': render.renderShowSystemUptime,
  'show interfaces terse': render.renderShowInterfacesTerse,
  'show configuration': render.renderShowConfiguration,
};

/** Runs a renderer for a device; a command that prints nothing still gets Junos's blank line. */
export function runShow(device: DeviceRuntime, command: string): string {
  return JUNOS_RENDERERS[command]!(device.renderContext()) || '\n';
}

export function junosShowCommands(modes: readonly string[]): CommandSpec<DeviceRuntime>[] {
  return Object.keys(JUNOS_RENDERERS).map((command) => ({
    grammar: command.split(' ').map((w) => words[w]!),
    modes,
    run: ({ device }) => ({ output: runShow(device, command) }),
  }));
}
