/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and sums each function's self time:
 * the share of samples in which it was the innermost frame. Functions are keyed by name, file and
 * line, so the same function reached from many callers counts once.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** `name (file:line)`; `(program)`, `(idle)` and `(garbage collector)` as V8 names them. */
  fn: string;
  ms: number;
  /** Of the busy time: every sample but `(idle)`. */
  share: number;
}

export function topSelfTime(path: string, count = 10): { busyMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const keyOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` (${shortUrl(url)}:${lineNumber + 1})` : '';
    keyOf.set(node.id, `${functionName || '(anonymous)'}${where}`);
  }
  const micros = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = keyOf.get(id) ?? '?';
    micros.set(key, (micros.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  micros.delete('(idle)');
  const busy = [...micros.values()].reduce((a, b) => a + b, 0);
  const top = [...micros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: us / busy }));
  return { busyMs: busy / 1000, top };
}

/** `node_modules/ssh2/lib/protocol/kex.js` → `ssh2/lib/protocol/kex.js`; our files from `dist/`. */
function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  const dist = path.lastIndexOf('/dist/');
  if (dist >= 0) return path.slice(dist + '/dist/'.length);
  return path.startsWith('node:') ? path : basename(path);
}

if (process.argv[1]?.endsWith('cpuprofile.js') && process.argv[2]) {
  const { busyMs, top } = topSelfTime(process.argv[2], Number(process.argv[3] ?? 10));
  console.log(`busy ${busyMs.toFixed(0)} ms`);
  for (const row of top)
    console.log(
      `${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.fn}`,
    );
}
