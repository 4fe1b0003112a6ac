/**
 * The drawing as SVG, placed by `layoutGraph`: groups, then the cables between two devices as one
 * faint line, then the devices, then every cable of a finding on its own line with its two ports, and
 * a legend. Everything a hover shows is in each element's `<title>`; styles are inline.
 */
import type { ReportCable } from '../cables.js';
import type { Finding } from '../../verify/verifier.js';
import { renderFindingCables } from './finding-cables.js';
import { renderLegend } from './legend.js';
import {
  CLUSTER_LINE,
  DEFAULT_CLUSTER_ABOVE,
  DEVICE_HEIGHT,
  FONT_FAMILY,
  GROUP_LABEL_SIZE,
  LABEL_SIZE,
  MARGIN,
  clusterLines,
  groupHeading,
  groupsOf,
  layoutGraph,
} from './layout.js';
import { centre, esc, findingText, n } from './markup.js';
import { SVG_DEFS, SVG_STYLE } from './style.js';
import type { Box, Drawing, DrawingOptions, GraphDevice, GraphInput, Layout } from './types.js';

/** Lowercase device name → the findings its cables are in. */
function findingsByDevice(cables: readonly ReportCable[]): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (const c of cables) {
    if (c.finding === undefined) continue;
    for (const d of [c.a.device, c.b.device]) {
      const key = d.toLowerCase();
      const set = map.get(key) ?? new Set<number>();
      set.add(c.finding);
      map.set(key, set);
    }
  }
  return map;
}

const list = (set: Iterable<number> | undefined) => [...(set ?? [])].sort((a, b) => a - b).join(' ');

function deviceTitle(d: GraphDevice, findings: Finding[], inFindings: Set<number> | undefined): string {
  const lines = [d.name];
  if (d.platform) lines.push(`platform: ${d.platform}`);
  if (d.model) lines.push(`model: ${d.model}`);
  if (d.mgmt) lines.push(`mgmt: ${d.mgmt}`);
  lines.push(`group: ${d.group}`, `state: ${d.state}`);
  if (d.reason) lines.push(`reason: ${d.reason}`);
  for (const f of [...(inFindings ?? [])].sort((a, b) => a - b)) lines.push(findingText(findings[f]!));
  return lines.join('\n');
}

function renderDevice(
  d: GraphDevice,
  box: Box,
  input: GraphInput,
  inFindings: Set<number> | undefined,
): string {
  return (
    `<g class="lf-device lf-${d.state}" data-device="${esc(d.name)}" data-group="${esc(d.group)}" data-state="${d.state}" data-findings="${list(inFindings)}" transform="translate(${n(box.x)},${n(box.y)})">` +
    `<title>${esc(deviceTitle(d, input.findings, inFindings))}</title>` +
    `<rect width="${n(box.width)}" height="${n(box.height)}" rx="3"/>` +
    `<text class="lf-label" x="${n(box.width / 2)}" y="${n(DEVICE_HEIGHT / 2 + LABEL_SIZE * 0.35)}">${esc(d.name)}</text></g>`
  );
}

const pairKey = (a: string, b: string) => {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()].sort();
  return `${x}\u0000${y}`;
};

/** The cables not in a finding, one line per pair of devices. */
function renderBundles(input: GraphInput, at: Map<string, Box>): string[] {
  const bundles = new Map<string, number[]>();
  input.cables.forEach((c, i) => {
    if (c.finding !== undefined) return;
    const key = pairKey(c.a.device, c.b.device);
    const b = bundles.get(key);
    if (b) b.push(i);
    else bundles.set(key, [i]);
  });
  const out: string[] = [];
  for (const indexes of bundles.values()) {
    const first = input.cables[indexes[0]!]!;
    const a = at.get(first.a.device.toLowerCase());
    const b = at.get(first.b.device.toLowerCase());
    if (!a || !b || a === b) continue;
    const cables = indexes.map((i) => input.cables[i]!);
    const down = cables.filter((c) => c.state === 'unverifiable');
    const lines = [
      `${first.a.device} — ${first.b.device}: ${cables.length} cable${cables.length === 1 ? '' : 's'}${down.length ? `, ${down.length} unverifiable` : ''}`,
      ...cables.slice(0, 12).map((c) => {
        const [x, y] = c.a.device === first.a.device ? [c.a, c.b] : [c.b, c.a];
        return `${x.interface} <-> ${y.interface}${c.state === 'unverifiable' ? ` (unverifiable: ${c.reason ?? ''})` : ''}`;
      }),
      ...(cables.length > 12 ? [`… and ${cables.length - 12} more`] : []),
    ];
    const p = centre(a);
    const q = centre(b);
    out.push(
      `<g class="lf-cable lf-bundle lf-${down.length ? 'unverifiable' : 'verified'}" data-cables="${indexes.join(' ')}" data-findings=""><title>${esc(lines.join('\n'))}</title>` +
        `<line x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}"/></g>`,
    );
  }
  return out;
}

function renderGroups(layout: Layout): string[] {
  return layout.groups.map(
    (g) =>
      `<g class="lf-group" data-group="${esc(g.name)}"><rect class="lf-group-box" x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}" rx="5"/>` +
      `<text class="lf-group-label" x="${n(g.x + 10)}" y="${n(g.y + 10 + GROUP_LABEL_SIZE)}">${esc(groupHeading(g.name, g.devices))}</text></g>`,
  );
}

/** Each group one box with its counts; the cables between two groups one line with its count. */
function renderClusters(input: GraphInput, layout: Layout): string[] {
  const members = groupsOf(input);
  const boxOf = new Map(layout.groups.map((g) => [g.name, g]));
  const groupOfDevice = new Map(input.devices.map((d) => [d.name.toLowerCase(), d.group]));
  const byDevice = findingsByDevice(input.cables);
  const inside = new Map<string, number>();
  const between = new Map<string, { a: string; b: string; cables: number[] }>();
  input.cables.forEach((c, i) => {
    const ga = groupOfDevice.get(c.a.device.toLowerCase());
    const gb = groupOfDevice.get(c.b.device.toLowerCase());
    if (ga === undefined || gb === undefined) return;
    if (ga === gb) return void inside.set(ga, (inside.get(ga) ?? 0) + 1);
    const key = pairKey(ga, gb);
    const entry = between.get(key) ?? { a: ga, b: gb, cables: [] };
    entry.cables.push(i);
    between.set(key, entry);
  });
  const out: string[] = [];
  for (const { a, b, cables } of between.values()) {
    const p = centre(boxOf.get(a)!);
    const q = centre(boxOf.get(b)!);
    const findings = new Set(cables.flatMap((i) => input.cables[i]!.finding ?? []));
    const down = cables.filter((i) => input.cables[i]!.state === 'unverifiable').length;
    const state = findings.size ? 'problem' : down ? 'unverifiable' : 'verified';
    const title = [`${a} — ${b}: ${cables.length} cables`, ...(down ? [`${down} unverifiable`] : [])];
    for (const f of [...findings].sort((x, y) => x - y)) title.push(findingText(input.findings[f]!));
    out.push(
      `<g class="lf-cable lf-bundle lf-${state}" data-cables="${cables.join(' ')}" data-findings="${list(findings)}"><title>${esc(title.join('\n'))}</title>` +
        `<line x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}"/>` +
        `<text class="lf-count" x="${n((p.x + q.x) / 2)}" y="${n((p.y + q.y) / 2 + 3)}">${cables.length}</text></g>`,
    );
  }
  for (const g of layout.groups) {
    const devices = members.get(g.name) ?? [];
    const problems = devices.filter((d) => d.state === 'problem').length;
    const down = devices.filter((d) => d.state === 'unverifiable').length;
    const findings = new Set(devices.flatMap((d) => [...(byDevice.get(d.name.toLowerCase()) ?? [])]));
    const lines = clusterLines(g.name, devices.length, problems, down);
    const text = lines
      .map(
        (l, i) =>
          `<text${i === 0 ? ' class="lf-cluster-name"' : ''} x="${n(g.x + 10)}" y="${n(g.y + 10 + CLUSTER_LINE * i + GROUP_LABEL_SIZE)}">${esc(l)}</text>`,
      )
      .join('');
    const title = [...lines, `${inside.get(g.name) ?? 0} cables inside`];
    out.push(
      `<g class="lf-cluster${problems ? ' lf-problem' : ''}" data-group="${esc(g.name)}" data-findings="${list(findings)}" data-members="${esc(devices.map((d) => d.name).join(' '))}">` +
        `<title>${esc(title.join('\n'))}</title><rect x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}" rx="5"/>${text}</g>`,
    );
  }
  return out;
}

/** The drawing: lays the input out (ELK) and renders it; same input, byte-identical SVG. */
export async function renderTopologyDrawing(
  input: GraphInput,
  options: DrawingOptions = {},
): Promise<Drawing> {
  const layout = await layoutGraph(input, { clusterAbove: options.clusterAbove ?? DEFAULT_CLUSTER_ABOVE });
  const body: string[] = [];
  if (layout.clustered) body.push(...renderClusters(input, layout));
  else {
    const at = new Map([...layout.devices].map(([name, box]) => [name.toLowerCase(), box]));
    const byDevice = findingsByDevice(input.cables);
    body.push(...renderGroups(layout), '<g class="lf-cables">', ...renderBundles(input, at), '</g>');
    body.push('<g class="lf-devices">');
    for (const d of input.devices)
      body.push(renderDevice(d, layout.devices.get(d.name)!, input, byDevice.get(d.name.toLowerCase())));
    body.push('</g>', '<g class="lf-findings">', ...renderFindingCables(input, at), '</g>');
  }
  const legend = renderLegend(input, layout, layout.height);
  const width = Math.max(layout.width, legend.width + 2 * MARGIN);
  const height = layout.height + legend.height + MARGIN;
  const svg =
    `<svg class="lf-topology" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" data-clustered="${layout.clustered}" role="img" aria-label="${esc(`Topology ${input.title}`)}" font-family="${esc(FONT_FAMILY)}">` +
    `<title>${esc(`${input.title}: ${input.devices.length} devices, ${input.cables.length} cables, ${input.findings.length} findings`)}</title>` +
    `<style>${SVG_STYLE}</style>${SVG_DEFS}` +
    `<rect class="lf-background" width="100%" height="100%" fill="#fff"/>` +
    body.join('') +
    legend.svg +
    '</svg>';
  return { svg, width, height, clustered: layout.clustered };
}
