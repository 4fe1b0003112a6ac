import { Script } from 'node:vm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { findingCables } from '../../client/report/cables.js';
import {
  drawingAssets,
  graphInputFromCheck,
  renderTopologyDrawing,
} from '../../client/report/graph/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { driftedCheck } from './graph-fixtures.js';

interface Node {
  [key: string]: unknown;
}

/** Every `g` element in the SVG, depth first, with its attributes (`@_class`…) and children. */
function groups(svg: string): Node[] {
  const tree = new XMLParser({
    ignoreAttributes: false,
    isArray: (_name: string, _path: unknown, _leaf: boolean, attribute: boolean) => !attribute,
  }).parse(svg) as Node;
  const out: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'g') for (const g of value as Node[]) out.push(g);
      if (!key.startsWith('@_')) walk(value);
    }
  };
  walk(tree);
  return out;
}
const cls = (g: Node) => ((g['@_class'] as string | undefined) ?? '').split(' ');
const text = (v: unknown): string =>
  Array.isArray(v)
    ? v.map(text).join('')
    : v && typeof v === 'object'
      ? text((v as Node)['#text'])
      : typeof v === 'string' || typeof v === 'number'
        ? String(v)
        : '';

describe('drawing a drifted lab-100', async () => {
  const topology = await loadTopology('lab-100');
  // two neighbours down: the cables between them cannot be confirmed by either end
  const link = topology.links.find((l) => l.a.node === 'r3-sw05' || l.b.node === 'r3-sw05')!;
  const peer = link.a.node === 'r3-sw05' ? link.b.node : link.a.node;
  const check = driftedCheck(topology, ['r3-sw05', peer], 'intruder1');
  const input = graphInputFromCheck(check, topology);
  const drawing = await renderTopologyDrawing(input);
  const gs = groups(drawing.svg);

  it('is well-formed and the same on a second render', async () => {
    expect(XMLValidator.validate(drawing.svg)).toBe(true);
    expect((await renderTopologyDrawing(graphInputFromCheck(check, topology))).svg).toBe(drawing.svg);
  });

  it('marks the devices of each finding lf-problem, the dead one unverifiable, the intruder undocumented', () => {
    expect(check.report.findings.length).toBeGreaterThanOrEqual(3);
    const devices = new Map(
      gs.filter((g) => cls(g).includes('lf-device')).map((g) => [String(g['@_data-device']), g]),
    );
    expect(devices.size).toBe(topology.nodes.length + 1);
    check.report.findings.forEach((finding, i) => {
      const { documented, observed } = findingCables(finding);
      for (const cable of [...documented, ...observed])
        for (const end of [cable.a.device, cable.b.device]) {
          const g = devices.get(end)!;
          expect(String(g['@_data-findings']).split(' '), end).toContain(String(i));
          if (end !== 'r3-sw05' && end !== peer && end !== 'intruder1')
            expect(cls(g), end).toContain('lf-problem');
        }
    });
    const dead = devices.get('r3-sw05')!;
    expect(cls(dead)).toContain('lf-unverifiable');
    expect(text(dead.title)).toContain('CONNECT_REFUSED');
    expect(cls(devices.get('intruder1')!)).toContain('lf-undocumented');
    expect(devices.get('intruder1')!['@_data-group']).toBe('not documented');
  });

  it('draws every cable of a finding on its own, coloured by kind, with both ports labelled', () => {
    const findingLines = gs.filter((g) => cls(g).includes('lf-finding'));
    const problem = input.cables.map((c, i) => [c, i] as const).filter(([c]) => c.state === 'problem');
    expect(findingLines.map((g) => g['@_data-cables'])).toEqual(
      expect.arrayContaining(problem.map(([, i]) => String(i))),
    );
    expect(findingLines).toHaveLength(problem.length);
    for (const g of findingLines) {
      const cable = input.cables[Number(g['@_data-cables'])]!;
      expect(g['@_data-findings']).toBe(String(cable.finding));
      expect(cls(g)).toContain(`lf-kind-${input.findings[cable.finding!]!.kind}`);
      expect(cls(g)).toContain(cable.documented ? 'lf-expected' : 'lf-found');
      const ports = (g.text as Node[]).filter((t) => t['@_class'] === 'lf-port').map(text);
      expect(ports).toHaveLength(2);
      const short = (s: string) =>
        s
          .replace(/^GigabitEthernet/, 'Gi')
          .replace(/^TenGigabitEthernet/, 'Te')
          .replace(/^Ethernet/, 'Eth');
      expect(ports).toEqual([short(cable.a.interface), short(cable.b.interface)]);
      expect(text(g.title)).toContain(
        `${cable.a.device} ${cable.a.interface} <-> ${cable.b.device} ${cable.b.interface}`,
      );
    }
  });

  it('greys the cables of the dead device and bundles the rest, each with a title', () => {
    const bundles = gs.filter((g) => cls(g).includes('lf-bundle'));
    expect(check.report.unverifiableCables.length).toBeGreaterThan(0);
    const grey = bundles.filter((g) => cls(g).includes('lf-unverifiable'));
    expect(grey.length).toBeGreaterThan(0);
    for (const g of grey)
      expect(text(g.title).split('\n')[0]).toMatch(new RegExp(`^(r3-sw05 — ${peer}|${peer} — r3-sw05): `));
    expect(text(grey[0]!.title)).toContain('did not answer [CONNECT_REFUSED]');
    for (const g of bundles) expect(text(g.title)).not.toBe('');
    const drawn = gs
      .filter((g) => cls(g).includes('lf-cable'))
      .flatMap((g) => String(g['@_data-cables']).split(' ').map(Number))
      .sort((a, b) => a - b);
    expect(drawn).toEqual(input.cables.map((_, i) => i));
  });

  it('has a legend naming the finding kinds present', () => {
    for (const kind of new Set(check.report.findings.map((f) => f.kind)))
      expect(drawing.svg).toMatch(new RegExp(`<text[^>]*>${kind}`));
  });

  it('ships panzoom with its licence and a typed script defining window.labfleetDrawing', () => {
    const { css, script } = drawingAssets();
    expect(script).toMatch(/Panzoom 4\.\d+\.\d+/);
    expect(script).toContain('labfleetDrawing');
    expect(script).not.toMatch(/<\/script/i);
    expect(() => new Script(script)).not.toThrow(); // parses as a classic script
    expect(css).toContain('.lf-drawing-panel');
  });
});
