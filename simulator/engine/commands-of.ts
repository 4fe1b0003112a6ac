/**
 * A device's command tree: its personality's commands less the ones its model lacks. Every caller
 * that parses a line for a device (the shell, `?` and Tab, `do`, `run`, the APIs that wrap the CLI)
 * gets its list here, so they all agree on what the device has.
 */
import type { Personality } from './personality.js';
import type { CommandSpec } from './types.js';

interface Filtered<D> {
  /** Indexes of the specs that ask about the device. */
  gated: number[];
  /** The filtered lists, by which gated specs the device has ('1' or '0' each). */
  lists: Map<string, readonly CommandSpec<D>[]>;
}

const cache = new WeakMap<readonly CommandSpec<unknown>[], Filtered<unknown>>();

/**
 * The commands `device` has. Devices of the same model share one list: the lists are kept by which
 * gated commands are present, never per device.
 */
export function commandsOf<D>(
  personality: Pick<Personality<D>, 'commands'>,
  device: D,
): readonly CommandSpec<D>[] {
  const { commands } = personality;
  let filtered = cache.get(commands) as Filtered<D> | undefined;
  if (!filtered) {
    const gated = commands.flatMap((spec, i) => (spec.available ? [i] : []));
    filtered = { gated, lists: new Map() };
    cache.set(commands, filtered);
  }
  if (filtered.gated.length === 0) return commands;
  const key = filtered.gated.map((i) => (commands[i]!.available!(device) ? '1' : '0')).join('');
  let list = filtered.lists.get(key);
  if (!list) {
    list = key.includes('0') ? commands.filter((spec) => spec.available?.(device) ?? true) : commands;
    filtered.lists.set(key, list);
  }
  return list;
}
