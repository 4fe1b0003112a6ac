/**
 * Steering a running 1,000-device fleet: how long one drift item takes to apply at runtime, and
 * that the very next check sees it. The fleet runs in this process (the figure is the control's own
 * cost, without HTTP); the check that follows goes over real SSH sockets.
 */
import { performance } from 'node:perf_hooks';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { targetsFromTopology } from '../../client/inventory.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { startControlServer } from '../../simulator/control/index.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { generateRing, renderTopologyYaml } from '../../simulator/generate/index.js';
import { parseTopology } from '../../simulator/topology/load.js';
import type { Row } from './fleet.js';

const SAMPLES = 50;

export async function benchControl(): Promise<Row[]> {
  const nodes = 1000;
  const topology = parseTopology(
    renderTopologyYaml(generateRing({ nodes, mgmtPool: '127.122.0.0/16' })),
    'ring-1000.yaml',
  );
  const fleet = await startFleet({ topology, sshPort: 0, rest: false, netconf: false, commandLatencyMs: 0 });
  try {
    const port = (i: number) => {
      const link = topology.links[i]!;
      return `${link.a.node}:${link.a.interface}`;
    };
    // Every device derives its state once first, as after a first check: applying must invalidate it.
    for (const node of topology.nodes) fleet.runtime(node.name)!.state();
    const applied: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      fleet.control.applyDrift([{ unplug: port(i) }]);
      applied.push(performance.now() - start);
      await fleet.control.reset();
    }
    applied.sort((a, b) => a - b);
    const median = applied[Math.floor(SAMPLES / 2)]!;
    const worst = applied.at(-1)!;

    // The same through the control API: what `labfleet ctl unplug` or a test's POST waits for.
    const api = await startControlServer(fleet);
    const overHttp: number[] = [];
    try {
      for (let i = 0; i < SAMPLES; i++) {
        const start = performance.now();
        const answer = await fetch(`${api.url}/drift`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ unplug: port(i) }),
        });
        await answer.arrayBuffer();
        if (answer.status !== 200) throw new Error(`POST /drift answered ${answer.status}`);
        overHttp.push(performance.now() - start);
        await fleet.control.reset();
      }
    } finally {
      await api.close();
    }
    overHttp.sort((a, b) => a - b);

    const unplugged = topology.links[SAMPLES]!;
    const start = performance.now();
    fleet.control.applyDrift([{ unplug: port(SAMPLES) }]);
    const once = performance.now() - start;
    const targets = targetsFromTopology(topology, { sshPort: fleet.sshPort });
    const checked = await checkCabling(targets, documentationFromTopology(topology), {
      ...DEFAULT_COLLECT_OPTIONS,
      concurrency: 200,
    });
    const seen = JSON.stringify(checked.report).includes(unplugged.a.interface) && !checked.report.ok;
    return [
      {
        what: `apply one drift item (unplug) at runtime on a ${nodes.toLocaleString('en')}-device fleet, ${SAMPLES} samples`,
        value: `${median.toFixed(2)} ms median, ${worst.toFixed(2)} ms worst`,
      },
      {
        what: `the same through the control API (POST /drift over HTTP, round trip)`,
        value: `${overHttp[Math.floor(SAMPLES / 2)]!.toFixed(2)} ms median, ${overHttp.at(-1)!.toFixed(2)} ms worst`,
      },
      {
        what: `the next check (${nodes.toLocaleString('en')} devices over SSH) after one more unplug (${once.toFixed(2)} ms)`,
        value: `${seen ? 'sees the missing link' : 'DID NOT see the missing link'} (${checked.timing.seconds.toFixed(2)} s)`,
      },
    ];
  } finally {
    await fleet.stop();
  }
}
