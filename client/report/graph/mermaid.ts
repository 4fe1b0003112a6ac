/**
 * The drawing as a Mermaid `flowchart`: a `subgraph` per group, devices under ids `n0`, `n1`, … (a
 * name may hold dots, dashes and slashes, which an id may not), the cables between two devices bundled
 * into one link with a count, each problem cable on a link of its own labelled with its ports and
 * styled through `linkStyle` indexes.
 */
import type { ReportCable } from '../cables.js';
import { cableLook, devicesByGroup, DEVICE_LOOK, type CableLook } from './export-style.js';
import type { DeviceState, GraphInput } from './types.js';

/**
 * Mermaid's defaults, which a diagram cannot raise for itself (both are "secure" settings): more
 * links or more text and it draws an error instead. The CLI warns when an export passes them.
 */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

export interface MermaidDiagram {
  text: string;
  links: number;
}

interface Link {
  from: string;
  to: string;
  cables: ReportCable[];
  look: CableLook;
}

/** Text inside `"…"`: Mermaid's entity codes for what would end or break the string. */
export function mermaidText(text: string): string {
  return text.replace(/[#"<>\r\n]/g, (c) =>
    c === '#' ? '#35;' : c === '"' ? '#quot;' : c === '<' ? '#lt;' : c === '>' ? '#gt;' : ' ',
  );
}

export function renderMermaid(input: GraphInput): MermaidDiagram {
  const ids = new Map(input.devices.map((d, i) => [d.name, `n${i}`]));
  const lines = ['---', `title: ${JSON.stringify(input.title)}`, '---', 'flowchart LR'];
  devicesByGroup(input).forEach(({ group, devices }, index) => {
    lines.push(`  subgraph g${index} ["${mermaidText(group)}"]`);
    for (const device of devices) lines.push(`    ${ids.get(device.name)!}["${mermaidText(device.name)}"]`);
    lines.push('  end');
  });
  const idOf = (device: string) => {
    let id = ids.get(device);
    if (id === undefined) {
      id = `n${ids.size}`;
      ids.set(device, id);
      lines.push(`  ${id}["${mermaidText(device)}"]`);
    }
    return id;
  };
  const links = bundleLinks(input, idOf);
  links.forEach((link) => {
    const label =
      link.cables.length === 1
        ? `${link.cables[0]!.a.interface} – ${link.cables[0]!.b.interface}`
        : `${link.cables.length} cables`;
    lines.push(`  ${link.from} ---|"${mermaidText(label)}"| ${link.to}`);
  });
  lines.push(...classLines(input, ids), ...linkStyleLines(links));
  return { text: lines.join('\n') + '\n', links: links.length };
}

/** Verified (or unverifiable) cables of a device pair share a link; each problem cable has its own. */
function bundleLinks(input: GraphInput, idOf: (device: string) => string): Link[] {
  const links: Link[] = [];
  const bundles = new Map<string, Link>();
  for (const cable of input.cables) {
    const from = idOf(cable.a.device);
    const to = idOf(cable.b.device);
    const look = cableLook(cable, input.findings);
    if (cable.state === 'problem') {
      links.push({ from, to, cables: [cable], look });
      continue;
    }
    const key = `${cable.state} ${[from, to].sort().join(' ')}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.cables.push(cable);
    else {
      const link = { from, to, cables: [cable], look };
      bundles.set(key, link);
      links.push(link);
    }
  }
  return links;
}

function classLines(input: GraphInput, ids: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const state of Object.keys(DEVICE_LOOK) as DeviceState[]) {
    const members = input.devices.filter((d) => d.state === state).map((d) => ids.get(d.name)!);
    if (members.length === 0) continue;
    const look = DEVICE_LOOK[state];
    const dash = look.dashed ? ',stroke-dasharray:4 3' : '';
    lines.push(`  classDef ${state} fill:${look.fill},stroke:${look.stroke}${dash}`);
    lines.push(`  class ${members.join(',')} ${state}`);
  }
  return lines;
}

/** One `linkStyle` per look, listing the indexes (in order of the link statements) that have it. */
function linkStyleLines(links: readonly Link[]): string[] {
  const byLook = new Map<string, number[]>();
  links.forEach((link, index) => {
    const { color, width } = link.look;
    const dash = link.look.dash ? `,stroke-dasharray:${link.look.dash}` : '';
    const style = `stroke:${color},stroke-width:${width}px${dash}`;
    byLook.set(style, [...(byLook.get(style) ?? []), index]);
  });
  return [...byLook].map(([style, indexes]) => `  linkStyle ${indexes.join(',')} ${style}`);
}
