/**
 * The pods' exact command lines, run here as local processes: the rendered manifests' StatefulSet
 * container once per shard (each on its own loopback address standing in for its pod IP), the
 * Indexed Job's container once per completion, then the merge Job's. The kubelet's part is played
 * by substitution: `$(VAR)` from the downward API values, paths in the pod mapped to a temporary
 * directory, the per-pod DNS names to those addresses, the fixed ports to free high ones.
 * No cluster runs here; what Kubernetes itself does (scheduling, DNS, probes) is not tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { commandLine, find, kubectlMissing, podSpec, renderManifests, type Container } from './render.js';

const missing = kubectlMissing();
const TOKEN = 'test-token';
/** Ports below the ephemeral range, varied by process, on addresses (127.0.1.x) no other test uses. */
const BASE = 20_000 + (process.pid % 100) * 100;
const PORTS: Record<string, string> = {
  '2222': String(BASE),
  '8443': String(BASE + 100),
  '8830': String(BASE + 200),
};
const CONTROL_PORT = String(BASE + 300);
const podIp = (i: number) => `127.0.1.${10 + i}`;

const dir = mkdtempSync(join(tmpdir(), 'labfleet-pods-'));
const children = new Set<ChildProcess>();

/** What the pod's filesystem, DNS and fixed ports are here. */
function localize(words: string[]): string[] {
  return words.map((word, i) => {
    if (i === 0 && word === 'node') return process.execPath;
    if (PORTS[word] && /^--(ssh|rest|netconf)-port$/.test(words[i - 1] ?? '')) return PORTS[word];
    return word
      .replaceAll('/app/dist/', `${ROOT}/dist/`)
      .replaceAll('/topology/', `${dir}/topology/`)
      .replaceAll('/run/labfleet/', `${dir}/run-${podOf(words)}/`)
      .replaceAll('/reports/', `${dir}/reports/`)
      .replaceAll('http://labfleet:7000', `http://${podIp(0)}:${CONTROL_PORT}`)
      .replaceAll(':7000', `:${CONTROL_PORT}`)
      .replaceAll('labfleet-{shard}.labfleet', '127.0.1.1{shard}');
  });
}

function podOf(words: string[]): string {
  return words[words.indexOf('--shard') + 1]?.split('/')[0] ?? 'x';
}

/** Runs a command line with the container's environment (as the kubelet sets it) and the token. */
function run(
  words: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const [program, ...args] = localize(words);
  const child = spawn(program!, args, { env: { ...process.env, ...env, LABFLEET_CONTROL_TOKEN: TOKEN } });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, out, err });
    }),
  );
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(missing)('the manifests’ pod command lines, as local processes', () => {
  const objects = missing ? [] : renderManifests();
  const shards = Number(objects.find((o) => o.metadata.name.startsWith('labfleet-shards'))?.data?.SHARDS);
  const fleet = missing ? undefined : podSpec(find(objects, 'StatefulSet', 'labfleet')).containers[0]!;
  const collect = missing ? undefined : podSpec(find(objects, 'Job', 'labfleet-check')).containers[0]!;
  const merge = missing ? undefined : podSpec(find(objects, 'Job', 'labfleet-merge'));

  beforeAll(async () => {
    const topology = objects.find((o) => o.metadata.name.startsWith('labfleet-topology'))!.data!['lab.yaml']!;
    mkdirSync(join(dir, 'topology'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'topology', 'lab.yaml'), topology);
    for (let i = 0; i < shards; i++) {
      mkdirSync(join(dir, `run-${i}`));
      const env = { SHARD_INDEX: String(i), SHARDS: String(shards), POD_IP: podIp(i) };
      void run(commandLine(fleet!, env), 120_000, env);
    }
    for (let i = 0; i < shards; i++) await waitForFile(join(dir, `run-${i}`, 'ready.json'), 40_000);
  }, 60_000);

  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  /** Every completion of the check Job, then the merge Job (its init container first). */
  async function checkJob(): Promise<{ code: number | null; out: string; err: string }> {
    const completions = await Promise.all(
      Array.from({ length: shards }, (_, j) => {
        const env = { JOB_COMPLETION_INDEX: String(j), SHARDS: String(shards) };
        return run(commandLine(collect!, env), 40_000, env);
      }),
    );
    for (const c of completions) expect(c.err).toMatch(/collect neighbors: \d+ of \d+ devices answered/);
    const env = { SHARDS: String(shards) };
    const wait = merge!.initContainers!.find((c: Container) => c.name === 'wait-for-shards')!;
    expect((await run(commandLine(wait, env), 20_000, env)).code).toBe(0);
    return run(commandLine(merge!.containers[0]!, env), 40_000, env);
  }

  it('the shards serve one fleet, and the merged check of every shard’s neighbours passes', async () => {
    const merged = await checkJob();
    expect(merged.err).toBe('');
    expect(merged.out).toContain('Cabling 100% coincides with the documentation!');
    expect(merged.code).toBe(0);
    expect(existsSync(join(dir, 'reports', 'report.xml'))).toBe(true);
  }, 90_000);

  it('drift on one shard, on a cable between two shards, is found by the merged check', async () => {
    // R6 (shard 1) loses its cable to R5 (shard 0): only R5 still sees it.
    const response = await fetch(`http://${podIp(1)}:${CONTROL_PORT}/drift`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ unplug: 'R6:GigabitEthernet2' }),
    });
    expect(response.status).toBe(200);
    const merged = await checkJob();
    expect(merged.code).toBe(1);
    expect(merged.out).toMatch(/ONE-SIDED .*R5.*R6.*seen only from R5/);
    expect(merged.out).not.toContain('Cabling 100% coincides');
  }, 90_000);
});
