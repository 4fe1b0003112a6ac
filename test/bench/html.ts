/**
 * The HTML report (`check --format html`): how long rendering takes and how big the file is for a
 * drifted lab-100 and a drifted 1,008-device rack lab, each checked first over real SSH sockets.
 */
import { performance } from 'node:perf_hooks';
import { renderHtmlReport } from '../../client/report/html/report.js';
import { generateRacks, renderTopologyYaml } from '../../simulator/generate/index.js';
import { loadTopology, parseTopology } from '../../simulator/topology/load.js';
import type { Topology } from '../../simulator/topology/model.js';
import { checkDriftedFleet } from '../report/drifted-check.js';
import type { Row } from './fleet.js';

async function benchOne(topology: Topology, runs: number): Promise<Row> {
  const { check } = await checkDriftedFleet(topology, { latencyMs: 0, concurrency: 200 });
  const html = await renderHtmlReport(check, { topology }); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderHtmlReport(check, { topology });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(runs / 2)]!;
  const bytes = Buffer.byteLength(html);
  return {
    what: `render the HTML report of a drifted ${topology.nodes.length.toLocaleString('en')}-device check (${topology.links.length.toLocaleString('en')} links, ${check.report.findings.length} findings)`,
    value: `${median >= 1000 ? `${(median / 1000).toFixed(2)} s` : `${median.toFixed(0)} ms`}, ${(bytes / 2 ** 20).toFixed(2)} MiB`,
  };
}

export async function benchHtml(): Promise<Row[]> {
  const racks = parseTopology(
    renderTopologyYaml(generateRacks({ racks: 21, perRack: 48 })),
    'racks-1008.yaml',
  );
  return [await benchOne(await loadTopology('lab-100'), 10), await benchOne(racks, 3)];
}
