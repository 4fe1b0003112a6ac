/** EOS `show` commands: grammar here, text from the pure renderers in render/. */
import type { CommandSpec, GrammarToken } from '../../engine/types.js';
import type { DeviceRuntime } from '../../device/runtime.js';
import { k } from '../../engine/grammar.js';
import { EVERYWHERE, PRIVILEGED } from './modes.js';
import { EOS_RENDERERS } from './renderers.js';

const SHOW = k('show', 'Display details of switch operation');
const words: Record<string, GrammarToken> = {
  all: k('all', 'Configuration with defaults'),
  arp: k('arp', 'ARP table'),
  clock: k('clock', 'Show the system clock'),
  detail: k('detail', 'Detailed neighbor information'),
  hostname: k('hostname', 'Show the system hostname'),
  interfaces: k('interfaces', 'Details related to interfaces'),
  ip: k('ip', 'Details related to IPv4'),
  lldp: k('lldp', 'LLDP information'),
  neighbors: k('neighbors', 'LLDP neighbor information'),
  'running-config': k('running-config', 'Current operating configuration'),
  status: k('status', 'Details on the state of interfaces'),
  version: k('version', 'Software and hardware versions'),
};

/** Show commands by their canonical text, and the modes they work in. */
const TABLE: Array<[string, readonly string[]]> = [
  ['show lldp neighbors', EVERYWHERE],
  ['show lldp neighbors detail', EVERYWHERE],
  ['show ip arp', EVERYWHERE],
  ['show version', EVERYWHERE],
  ['show interfaces status', EVERYWHERE],
  ['show running-config', PRIVILEGED],
  ['show running-config all', PRIVILEGED],
  ['show clock', EVERYWHERE],
  ['show hostname', EVERYWHERE],
];

export const EOS_SHOW_COMMANDS: CommandSpec<DeviceRuntime>[] = TABLE.map(([command, modes]) => {
  const render = EOS_RENDERERS[command]!;
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
