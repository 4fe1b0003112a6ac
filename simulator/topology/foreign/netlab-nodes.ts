/** netlab's nodes and the device type each one runs: its own, its group's, or defaults.device. */
import type { Reporter } from '../reporter.js';
import type { PathSegment } from '../source.js';

/** A node as the netlab file gives it, and where its device type is written. */
export interface NodeEntry {
  path: PathSegment[];
  device?: { name: string; path: PathSegment[] };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `nodes` as a list of names (or dictionaries with `name`) or as a dictionary, in file order. */
export function readNodes(data: Record<string, unknown>, reporter: Reporter): Map<string, NodeEntry> {
  const nodes = new Map<string, NodeEntry>();
  const add = (name: string, path: PathSegment[], value: unknown) => {
    const entry: NodeEntry = { path };
    if (isObject(value) && typeof value.device === 'string')
      entry.device = { name: value.device, path: [...path, 'device'] };
    nodes.set(name, entry);
  };
  if (Array.isArray(data.nodes))
    data.nodes.forEach((node, i) => {
      if (typeof node === 'string') add(node, ['nodes', i], undefined);
      else if (isObject(node) && typeof node.name === 'string') add(node.name, ['nodes', i], node);
      else reporter.report('TYPE_INVALID', 'expected a node name, or a dictionary with "name"', ['nodes', i]);
    });
  else if (isObject(data.nodes))
    for (const [name, node] of Object.entries(data.nodes)) {
      if (node === null || isObject(node)) add(name, ['nodes', name], node);
      else reporter.report('TYPE_INVALID', `node "${name}" must be empty or a dictionary`, ['nodes', name]);
    }
  else
    reporter.report(
      'KEY_MISSING',
      'a netlab topology needs "nodes": a list of names, or a dictionary of nodes',
      'nodes' in data ? ['nodes'] : [],
    );
  return nodes;
}

/** The device of nodes without one: from a group with static members that sets it, else defaults.device. */
export function applyDevices(
  data: Record<string, unknown>,
  nodes: Map<string, NodeEntry>,
  reporter: Reporter,
): void {
  if (isObject(data.groups))
    for (const [group, value] of Object.entries(data.groups)) {
      if (!isObject(value) || typeof value.device !== 'string' || !Array.isArray(value.members)) continue;
      const device = { name: value.device, path: ['groups', group, 'device'] };
      value.members.forEach((member, i) => {
        const entry = typeof member === 'string' ? nodes.get(member) : undefined;
        if (entry) entry.device ??= device;
        else if (typeof member === 'string' && !/[*?~[]/.test(member))
          reporter.report('VALUE_INVALID', `group member "${member}" is not a node of this topology`, [
            'groups',
            group,
            'members',
            i,
          ]);
      });
    }
  const fallback =
    typeof data['defaults.device'] === 'string'
      ? { name: data['defaults.device'], path: ['defaults.device'] }
      : isObject(data.defaults) && typeof data.defaults.device === 'string'
        ? { name: data.defaults.device, path: ['defaults', 'device'] }
        : undefined;
  if (fallback) for (const entry of nodes.values()) entry.device ??= fallback;
}
