/**
 * The cabling check at realistic latency (200 ms per command): one device alone, all devices
 * concurrently, and all devices one after the other. The fleet runs in a child process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { generateRing, renderTopologyYaml } from '../../simulator/generate/index.js';
import { parseTopology } from '../../simulator/topology/load.js';
import { startFleetProcess, type Row } from './fleet.js';

export async function benchCheck(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const nodes of [100, 1000]) {
    const text = renderTopologyYaml(generateRing({ nodes, mgmtPool: '127.121.0.0/16', latency: '200ms' }));
    const file = join(mkdtempSync(join(tmpdir(), 'labfleet-check-bench-')), 'ring.yaml');
    writeFileSync(file, text);
    const topology = parseTopology(text, file);
    const port = 26_200;
    const fleet = await startFleetProcess(file, port, '200ms');
    const targets = targetsFromTopology(topology, { sshPort: port });
    const doc = documentationFromTopology(topology);
    const options = { ...DEFAULT_COLLECT_OPTIONS, concurrency: nodes };
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push((await checkCabling([targets[i]!], doc, options)).timing.seconds);
    const single = alone.sort((a, b) => a - b)[1]!;
    // Three runs like the single device's: the first meets both processes cold (JIT, each
    // device's state derived on first use), as a fleet's first check does.
    const runs: Array<Awaited<ReturnType<typeof checkCabling>>> = [];
    for (let i = 0; i < 3; i++) runs.push(await checkCabling(targets, doc, options));
    const seconds = runs.map((r) => r.timing.seconds);
    const all = [...seconds].sort((a, b) => a - b)[1]!;
    const verdict = runs.every((r) => r.report.ok) ? 'ok' : 'NOT ok';
    rows.push({
      what: `check at 200 ms/command: one device alone (median of 3)`,
      value: `${single.toFixed(2)} s`,
    });
    rows.push({
      what: `check at 200 ms/command: ${nodes.toLocaleString('en')} devices concurrently, median of 3 (first run) (verdict ${verdict})`,
      value: `${all.toFixed(2)} s, ${(all / single).toFixed(2)}x one device (first: ${seconds[0]!.toFixed(2)} s, ${(seconds[0]! / single).toFixed(2)}x)`,
    });
    if (nodes === 100) {
      const sequential = await checkCabling(targets, doc, { ...options, concurrency: 1 });
      rows.push({
        what: 'check at 200 ms/command: 100 devices one after the other',
        value: `${sequential.timing.seconds.toFixed(1)} s`,
      });
    }
    await fleet.stop();
  }
  return rows;
}
