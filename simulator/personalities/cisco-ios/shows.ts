/** IOS `show` commands: grammar here, text from the pure renderers in render/. */
import { k } from '../../engine/grammar.js';
import type { CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import type { RenderContext } from '../../device/render-context.js';
import { IOS_RENDERERS } from './renderers.js';

const EXEC = ['user', 'enable'] as const;

const SHOW = k('show', 'Show running system information');
const words: Record<string, GrammarToken> = {
  arp: k('arp', 'ARP table'),
  brief: k('brief', 'Brief summary'),
  cdp: k('cdp', 'CDP information'),
  clock: k('clock', 'Display the system clock'),
  'control-processor': k('control-processor', 'Control processor status'),
  detail: k('detail', 'Show detailed information'),
  interface: k('interface', 'IP interface status and configuration'),
  interfaces: k('interfaces', 'Interface status and configuration'),
  ip: k('ip', 'IP information'),
  lldp: k('lldp', 'LLDP information'),
  memory: k('memory', 'Memory statistics'),
  neighbors: k('neighbors', 'CDP/LLDP neighbor entries'),
  platform: k('platform', 'Show platform information'),
  processes: k('processes', 'Active process statistics'),
  'running-config': k('running-config', 'Current operating configuration'),
  software: k('software', 'Show software information'),
  sorted: k('sorted', 'Sort output'),
  statistics: k('statistics', 'Memory statistics'),
  status: k('status', 'Show interface line status'),
  version: k('version', 'System hardware and software status'),
};

/** Show commands by their canonical text, and the modes they work in. */
const TABLE: Array<[string, readonly string[]]> = [
  ['show cdp neighbors', EXEC],
  ['show cdp neighbors detail', EXEC],
  ['show lldp neighbors', EXEC],
  ['show lldp neighbors detail', EXEC],
  ['show ip arp', EXEC],
  ['show arp', EXEC],
  ['show version', EXEC],
  ['show memory statistics', EXEC],
  ['show processes memory sorted', EXEC],
  ['show platform software status control-processor brief', EXEC],
  ['show ip interface brief', EXEC],
  ['show interfaces status', EXEC],
  ['show running-config', ['enable']],
  ['show clock', EXEC],
];

export const IOS_SHOW_COMMANDS: CommandSpec<DeviceRuntime>[] = TABLE.filter(
  ([command]) => IOS_RENDERERS[command],
).map(([command, modes]) => {
  const render = IOS_RENDERERS[command]!;
  return {
    grammar: [
      SHOW,
      ...command
        .split(' ')
        .slice(1)
        .map((w) => words[w]!),
    ],
    modes,
    run: ({ device }) => ({ output: render(device.renderContext()) }),
  };
});

export type Renderer = (ctx: RenderContext) => string;
