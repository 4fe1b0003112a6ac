/**
 * The topology drawing. PLACEHOLDER (issue 13 core): a plain grid so the HTML report can be built
 * against the contract in ./types.ts while the ELK layout is written; every body here is replaced.
 */
import type { Topology } from '../../../simulator/topology/model.js';
import type { DriftItem } from '../../../simulator/topology/world.js';
import type { CheckResult } from '../../check.js';
import { reportCables } from '../cables.js';
import { checkDrifted } from './drift-overlay.js';
import type { Drawing, DrawingAssets, DrawingOptions, GraphInput, Layout } from './types.js';

export type * from './types.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a check found, to draw: the topology's devices (or the documentation's), each cable's state. */
export function graphInputFromCheck(check: CheckResult, topology?: Topology): GraphInput {
  const down = new Map(check.report.unverifiable.map((u) => [u.device, u]));
  const cables = reportCables(check.documentation, check.report);
  const inProblem = new Set(
    cables.filter((c) => c.state === 'problem').flatMap((c) => [c.a.device, c.b.device]),
  );
  const names = topology?.nodes.map((n) => n.name) ?? check.documentation.devices;
  return {
    title: topology?.name ?? check.documentation.source,
    devices: names.map((name) => {
      const node = topology?.nodeByName.get(name);
      const u = down.get(name);
      return {
        name,
        group: node?.labels.rack ? `rack ${node.labels.rack}` : (node?.labels.role ?? 'devices'),
        labels: node?.labels ?? {},
        state: u ? 'unverifiable' : inProblem.has(name) ? 'problem' : 'ok',
        ...(u ? { reason: `${u.message} [${u.code}]` } : {}),
        ...(node ? { platform: node.platform, model: node.model, mgmt: node.mgmtAddress } : {}),
      };
    }),
    cables,
    findings: check.report.findings,
  };
}

/** A topology as documented, with drift's deviations marked when given. */
export function graphInputFromTopology(topology: Topology, drift: readonly DriftItem[] = []): GraphInput {
  if (drift.length > 0) return graphInputFromCheck(checkDrifted(topology, drift), topology);
  return {
    title: topology.name,
    devices: topology.nodes.map((n) => ({
      name: n.name,
      group: n.labels.rack ? `rack ${n.labels.rack}` : (n.labels.role ?? 'devices'),
      labels: n.labels,
      state: 'ok',
      platform: n.platform,
      model: n.model,
      mgmt: n.mgmtAddress,
    })),
    cables: topology.links.map((l) => ({
      a: { device: l.a.node, interface: l.a.interface },
      b: { device: l.b.node, interface: l.b.interface },
      documented: true,
      state: 'verified',
    })),
    findings: [],
  };
}

export function layoutGraph(input: GraphInput, options: DrawingOptions = {}): Promise<Layout> {
  void options;
  const columns = Math.ceil(Math.sqrt(input.devices.length));
  const devices = new Map(
    input.devices.map((d, i) => [
      d.name,
      { x: (i % columns) * 140 + 10, y: Math.floor(i / columns) * 60 + 10, width: 120, height: 24 },
    ]),
  );
  const width = columns * 140 + 20;
  const height = Math.ceil(input.devices.length / columns) * 60 + 20;
  return Promise.resolve({ width, height, clustered: false, groups: [], devices });
}

export async function renderTopologyDrawing(
  input: GraphInput,
  options: DrawingOptions = {},
): Promise<Drawing> {
  const layout = await layoutGraph(input, options);
  const at = layout.devices;
  const columns = Math.ceil(Math.sqrt(input.devices.length));
  const cables = input.cables.map((c, i) => {
    const a = at.get(c.a.device);
    const b = at.get(c.b.device);
    if (!a || !b) return '';
    const findings = c.finding === undefined ? '' : ` data-findings="${c.finding}"`;
    return `<g class="lf-cable lf-${c.state}" data-cables="${i}"${findings}><title>${escape(`${c.a.device} ${c.a.interface} <-> ${c.b.device} ${c.b.interface}`)}</title><line x1="${a.x + 60}" y1="${a.y + 12}" x2="${b.x + 60}" y2="${b.y + 12}" stroke="${c.state === 'problem' ? 'red' : '#999'}"/></g>`;
  });
  const devices = input.devices.map((d) => {
    const p = at.get(d.name)!;
    const findings = input.cables
      .map((c) =>
        c.finding !== undefined && (c.a.device === d.name || c.b.device === d.name) ? c.finding : -1,
      )
      .filter((f) => f >= 0);
    return `<g class="lf-device lf-${d.state}" data-device="${escape(d.name)}" data-findings="${[...new Set(findings)].join(' ')}" transform="translate(${p.x},${p.y})"><title>${escape(d.name)}</title><rect width="120" height="24" fill="white" stroke="black"/><text class="lf-label" x="6" y="16" font-size="12">${escape(d.name)}</text></g>`;
  });
  const width = columns * 140 + 20;
  const height = Math.ceil(input.devices.length / columns) * 60 + 20;
  return {
    svg: `<svg class="lf-topology" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${cables.join('')}${devices.join('')}</svg>`,
    width,
    height,
    clustered: false,
  };
}

export function drawingAssets(): DrawingAssets {
  return {
    css: '.lf-device.lf-problem rect { stroke: red; } .lf-highlight rect, .lf-highlight line { stroke-width: 4; }',
    script:
      'window.labfleetDrawing = { highlightFinding(i) { document.querySelectorAll(".lf-highlight").forEach(e => e.classList.remove("lf-highlight")); document.querySelectorAll("[data-findings]").forEach(e => { if (e.dataset.findings.split(" ").includes(String(i))) e.classList.add("lf-highlight"); }); }, highlightDevice(name) {}, clear() {} };',
  };
}
