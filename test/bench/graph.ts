/** The topology drawing: ELK layout plus SVG for 100 (drifted lab-100), 1,008 (racks) and 5,000 (random, clustered) devices. */
import { performance } from 'node:perf_hooks';
import {
  graphInputFromCheck,
  graphInputFromTopology,
  renderTopologyDrawing,
} from '../../client/report/graph/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { driftedCheck, racksTopology, randomTopology } from '../report/graph-fixtures.js';
import type { Row } from './fleet.js';

export async function benchGraph(): Promise<Row[]> {
  const lab = await loadTopology('lab-100');
  const cases = [
    {
      what: 'lab-100 with demo drift (100 devices, 777 cables)',
      input: graphInputFromCheck(driftedCheck(lab), lab),
    },
    { what: 'racks 21 x 48 (1,008 devices)', input: graphInputFromTopology(racksTopology(21, 48)) },
    {
      what: 'random 5,000 devices / 10,000 cables (clustered)',
      input: graphInputFromTopology(randomTopology(5000, 10_000)),
    },
  ];
  const rows: Row[] = [];
  for (const { what, input } of cases) {
    let svg = '';
    const samples: number[] = [];
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      svg = (await renderTopologyDrawing(input)).svg;
      if (i > 0) samples.push(performance.now() - start); // the first is the warm-up
    }
    const median = samples.sort((a, b) => a - b)[1]!;
    rows.push({ what: `drawing: layout + SVG, ${what}`, value: `${median.toFixed(0)} ms` });
    rows.push({
      what: `drawing: SVG size, ${what}`,
      value: `${(Buffer.byteLength(svg) / 1024).toFixed(0)} KiB`,
    });
  }
  return rows;
}
