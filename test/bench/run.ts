/**
 * `npm run bench`: the figures the README's Performance table quotes, measured on this machine.
 * Each case runs in this process after a warm-up; times are wall-clock medians of several runs.
 */
import { performance } from 'node:perf_hooks';
import { generateRandom, renderTopologyYaml } from '../../simulator/generate/index.js';
import { createStateContext, deriveDeviceState } from '../../simulator/state/index.js';
import { createWorld } from '../../simulator/topology/world.js';
import { loadTopology, validateTopologyText } from '../../simulator/topology/load.js';
import { benchCheck } from './check.js';
import { benchCli } from './cli.js';
import { benchControl } from './control.js';
import { benchFleet } from './fleet.js';
import { benchGraph } from './graph.js';
import { benchHtml } from './html.js';
import { benchLarge } from './large.js';
import { benchLogin } from './login.js';
import { benchNetconf } from './netconf.js';
import { benchReliability } from './reliability.js';
import { benchRest } from './rest.js';
import { benchScale } from './scale.js';
import { benchSoak } from './soak.js';

interface Row {
  what: string;
  value: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

async function main(): Promise<void> {
  const rows: Row[] = [];
  rows.push({
    what: 'load + validate lab-100 (100 devices, 777 links)',
    value: ms(await time(10, () => loadTopology('lab-100'))),
  });
  rows.push({
    what: 'load + validate leaf-spine-500 (500 devices, 2,480 links)',
    value: ms(await time(5, () => loadTopology('leaf-spine-500'))),
  });

  const big = renderTopologyYaml(generateRandom({ nodes: 10_000, links: 100_000, seed: 7 }));
  rows.push({
    what: `validate random 10,000 devices / 100,000 links (${(big.length / 2 ** 20).toFixed(1)} MiB YAML)`,
    value: ms(await time(3, () => validateTopologyText(big, 'big.yaml'))),
  });

  const lab = await loadTopology('lab-100');
  rows.push({
    what: 'derive state of all 100 lab-100 devices (fresh context)',
    value: ms(
      await time(10, () => {
        const ctx = createStateContext(createWorld(lab));
        for (const node of lab.nodes) deriveDeviceState(ctx, node.name);
      }),
    ),
  });

  const bigTopology = validateTopologyText(big, 'big.yaml').topology!;
  const bigCtx = createStateContext(createWorld(bigTopology));
  const start = performance.now();
  for (const node of bigTopology.nodes) deriveDeviceState(bigCtx, node.name);
  rows.push({ what: 'derive state of 10,000 devices (one pass)', value: ms(performance.now() - start) });

  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!only || only === 'fleet') rows.push(...(await benchFleet()));
  if (!only || only === 'login') rows.push(...(await benchLogin()));
  if (!only || only === 'rest') rows.push(...(await benchRest()));
  if (!only || only === 'netconf') rows.push(...(await benchNetconf()));
  if (!only || only === 'check') rows.push(...(await benchCheck()));
  if (!only || only === 'control') rows.push(...(await benchControl()));
  if (!only || only === 'reliability') rows.push(...(await benchReliability()));
  if (!only || only === 'soak') rows.push(...(await benchSoak()));
  if (!only || only === 'graph') rows.push(...(await benchGraph()));
  if (!only || only === 'html') rows.push(...(await benchHtml()));
  if (!only || only === 'cli') rows.push(...(await benchCli()));
  if (!only || only === 'scale') rows.push(...(await benchScale()));
  if (!only || only === 'large') rows.push(...benchLarge());

  console.log(`labfleet bench: node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| what | median |\n|---|---|');
  for (const row of rows) console.log(`| ${row.what} | ${row.value} |`);
}

await main();
