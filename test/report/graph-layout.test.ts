import { describe, expect, it } from 'vitest';
import {
  graphInputFromTopology,
  layoutGraph,
  renderTopologyDrawing,
  type Box,
  type GraphInput,
} from '../../client/report/graph/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { racksTopology, randomTopology } from './graph-fixtures.js';
import { XMLValidator } from 'fast-xml-parser';

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) =>
  a.x >= outer.x &&
  a.y >= outer.y &&
  a.x + a.width <= outer.x + outer.width &&
  a.y + a.height <= outer.y + outer.height;

/** Every device has a box inside its group's, no two devices or groups overlap, all within the drawing. */
async function expectSoundLayout(input: GraphInput): Promise<void> {
  const layout = await layoutGraph(input);
  expect(layout.clustered).toBe(false);
  expect(layout.devices.size).toBe(input.devices.length);
  const groups = new Map(layout.groups.map((g) => [g.name, g]));
  for (const d of input.devices) {
    const box = layout.devices.get(d.name)!;
    expect(box, d.name).toBeDefined();
    expect(inside(box, groups.get(d.group)!), `${d.name} inside ${d.group}`).toBe(true);
    // the label fits: 11 px monospace at no more than 0.64 em per character, 6 px padding each side
    expect(box.width).toBeGreaterThanOrEqual(d.name.length * 11 * 0.64 + 12);
  }
  for (const g of layout.groups)
    expect(inside(g, { x: 0, y: 0, width: layout.width, height: layout.height }), g.name).toBe(true);
  for (let i = 0; i < layout.groups.length; i++)
    for (let j = i + 1; j < layout.groups.length; j++)
      expect(
        overlap(layout.groups[i]!, layout.groups[j]!),
        `${layout.groups[i]!.name} / ${layout.groups[j]!.name}`,
      ).toBe(false);
  // no two device boxes overlap: sweep in y order
  const boxes = [...layout.devices].sort((a, b) => a[1].y - b[1].y);
  const clashes: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j]![1].y < boxes[i]![1].y + boxes[i]![1].height; j++)
      if (overlap(boxes[i]![1], boxes[j]![1])) clashes.push(`${boxes[i]![0]} / ${boxes[j]![0]}`);
  expect(clashes).toEqual([]);
}

describe('drawing layout', () => {
  it('lab-100: an aggregation group first, then racks 1 to 5, every device in its box', async () => {
    const input = graphInputFromTopology(await loadTopology('lab-100'));
    const groups = [...new Set(input.devices.map((d) => d.group))];
    expect(groups).toEqual(['aggregation', 'rack 1', 'rack 2', 'rack 3', 'rack 4', 'rack 5']);
    await expectSoundLayout(input);
  });

  it('racks 21 x 48 (1,008 devices): sound layout, racks in numeric order', async () => {
    const input = graphInputFromTopology(racksTopology(21, 48));
    expect(input.devices).toHaveLength(1008);
    const groups = [...new Set(input.devices.map((d) => d.group))];
    expect(groups.slice(0, 4)).toEqual(['aggregation', 'rack 1', 'rack 2', 'rack 3']);
    expect(groups.at(-1)).toBe('rack 21');
    await expectSoundLayout(input);
  });

  it('leaf-spine-500: grouped by role, spines first', async () => {
    const input = graphInputFromTopology(await loadTopology('leaf-spine-500'));
    expect(input.devices[0]!.group).toBe('spine');
    await expectSoundLayout(input);
  });

  it('renders well-formed SVG, byte-identical across renders, every device and cable with a title', async () => {
    const input = graphInputFromTopology(await loadTopology('lab-100'));
    const first = await renderTopologyDrawing(input);
    const second = await renderTopologyDrawing(graphInputFromTopology(await loadTopology('lab-100')));
    expect(second.svg).toBe(first.svg);
    expect(XMLValidator.validate(first.svg)).toBe(true);
    expect(first.svg).toMatch(/^<svg class="lf-topology" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(first.svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(first.svg).toContain('<style>');
    const devices = [...first.svg.matchAll(/<g class="lf-device lf-ok" data-device="([^"]+)"[^>]*><title>/g)];
    expect(devices.map((m) => m[1]).sort()).toEqual(input.devices.map((d) => d.name).sort());
    const labels = [...first.svg.matchAll(/<text class="lf-label"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.sort()).toEqual(input.devices.map((d) => d.name).sort());
    const cables = [...first.svg.matchAll(/<g class="lf-cable[^"]*" data-cables="([^"]*)"[^>]*><title>/g)];
    // 777 links between 648 pairs of devices, one line each
    expect(cables).toHaveLength(648);
    const indexes = cables.flatMap((m) => m[1]!.split(' ').map(Number)).sort((a, b) => a - b);
    expect(indexes).toEqual(input.cables.map((_, i) => i));
    expect(first.clustered).toBe(false);
  });

  it('5,000 devices without labels: clustered, platform groups split into name-ordered chunks', async () => {
    const input = graphInputFromTopology(randomTopology(5000, 10000));
    const groups = [...new Set(input.devices.map((d) => d.group))];
    expect(groups.length).toBeGreaterThan(20);
    for (const g of groups)
      expect(input.devices.filter((d) => d.group === g).length).toBeLessThanOrEqual(200);
    const drawing = await renderTopologyDrawing(input);
    expect(drawing.clustered).toBe(true);
    expect(drawing.svg).toContain('data-clustered="true"');
    expect(drawing.svg).not.toContain('class="lf-device');
    const clusters = [...drawing.svg.matchAll(/<g class="lf-cluster[^"]*" data-group="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(clusters).toEqual(groups);
    expect(XMLValidator.validate(drawing.svg)).toBe(true);
    const bundled = [...drawing.svg.matchAll(/<g class="lf-cable[^"]*" data-cables="([^"]*)"/g)].flatMap(
      (m) => m[1]!.split(' '),
    );
    const within = input.cables.filter(
      (c) =>
        input.devices.find((d) => d.name === c.a.device)!.group ===
        input.devices.find((d) => d.name === c.b.device)!.group,
    ).length;
    expect(bundled.length + within).toBe(input.cables.length);
  });

  it('clusters any drawing above clusterAbove', async () => {
    const input = graphInputFromTopology(await loadTopology('lab-100'));
    const layout = await layoutGraph(input, { clusterAbove: 50 });
    expect(layout.clustered).toBe(true);
    expect(layout.devices.size).toBe(0);
    expect(layout.groups.map((g) => g.devices)).toEqual([2, 18, 20, 20, 20, 20]);
  });
});
