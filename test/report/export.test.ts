/**
 * The cabling exports of lab-100 as `graph` writes them (the topology: no fleet), read back
 * (export-read.ts), the same bytes every time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cablingFromTopology, renderExport, type ExportCabling } from '../../client/report/export/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { expectExport, FORMATS, keysOf } from './export-read.js';

describe('lab-100 exported (graph: the topology, no fleet)', () => {
  let topology: Topology;
  let cabling: ExportCabling;
  beforeAll(async () => {
    topology = await loadTopology('lab-100');
    cabling = cablingFromTopology(topology);
  });

  it('has every documented cable once', () => {
    expect(keysOf(cabling.cables)).toEqual(
      keysOf(
        topology.links.map((l) => ({
          a: { device: l.a.node, interface: l.a.interface },
          b: { device: l.b.node, interface: l.b.interface },
        })),
      ),
    );
  });

  it.each(FORMATS)('%s reads back as the cabling, the same bytes every time', (format) => {
    const { text } = renderExport(format, cabling);
    expectExport(format, text, cabling);
    expect(renderExport(format, cablingFromTopology(topology)).text).toBe(text);
  });

  it('says on stderr what ANTA leaves out and which ports containerlab has no alias for', () => {
    expect(renderExport('anta', cabling).notes.join('\n')).toMatch(/^\d+ device\(s\) are not Arista EOS/);
    expect(renderExport('containerlab', cabling).notes.join('\n')).toMatch(
      /not ports of their node kind.s image/,
    );
    expect(renderExport('batfish', cabling).notes).toEqual([]);
  });
});
