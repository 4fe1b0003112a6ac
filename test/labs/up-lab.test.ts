/**
 * Labs by name on the built binary, as a user runs them: `up --name x`, then `check --lab x` with
 * no other option; `ls`, `inspect`, a refused second `up --name x`, `down x`; the only running lab
 * found without --lab; the ready file removed at start and at stop, and an unwritable one.
 * Every run has a state directory of its own (LABFLEET_STATE_DIR).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabRecord, RunningLab } from '../../client/cli/labs.js';
import { ROOT, waitUntil } from '../helpers.js';

const BIN = join(ROOT, 'dist', 'client', 'cli', 'main.js');
const children: ChildProcess[] = [];

interface Ended {
  code: number | null;
  out: string;
  err: string;
}

/** A CLI process with this state directory; its output so far and its end. */
function start(stateDir: string, args: readonly string[]) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LABFLEET_STATE_DIR: stateDir },
  });
  children.push(child);
  const output = { out: '', err: '' };
  child.stdout.on('data', (d: Buffer) => (output.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output.err += d.toString()));
  const ended = new Promise<Ended>((resolve) => child.on('close', (code) => resolve({ code, ...output })));
  return { child, output, ended };
}

/** Runs a CLI command to its end (bounded by the test's timeout). */
const run = (stateDir: string, args: readonly string[]) => start(stateDir, args).ended;

/** `up routers-10` on ports the OS picks, quick and reproducible, with `args`. */
const UP = ['up', 'routers-10', '--ssh-port', '0', '--rest-port', '0', '--latency', '0ms', '--freeze-time'];

/** Starts a lab and waits for its ready file. */
async function up(stateDir: string, args: readonly string[]) {
  const ready = join(mkdtempSync(join(tmpdir(), 'labfleet-lab-')), 'ready.json');
  const lab = start(stateDir, [...UP, '--ready-file', ready, ...args]);
  await waitUntil(() => existsSync(ready) || lab.child.exitCode !== null, 'the lab is ready');
  expect(lab.child.exitCode, lab.output.err).toBeNull();
  return { ...lab, ready };
}

const record = (stateDir: string, name: string) =>
  JSON.parse(readFileSync(join(stateDir, `${name}.json`), 'utf8')) as RunningLab;

const newStateDir = () => mkdtempSync(join(tmpdir(), 'labfleet-labs-'));

beforeAll(() => {
  expect(existsSync(BIN), 'run `npm run build` first (npm test does)').toBe(true);
});
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('a lab by name', () => {
  it('up --name x, then check --lab x with no other option; ls, inspect, a refused second up, down x', async () => {
    const state = newStateDir();
    const lab = await up(state, ['--name', 'x']);
    expect(lab.output.out).toMatch(
      /^routers-10: 10 devices up, .*; Ctrl-C stops\ncontrol: http:\/\/127\.0\.0\.1:\d+\nnext: labfleet check --lab x\n/,
    );
    expect(JSON.parse(readFileSync(lab.ready, 'utf8'))).toMatchObject({ name: 'x', topology: 'routers-10' });

    const x = record(state, 'x');
    expect(x).toMatchObject({
      name: 'x',
      pid: lab.child.pid,
      state: 'running',
      topology: { name: 'routers-10', file: join(ROOT, 'topologies', 'routers-10.yaml') },
      bind: 'ip',
      rest_plain: false,
      serves: { rest: true, netconf: true },
    });
    expect(new Date(x.started).toISOString()).toBe(x.started);
    expect(x.devices).toHaveLength(10);
    expect(x.devices[0]).toEqual({
      name: 'R1',
      platform: 'cisco_ios',
      host: '127.110.0.1',
      port: x.ports.ssh,
      rest_url: `https://127.110.0.1:${x.ports.rest}`,
      netconf_port: x.ports.netconf,
    });
    expect(x.control_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(join(state, 'x.json')).mode & 0o777).toBe(0o600);

    const check = await run(state, ['check', '--lab', 'x']);
    expect(check.err).toBe('');
    expect(check.out).toContain('Cabling 100% coincides with the documentation!');
    expect(check.code).toBe(0);

    const collect = await run(state, ['collect', 'version', '--lab', 'x', '--transport', 'rest']);
    expect(collect.err).toContain('collect version: 10 of 10 devices answered');
    expect(collect.code).toBe(0);

    const ls = await run(state, ['ls']);
    expect(ls.code).toBe(0);
    const [header, line] = ls.out.split('\n');
    expect(header).toMatch(/^NAME\s+TOPOLOGY\s+DEVICES\s+PID\s+STARTED\s+SSH\s+CONTROL$/);
    expect(line!.split(/\s{2,}/)).toEqual([
      'x',
      'routers-10',
      '10',
      String(lab.child.pid),
      x.started,
      `127.110.0.1:${x.ports.ssh} … 127.110.0.10:${x.ports.ssh}`,
      x.control_url,
    ]);
    expect(JSON.parse((await run(state, ['ls', '--json'])).out)).toEqual([x]);

    const inspect = await run(state, ['inspect', 'x']);
    expect(inspect.code).toBe(0);
    expect(inspect.out).toContain(`first ports: SSH ${x.ports.ssh}, REST ${x.ports.rest} (HTTPS)`);
    expect(inspect.out).toMatch(
      new RegExp(
        `\\nR10 +cisco_ios +127\\.110\\.0\\.10 +${x.ports.ssh} +https://127\\.110\\.0\\.10:${x.ports.rest} +${x.ports.netconf}\\n`,
      ),
    );
    expect(JSON.parse((await run(state, ['inspect', 'x', '--json'])).out)).toEqual(x);
    const unknown = await run(state, ['inspect', 'y']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no lab "y" is running; running: x \[LAB_UNKNOWN\]/);

    // A second `up --name x` refuses, naming the first, and starts nothing: no ready file of its
    // own, the first's record and ready file untouched.
    const second = await run(state, [...UP, '--name', 'x', '--ready-file', lab.ready]);
    expect(second.code).toBe(2);
    expect(second.err).toContain(
      `lab "x" (routers-10, pid ${lab.child.pid}, started ${x.started}, SSH 127.110.0.1:${x.ports.ssh}`,
    );
    expect(second.err).toContain('[LAB_RUNNING]');
    expect(second.out).toBe('');
    expect(existsSync(lab.ready)).toBe(true);
    expect(record(state, 'x')).toEqual(x);

    const down = await run(state, ['down', 'x']);
    expect(down.out).toBe(`lab x stopped (pid ${lab.child.pid})\n`);
    expect(down.code).toBe(0);
    expect((await lab.ended).code).toBe(0);
    expect(readdirSync(state)).toEqual([]);
    expect(existsSync(lab.ready)).toBe(false);
    expect((await run(state, ['down', 'x'])).code).toBe(2);
  }, 120_000);

  it('the only running lab is found without --lab; several are refused until one is named', async () => {
    const state = newStateDir();
    const only = await up(state, []); // named after its topology
    expect(only.output.out).toContain('next: labfleet check --lab routers-10\n');
    const check = await run(state, ['check']);
    expect(check.err).toMatch(
      /^labfleet: using lab "routers-10" \(routers-10, pid \d+, .*\), the only lab running\n$/,
    );
    expect(check.out).toContain('Cabling 100% coincides with the documentation!');
    expect(check.code).toBe(0);

    const other = await up(state, ['--name', 'other', '--bind', 'port']);
    const refused = await run(state, ['check']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /2 labs are running \(other, routers-10\); name one with --lab <name> \[USAGE\]/,
    );
    const named = await run(state, ['check', '--lab', 'other']);
    expect(named.code).toBe(0);
    // A topology and ports say where the fleet is: no lab is looked for.
    const explicit = await run(state, [
      'check',
      'routers-10',
      '--bind',
      'port',
      '--ssh-port',
      String(record(state, 'other').ports.ssh),
    ]);
    expect(explicit.err).toBe('');
    expect(explicit.code).toBe(0);

    const down = await run(state, ['down', '--all']);
    expect(down.code).toBe(0);
    expect((await only.ended).code).toBe(0);
    expect((await other.ended).code).toBe(0);
    expect(readdirSync(state)).toEqual([]);
  }, 120_000);

  it('a stale record (its process gone) is removed by ls and is no lab for check --lab', async () => {
    const state = newStateDir();
    // Above the largest pid Linux hands out (pid_max ≤ 2^22): certainly no process.
    const stale: LabRecord = { ...fakeRecord('gone'), pid: 4_194_305 };
    writeFileSync(join(state, 'gone.json'), JSON.stringify(stale));
    const check = await run(state, ['check', '--lab', 'gone']);
    expect(check.code).toBe(2);
    expect(check.err).toContain('[LAB_UNKNOWN]');
    writeFileSync(join(state, 'gone.json'), JSON.stringify(stale));
    const ls = await run(state, ['ls']);
    expect(ls.out).toBe(`no labs running (records in ${state})\n`);
    expect(readdirSync(state)).toEqual([]);
  });
});

describe('the ready file', () => {
  it('is removed at start, before the fleet starts, written with the name once ready, and removed at stop', async () => {
    const state = newStateDir();
    const ready = join(mkdtempSync(join(tmpdir(), 'labfleet-lab-')), 'ready.json');
    writeFileSync(ready, '{"stale":true}\n');
    const lab = start(state, [...UP, '--ready-file', ready]);
    await waitUntil(() => !existsSync(ready), 'the stale ready file is gone');
    await waitUntil(() => existsSync(ready) || lab.child.exitCode !== null, 'the new ready file appears');
    expect(JSON.parse(readFileSync(ready, 'utf8'))).toMatchObject({
      name: 'routers-10',
      pid: lab.child.pid,
      topology: 'routers-10',
      devices: 10,
    });
    lab.child.kill('SIGTERM');
    expect((await lab.ended).code).toBe(0);
    expect(existsSync(ready)).toBe(false);
    expect(readdirSync(state)).toEqual([]);
  }, 120_000);

  it('that cannot be written: exit 2, FILE_UNWRITABLE, the fleet stopped and no record left', async () => {
    const state = newStateDir();
    const ready = join(tmpdir(), `labfleet-missing-${process.pid}`, 'ready.json');
    const ended = await run(state, [...UP, '--name', 'unready', '--ready-file', ready]);
    expect(ended.code).toBe(2);
    expect(ended.err).toContain('[FILE_UNWRITABLE]');
    expect(readdirSync(state)).toEqual([]);
    expect((await run(state, ['ls'])).out).toMatch(/^no labs running/);
  }, 120_000);
});

function fakeRecord(name: string): LabRecord {
  return {
    format: 1,
    name,
    pid: 0,
    started: new Date().toISOString(),
    state: 'running',
    topology: { name: 'routers-10', file: join(ROOT, 'topologies', 'routers-10.yaml') },
    bind: 'ip',
    ports: { ssh: 1, rest: 1, netconf: 1 },
    rest_plain: false,
    serves: { rest: true, netconf: true },
    devices: [],
  };
}
