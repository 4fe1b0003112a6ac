/**
 * How the exports (dot, Mermaid, draw.io) mark states: the SVG legend's colours and line styles,
 * so a missing cable looks the same in every format.
 */
import type { Finding } from '../../verify/verifier.js';
import type { ReportCable } from '../cables.js';
import { KIND_COLOURS, PROBLEM_COLOUR } from './style.js';
import type { DeviceState, GraphDevice, GraphInput } from './types.js';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface CableLook {
  color: string;
  line: LineStyle;
  width: number;
  /** The SVG's dash pattern for a dashed or dotted line (`7 4`), empty for solid. */
  dash: string;
  /** Said in tooltips, in the legend's words. */
  meaning: string;
}

const VERIFIED: CableLook = { color: '#7d8796', line: 'solid', width: 1, dash: '', meaning: 'verified' };
const UNVERIFIABLE: CableLook = {
  color: '#8a8a8a',
  line: 'dotted',
  width: 1,
  dash: '2 3',
  meaning: 'unverifiable',
};

/**
 * As the SVG marks a cable: verified grey; unverifiable grey and dotted; a cable a finding names in
 * its kind's colour, dashed when it is the documented side (not seen as documented), solid when it is
 * what was found instead (a one-sided cable, seen from one end, dotted and wider).
 */
export function cableLook(cable: ReportCable, findings: readonly Finding[]): CableLook {
  if (cable.state === 'verified') return VERIFIED;
  if (cable.state === 'unverifiable') return UNVERIFIABLE;
  const kind = cable.finding === undefined ? undefined : findings[cable.finding]?.kind;
  const color = kind ? KIND_COLOURS[kind] : PROBLEM_COLOUR;
  const name = kind ?? 'problem';
  if (kind === 'one-sided')
    return { color, line: 'dotted', width: 3, dash: '1 4', meaning: 'one-sided: seen from one end' };
  return cable.documented
    ? { color, line: 'dashed', width: 2, dash: '7 4', meaning: `${name}: documented, not seen as documented` }
    : { color, line: 'solid', width: 2, dash: '', meaning: `${name}: found, not documented` };
}

export interface DeviceLook {
  fill: string;
  stroke: string;
  dashed: boolean;
}

export const DEVICE_LOOK: Record<DeviceState, DeviceLook> = {
  ok: { fill: '#ffffff', stroke: '#6b7380', dashed: false },
  problem: { fill: '#fff1e6', stroke: PROBLEM_COLOUR, dashed: false },
  unverifiable: { fill: '#ececec', stroke: '#9a9a9a', dashed: true },
  undocumented: { fill: '#fbf6d0', stroke: '#1d232b', dashed: true },
};

/** The devices by group, groups in order of first appearance, devices in input order. */
export function devicesByGroup(input: GraphInput): Array<{ group: string; devices: GraphDevice[] }> {
  const groups = new Map<string, GraphDevice[]>();
  for (const device of input.devices) {
    const list = groups.get(device.group) ?? [];
    list.push(device);
    groups.set(device.group, list);
  }
  return [...groups].map(([group, devices]) => ({ group, devices }));
}

/** `R1 Gi1/0/1 <-> R2 Gi0/1 (verified)`: a cable's tooltip. */
export function describeCable(cable: ReportCable, findings: readonly Finding[]): string {
  const why = cable.reason ? `: ${cable.reason}` : '';
  return `${cable.a.device} ${cable.a.interface} <-> ${cable.b.device} ${cable.b.interface} (${cableLook(cable, findings).meaning}${why})`;
}
