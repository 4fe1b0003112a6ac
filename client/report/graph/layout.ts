/**
 * Where everything goes. ELK lays each group out as a `box` of equal-width device boxes (so they stay
 * in name order, row by row) and packs the groups with `rectpacking`, which keeps their order: core
 * groups land top left. Widths come from the labels at a fixed monospace size, so a label always fits
 * its box. Above `clusterAbove` devices, each group is one box instead.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Box, DrawingOptions, GraphInput, Layout } from './types.js';

/** Fonts the widths assume: monospace, advance at most 0.64 em (DejaVu Sans Mono, Menlo: 0.60). */
export const FONT_FAMILY = "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, ui-monospace, monospace";
export const EM_ADVANCE = 0.64;
export const LABEL_SIZE = 11;
export const GROUP_LABEL_SIZE = 12;
export const PORT_LABEL_SIZE = 9;
export const DEVICE_HEIGHT = 22;
const DEVICE_PADDING = 6;
const MIN_DEVICE_WIDTH = 48;
const GROUP_LABEL_HEIGHT = 24;
const GROUP_PADDING = 10;
const DEVICE_SPACING = 8;
const GROUP_SPACING = 28;
export const MARGIN = 12;
export const CLUSTER_LINE = 18;
const CLUSTER_PADDING = 10;
export const DEFAULT_CLUSTER_ABOVE = 2000;

/** How wide `chars` characters are at `size` in the assumed font, rounded up. */
export const textWidth = (chars: number, size: number): number => Math.ceil(chars * size * EM_ADVANCE);

/** A group's heading: its name and how many devices it holds. */
export const groupHeading = (name: string, devices: number): string => `${name} (${devices})`;

/** The lines a cluster box shows. */
export function clusterLines(
  name: string,
  devices: number,
  problems: number,
  unverifiable: number,
): string[] {
  const lines = [name, `${devices} device${devices === 1 ? '' : 's'}`];
  if (problems) lines.push(`${problems} with problems`);
  if (unverifiable) lines.push(`${unverifiable} unverifiable`);
  if (!problems && !unverifiable) lines.push('all ok');
  return lines;
}

/** The groups in drawing order (first appearance in `input.devices`), each with its devices. */
export function groupsOf(input: GraphInput): Map<string, GraphInput['devices']> {
  const groups = new Map<string, GraphInput['devices']>();
  for (const d of input.devices) {
    const list = groups.get(d.group);
    if (list) list.push(d);
    else groups.set(d.group, [d]);
  }
  return groups;
}

// a CommonJS module: its `default` export is the constructor (what the types call `default`)
const elk = new ELK.default();

const rootOptions = {
  'elk.algorithm': 'rectpacking',
  'elk.aspectRatio': '1.6',
  'elk.spacing.nodeNode': String(GROUP_SPACING),
  'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]`,
};

export async function layoutGraph(input: GraphInput, options: DrawingOptions = {}): Promise<Layout> {
  const clustered = input.devices.length > (options.clusterAbove ?? DEFAULT_CLUSTER_ABOVE);
  const groups = [...groupsOf(input)];
  const children: ElkNode[] = groups.map(([name, devices], g) => {
    const id = `g${g}`;
    if (clustered) {
      const problems = devices.filter((d) => d.state === 'problem').length;
      const down = devices.filter((d) => d.state === 'unverifiable').length;
      const lines = clusterLines(name, devices.length, problems, down);
      const chars = Math.max(...lines.map((l) => l.length));
      return {
        id,
        width: textWidth(chars, GROUP_LABEL_SIZE) + 2 * CLUSTER_PADDING,
        height: lines.length * CLUSTER_LINE + 2 * CLUSTER_PADDING,
      };
    }
    const width = Math.max(
      MIN_DEVICE_WIDTH,
      textWidth(Math.max(...devices.map((d) => d.name.length)), LABEL_SIZE) + 2 * DEVICE_PADDING,
    );
    const heading =
      textWidth(groupHeading(name, devices.length).length, GROUP_LABEL_SIZE) + 2 * GROUP_PADDING;
    return {
      id,
      layoutOptions: {
        'elk.algorithm': 'box',
        'elk.box.packingMode': 'SIMPLE',
        'elk.aspectRatio': '1.4',
        'elk.spacing.nodeNode': String(DEVICE_SPACING),
        'elk.padding': `[top=${GROUP_LABEL_HEIGHT + GROUP_PADDING},left=${GROUP_PADDING},bottom=${GROUP_PADDING},right=${GROUP_PADDING}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${heading},0)`,
      },
      // equal widths: box packing sorts by size, so equal boxes keep their (name) order
      children: devices.map((_, i) => ({ id: `${id}d${i}`, width, height: DEVICE_HEIGHT })),
    };
  });
  const graph: ElkNode = { id: 'root', layoutOptions: rootOptions, children };
  const root: ElkNode = await elk.layout(graph);
  const placed = root.children ?? [];
  const devices = new Map<string, Box>();
  const layoutGroups: Layout['groups'] = groups.map(([name, members], g) => {
    const node = placed[g]!;
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    if (!clustered)
      members.forEach((d, i) => {
        const child = node.children![i]!;
        devices.set(d.name, { x: x + child.x!, y: y + child.y!, width: child.width!, height: child.height! });
      });
    return { name, devices: members.length, x, y, width: node.width!, height: node.height! };
  });
  return {
    width: Math.max(root.width ?? 0, 2 * MARGIN),
    height: Math.max(root.height ?? 0, 2 * MARGIN),
    clustered,
    groups: layoutGroups,
    devices,
  };
}
