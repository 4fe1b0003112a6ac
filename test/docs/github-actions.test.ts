/**
 * The GitHub Actions example (docs/examples/github-actions.yml) run step by step, as a runner would:
 * each `run:` in bash in one workspace, background processes living on between steps, `if:
 * always()` steps run after a failure. `uses:` steps set up what this machine already has; the
 * install step links the built package instead of `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORKFLOW = join(ROOT, 'docs', 'examples', 'github-actions.yml');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
}

/** A collector's repository with labfleet installed as a dependency: the built package, linked. */
function workspace(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'labfleet-gha-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'collector', private: true }));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'labfleet'));
  // What npm links as the package's bin: an executable that runs the built CLI.
  const bin = join(dir, 'node_modules', '.bin', 'labfleet');
  writeFileSync(bin, `#!/bin/sh\nexec node "${join(ROOT, 'dist', 'client', 'cli', 'main.js')}" "$@"\n`, {
    mode: 0o755,
  });
  const runnerTemp = join(dir, '_temp');
  mkdirSync(runnerTemp);
  return {
    dir,
    env: {
      ...process.env,
      RUNNER_TEMP: runnerTemp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      LABFLEET_STATE_DIR: join(dir, '_state'),
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
    },
  };
}

describe('docs/examples/github-actions.yml', () => {
  it('its steps start the lab, wait for ready, check, catch an unplugged cable, and stop the lab', () => {
    const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const [job] = Object.values(workflow.jobs);
    const { dir, env } = workspace();
    const ran: string[] = [];
    let failed = false;
    for (const step of job!.steps) {
      if (step.uses || !step.run) continue;
      if (step.id === 'install') continue; // the workspace links the built package instead
      const always = step.if === 'always()';
      if (failed && !always && step.if !== 'failure()') continue;
      if (!failed && step.if === 'failure()') continue;
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.run], {
        cwd: dir,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      ran.push(`${step.name}: exit ${result.status}\n${result.stdout}${result.stderr}`);
      if (result.status !== 0) failed = true;
    }
    expect(failed, ran.join('\n')).toBe(false);
    const log = ran.join('\n');
    expect(log).toContain('Cabling 100% coincides with the documentation!');
    // The lab was stopped by the last step: no record is left and nothing listens.
    const ls = spawnSync('node', [join(ROOT, 'dist', 'client', 'cli', 'main.js'), 'ls', '--json'], {
      env,
      encoding: 'utf8',
    });
    expect(JSON.parse(ls.stdout)).toEqual([]);
  }, 300_000);
});
