/**
 * How the exports (dot, Mermaid, draw.io) mark states: the SVG legend's colours and line styles,
 * in one table, so a missing cable looks the same in every format.
 */
import type { ReportCable } from '../cables.js';
import type { DeviceState, GraphDevice, GraphInput } from './types.js';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface CableLook {
  color: string;
  line: LineStyle;
  width: number;
  /** Said in the legend and in tooltips. */
  meaning: string;
}

/**
 * Verified cables plain grey; unverifiable ones light grey and dotted; a documented cable a finding
 * names (it is not there as documented) red and dashed; a cable seen but not documented red, solid.
 */
export function cableLook(cable: ReportCable): CableLook {
  if (cable.state === 'verified') return { color: '#8c8c8c', line: 'solid', width: 1, meaning: 'verified' };
  if (cable.state === 'unverifiable')
    return { color: '#b0b0b0', line: 'dotted', width: 1, meaning: 'unverifiable' };
  return cable.documented
    ? { color: '#d62728', line: 'dashed', width: 2, meaning: 'documented, not found as documented' }
    : { color: '#d62728', line: 'solid', width: 2, meaning: 'found, not documented' };
}

export interface DeviceLook {
  fill: string;
  stroke: string;
  dashed: boolean;
}

export const DEVICE_LOOK: Record<DeviceState, DeviceLook> = {
  ok: { fill: '#ffffff', stroke: '#4d4d4d', dashed: false },
  problem: { fill: '#fde0dc', stroke: '#d62728', dashed: false },
  unverifiable: { fill: '#eeeeee', stroke: '#8c8c8c', dashed: true },
  undocumented: { fill: '#fff1d6', stroke: '#ff7f0e', dashed: true },
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
export function describeCable(cable: ReportCable): string {
  const why = cable.reason ? `: ${cable.reason}` : '';
  return `${cable.a.device} ${cable.a.interface} <-> ${cable.b.device} ${cable.b.interface} (${cableLook(cable).meaning}${why})`;
}
