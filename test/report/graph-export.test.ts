/**
 * The exports of `labfleet graph`, checked with real tools where Debian has them: Graphviz lays out
 * and renders the DOT, Python's XML parser reads the draw.io file. Mermaid has no Debian renderer:
 * its text is checked against the flowchart grammar (ids, one definition per device, every cable
 * counted once, `linkStyle` indexes) but never drawn here.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDrift } from '../../client/demo.js';
import { renderDot } from '../../client/report/graph/dot.js';
import { cableLook } from '../../client/report/graph/export-style.js';
import { renderDrawio } from '../../client/report/graph/drawio.js';
import { graphInputFromTopology, layoutGraph, type GraphInput } from '../../client/report/graph/index.js';
import { renderMermaid } from '../../client/report/graph/mermaid.js';
import type { ReportCable } from '../../client/report/cables.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { endpointKey, type Topology } from '../../simulator/topology/model.js';
import type { DriftItem } from '../../simulator/topology/world.js';
import { FIXTURES } from '../helpers.js';

/** Runs a program with `input` on stdin; resolves with its stdout (rejects on a non-zero exit). */
function pipe(command: string, args: string[], input: string, timeout = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { maxBuffer: 256 * 1024 * 1024, timeout }, (error, stdout) =>
      error ? reject(new Error(error.message, { cause: error })) : resolve(stdout),
    );
    child.stdin!.end(input);
  });
}

/** Every cell of a draw.io file, as Python's ElementTree reads it (a well-formedness check too). */
const READ_DRAWIO = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.read())
model = root.find('diagram/mxGraphModel/root')
cells = []
for node in model:
    cell = node if node.tag == 'mxCell' else node.find('mxCell')
    label = node.get('label') if node.tag == 'UserObject' else cell.get('value')
    g = cell.find('mxGeometry')
    box = None
    if g is not None and g.get('relative') != '1':
        box = {k: float(g.get(k, 0)) for k in ('x', 'y', 'width', 'height')}
    cells.append({'id': node.get('id'), 'label': label, 'parent': cell.get('parent'),
                  'vertex': cell.get('vertex') == '1', 'edge': cell.get('edge') == '1',
                  'source': cell.get('source'), 'target': cell.get('target'),
                  'style': cell.get('style'), 'box': box, 'tag': root.tag})
print(json.dumps(cells))
`;

interface DrawioCell {
  id: string;
  label: string | null;
  parent: string | null;
  vertex: boolean;
  edge: boolean;
  source: string | null;
  target: string | null;
  style: string | null;
  box: { x: number; y: number; width: number; height: number } | null;
  tag: string;
}

const topologies: Record<string, Topology> = {
  'routers-10': await loadTopology('routers-10'),
  'lab-100': await loadTopology('lab-100'),
};

function driftOf(name: string): DriftItem[] {
  const topology = topologies[name]!;
  if (name === 'routers-10')
    return parseDrift(readFileSync(join(FIXTURES, 'check', 'routers-10-drift.yaml'), 'utf8'), topology).drift;
  return demoDrift(topology, 1, () => true);
}

/** The ports a drift item touches: a cable is drifted when it has one of them at an end. */
function driftPorts(items: readonly DriftItem[]): Set<string> {
  return new Set(
    items.flatMap((item) => {
      switch (item.op) {
        case 'unplug':
          return [endpointKey(item.port)];
        case 'move':
          return [endpointKey(item.from), endpointKey(item.to)];
        default:
          return item.ports.map(endpointKey);
      }
    }),
  );
}

/** Text of an SVG element: Graphviz writes `-` as `&#45;`. */
const decodeXml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const key = (c: ReportCable) => `${c.a.device}:${c.a.interface} ${c.b.device}:${c.b.interface}`;

describe.each(Object.keys(topologies))('%s', (name) => {
  const topology = topologies[name]!;
  const drift = driftOf(name);
  const inputs: Record<string, GraphInput> = {
    documented: graphInputFromTopology(topology),
    drifted: graphInputFromTopology(topology, drift),
  };

  it('--drift marks exactly the drifted cables as problems, and only their devices', () => {
    const ports = driftPorts(drift);
    const input = inputs.drifted!;
    const touches = (c: ReportCable) =>
      ports.has(`${c.a.device}:${c.a.interface}`) || ports.has(`${c.b.device}:${c.b.interface}`);
    expect(input.findings.length).toBe(drift.length);
    expect(input.cables.filter((c) => c.state === 'problem').map(key)).toEqual(
      input.cables.filter(touches).map(key),
    );
    expect(input.cables.filter((c) => c.state !== 'problem').every((c) => c.state === 'verified')).toBe(true);
    const ends = new Set(input.cables.filter(touches).flatMap((c) => [c.a.device, c.b.device]));
    expect(
      input.devices
        .filter((d) => d.state === 'problem')
        .map((d) => d.name)
        .sort(),
    ).toEqual(
      topology.nodes
        .map((n) => n.name)
        .filter((n) => ends.has(n))
        .sort(),
    );
    expect(inputs.documented!.cables.every((c) => c.state === 'verified')).toBe(true);
  });

  describe.each(['documented', 'drifted'])('%s', (which) => {
    const input = inputs[which]!;

    it('dot: Graphviz renders it, with every device a node and every cable an edge', async () => {
      const dot = renderDot(input);
      expect(renderDot(input)).toBe(dot);
      const svg = await pipe('dot', ['-Tsvg'], dot);
      const nodes = [...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g)].map((m) =>
        decodeXml(m[1]!),
      );
      expect(nodes.sort()).toEqual(input.devices.map((d) => d.name).sort());
      expect([...svg.matchAll(/<g id="edge\d+" class="edge">/g)].length).toBe(input.cables.length);
      const problems = input.cables.filter((c) => c.state === 'problem').length;
      const edges = dot.split('\n').filter((l) => l.includes('" -- "'));
      expect(edges.filter((l) => l.includes('penwidth=')).length).toBe(problems);
      input.cables.forEach((cable, i) => {
        const look = cableLook(cable, input.findings);
        expect(edges[i]).toContain(`color="${look.color}"`);
        expect(edges[i]!.includes(`style=${look.line}`)).toBe(look.line !== 'solid');
      });
    });

    it('draw.io: well-formed XML, a vertex per device where the layout puts it, none overlapping', async () => {
      const layout = await layoutGraph(input, { clusterAbove: Infinity });
      const xml = renderDrawio(input, layout);
      expect(renderDrawio(input, layout)).toBe(xml);
      const cells = JSON.parse(await pipe('python3', ['-c', READ_DRAWIO], xml)) as DrawioCell[];
      expect(cells[0]!.tag).toBe('mxfile');
      const byId = new Map(cells.map((c) => [c.id, c]));
      expect(byId.size).toBe(cells.length);
      const names = new Set(input.devices.map((d) => d.name));
      const vertices = cells.filter(
        (c) =>
          c.vertex &&
          c.label !== null &&
          names.has(c.label) &&
          c.parent !== null &&
          !c.parent.startsWith('e'),
      );
      expect(vertices.map((v) => v.label).sort()).toEqual([...names].sort());
      const absolute = vertices.map((v) => {
        const parent = byId.get(v.parent!)!;
        const offset = parent.box ?? { x: 0, y: 0 };
        return {
          name: v.label!,
          x: v.box!.x + offset.x,
          y: v.box!.y + offset.y,
          w: v.box!.width,
          h: v.box!.height,
        };
      });
      for (const v of absolute) {
        const box = layout.devices.get(v.name)!;
        expect(v.x).toBeCloseTo(box.x, 1);
        expect(v.y).toBeCloseTo(box.y, 1);
        expect(v.w).toBeCloseTo(box.width, 1);
      }
      const sorted = [...absolute].sort((a, b) => a.x - b.x);
      for (const [i, a] of sorted.entries())
        for (const b of sorted.slice(i + 1)) {
          if (b.x >= a.x + a.w) break;
          expect(a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.name} overlaps ${b.name}`).toBe(true);
        }
      const edges = cells.filter((c) => c.edge);
      expect(edges.length).toBe(input.cables.length);
      const vertexId = new Map(vertices.map((v) => [v.label, v.id]));
      input.cables.forEach((cable, i) => {
        expect([edges[i]!.source, edges[i]!.target]).toEqual([
          vertexId.get(cable.a.device),
          vertexId.get(cable.b.device),
        ]);
        const look = cableLook(cable, input.findings);
        expect(edges[i]!.style).toContain(`strokeColor=${look.color};`);
        expect(edges[i]!.style!.includes('dashed=1;dashPattern=7 4;')).toBe(
          cable.state === 'problem' && cable.documented,
        );
        const labels = cells.filter((c) => c.parent === edges[i]!.id).map((c) => c.label);
        expect(labels).toEqual([cable.a.interface, cable.b.interface]);
      });
    });

    it('mermaid: a flowchart with valid unique ids, each device once, each cable counted once (not rendered)', () => {
      const { text, links } = renderMermaid(input);
      expect(renderMermaid(input).text).toBe(text);
      const lines = text.split('\n');
      expect(lines.slice(0, 4)).toEqual([
        '---',
        `title: ${JSON.stringify(input.title)}`,
        '---',
        'flowchart LR',
      ]);
      const definitions = lines.flatMap((l) => {
        const m = /^\s+(\S+)\["([^"]*)"\]$/.exec(l);
        return m ? [{ id: m[1]!, label: m[2]! }] : [];
      });
      expect(definitions.map((d) => d.label).sort()).toEqual(input.devices.map((d) => d.name).sort());
      const ids = definitions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      // NODE_STRING in mermaid's flow.jison, minus what starts a keyword or an edge (end, o/x after ---)
      for (const id of ids) expect(id).toMatch(/^n\d+$/);
      const subgraphs = lines.filter((l) => /^ {2}subgraph g\d+ \["[^"]*"\]$/.test(l));
      expect(subgraphs.length).toBe(new Set(input.devices.map((d) => d.group)).size);
      expect(lines.filter((l) => l === '  end').length).toBe(subgraphs.length);
      const linkLines = lines.filter((l) => /^ {2}n\d+ ---\|"[^"]*"\| n\d+$/.test(l));
      expect(linkLines.length).toBe(links);
      const counted = linkLines.reduce((sum, l) => sum + Number(/"(\d+) cables"/.exec(l)?.[1] ?? 1), 0);
      expect(counted).toBe(input.cables.length);
      const styled = lines
        .filter((l) => l.startsWith('  linkStyle '))
        .flatMap((l) => l.split(' ')[3]!.split(',').map(Number));
      expect(styled.sort((a, b) => a - b)).toEqual([...Array(links).keys()]);
      const red = lines
        .filter((l) => l.startsWith('  linkStyle ') && !l.includes('stroke-width:1px'))
        .flatMap((l) => l.split(' ')[3]!.split(','));
      expect(red.length).toBe(input.cables.filter((c) => c.state === 'problem').length);
    });
  });
});

describe('escaping', () => {
  const input: GraphInput = {
    title: 'lab "A" & <B>',
    devices: [
      { name: 'sw-1.dc/a"x', group: 'rack "1"', labels: {}, state: 'ok' },
      { name: 'end', group: 'rack "1"', labels: {}, state: 'problem' },
      { name: 'o#2\\', group: 'g<2>', labels: {}, state: 'undocumented' },
    ],
    cables: [
      {
        a: { device: 'sw-1.dc/a"x', interface: 'Gi1/0/1' },
        b: { device: 'end', interface: 'e"1' },
        documented: true,
        state: 'problem',
        finding: 0,
      },
      {
        a: { device: 'end', interface: 'Et<2>' },
        b: { device: 'o#2\\', interface: 'x&y' },
        documented: false,
        state: 'problem',
        finding: 0,
      },
    ],
    findings: [],
  };

  it('dot: Graphviz reads quotes and backslashes in names and ports', async () => {
    const svg = await pipe('dot', ['-Tsvg'], renderDot(input));
    const labels = [...svg.matchAll(/<text [^>]*font-size="11.00">([^<]*)<\/text>/g)].map((m) =>
      decodeXml(m[1]!),
    );
    expect(labels.sort()).toEqual(['end', 'o#2\\', 'sw-1.dc/a"x']);
    const ports = [...svg.matchAll(/<text [^>]*font-size="8.00">([^<]*)<\/text>/g)].map((m) =>
      decodeXml(m[1]!),
    );
    expect(ports.sort()).toEqual(['Et<2>', 'Gi1/0/1', 'e"1', 'x&y']);
  });

  it('draw.io: entities for quotes, ampersands and angle brackets', async () => {
    const layout = await layoutGraph(input, { clusterAbove: Infinity });
    const cells = JSON.parse(
      await pipe('python3', ['-c', READ_DRAWIO], renderDrawio(input, layout)),
    ) as DrawioCell[];
    expect(cells.map((c) => c.label)).toEqual(
      expect.arrayContaining(['sw-1.dc/a"x', 'end', 'o#2\\', 'x&y', 'Et<2>']),
    );
  });

  it('mermaid: ids never come from names; entity codes for what would end a string', () => {
    const { text } = renderMermaid(input);
    expect(text).toContain('n0["sw-1.dc/a#quot;x"]');
    expect(text).toContain('n1["end"]');
    expect(text).toContain('n2["o#35;2\\"]');
    expect(text).toContain('subgraph g1 ["g#lt;2#gt;"]');
    expect(text).not.toMatch(/\["[^"]*"[^\]]/);
  });
});
