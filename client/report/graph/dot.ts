/**
 * The drawing as Graphviz DOT: an undirected `graph`, a `cluster_…` subgraph per group, one edge per
 * cable with its ports as tail and head labels, problem cables coloured and dashed as in the SVG.
 */
import { cableLook, describeCable, devicesByGroup, DEVICE_LOOK } from './export-style.js';
import type { GraphDevice, GraphInput } from './types.js';

/** A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export function renderDot(input: GraphInput): string {
  const lines = [
    `graph ${dotString(input.title)} {`,
    `  graph [label=${dotString(input.title)}, labelloc=t, fontname="Helvetica", rankdir=LR, overlap=false, splines=true];`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=8, labelfontsize=8];',
  ];
  devicesByGroup(input).forEach(({ group, devices }, index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${dotString(group)};`, '    style=rounded;');
    for (const device of devices) lines.push(`    ${renderNode(device)}`);
    lines.push('  }');
  });
  for (const cable of input.cables) {
    const look = cableLook(cable, input.findings);
    const attributes = [
      `taillabel=${dotString(cable.a.interface)}`,
      `headlabel=${dotString(cable.b.interface)}`,
      `tooltip=${dotString(describeCable(cable, input.findings))}`,
      `color=${dotString(look.color)}`,
      ...(look.line === 'solid' ? [] : [`style=${look.line}`]),
      ...(look.width === 1 ? [] : [`penwidth=${look.width}`]),
    ];
    lines.push(`  ${dotString(cable.a.device)} -- ${dotString(cable.b.device)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function renderNode(device: GraphDevice): string {
  const look = DEVICE_LOOK[device.state];
  const tooltip = [device.name, device.platform, device.model, device.mgmt, device.state, device.reason]
    .filter((x) => x !== undefined && x !== '')
    .join('\n');
  const style = look.dashed ? 'rounded,filled,dashed' : 'rounded,filled';
  return `${dotString(device.name)} [label=${dotString(device.name)}, tooltip=${dotString(tooltip)}, fillcolor=${dotString(look.fill)}, color=${dotString(look.stroke)}, style=${dotString(style)}];`;
}
