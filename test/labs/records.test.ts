/**
 * Lab records in-process: the state directory's place, the claim of a name, stale records (pid
 * gone, or reused by another program), `findLab`'s choices, and --lab's conflicts with options
 * that say where the fleet listens.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimLab, findLab, isLabProcess, labsDir, listLabs, type LabRecord } from '../../client/cli/labs.js';
import { runCli } from '../../client/cli/program.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import { LabfleetError } from '../../simulator/errors.js';
import { captureIO, ROOT } from '../helpers.js';

const TOPOLOGY = { name: 'routers-10', file: join(ROOT, 'topologies', 'routers-10.yaml') };
/** Above the largest pid Linux hands out (pid_max ≤ 2^22): certainly no process. */
const DEAD_PID = 4_194_305;

let saved: string | undefined;
let state: string;
beforeEach(() => {
  saved = process.env.LABFLEET_STATE_DIR;
  state = join(mkdtempSync(join(tmpdir(), 'labfleet-records-')), 'labs');
  process.env.LABFLEET_STATE_DIR = state;
});
afterEach(() => {
  if (saved === undefined) delete process.env.LABFLEET_STATE_DIR;
  else process.env.LABFLEET_STATE_DIR = saved;
});

function writeRecord(name: string, pid: number): void {
  const record: LabRecord = {
    format: 1,
    name,
    pid,
    started: '2026-01-01T00:00:00.000Z',
    state: 'starting',
    topology: TOPOLOGY,
  };
  writeFileSync(join(state, `${name}.json`), JSON.stringify(record));
}

/** What `claim.running` reads of a fleet. */
const fleet = {
  sshPort: 2222,
  restPort: 8443,
  netconfPort: 8830,
  devices: [
    {
      name: 'R1',
      platform: 'cisco_ios',
      model: 'CSR1000V',
      host: '127.110.0.1',
      port: 2222,
      username: 'admin',
      password: 'admin',
      secret: 'admin',
    },
  ],
} as unknown as Fleet;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as LabfleetError).code;
  }
}

describe('the state directory', () => {
  it('is $LABFLEET_STATE_DIR, else $XDG_STATE_HOME/labfleet/labs, else ~/.local/state/labfleet/labs', () => {
    expect(labsDir({ LABFLEET_STATE_DIR: '/a', XDG_STATE_HOME: '/b' })).toBe('/a');
    expect(labsDir({ XDG_STATE_HOME: '/b' })).toBe('/b/labfleet/labs');
    expect(labsDir({})).toBe(join(homedir(), '.local', 'state', 'labfleet', 'labs'));
  });
});

describe('claiming a lab name', () => {
  it('writes a 0600 record in a 0700 directory, fills it in once running, and removes it on release', async () => {
    const claim = await claimLab('x', TOPOLOGY);
    expect(statSync(state).mode & 0o777).toBe(0o700);
    expect(statSync(join(state, 'x.json')).mode & 0o777).toBe(0o600);
    expect(await findLab('x')).toMatchObject({ name: 'x', pid: process.pid, state: 'starting' });
    await claim.running(fleet, { bind: 'ip', restPlain: false, controlUrl: 'http://127.0.0.1:9000' });
    expect(await findLab('x')).toMatchObject({
      state: 'running',
      ports: { ssh: 2222, rest: 8443, netconf: 8830 },
      serves: { rest: false, netconf: false },
      control_url: 'http://127.0.0.1:9000',
      devices: [{ name: 'R1', platform: 'cisco_ios', host: '127.110.0.1', port: 2222 }],
    });
    expect(readdirSync(state)).toEqual(['x.json']); // no temporary file left
    await claim.release();
    expect(readdirSync(state)).toEqual([]);
  });

  it('refuses a name a running process holds (LAB_RUNNING), and takes over a stale one', async () => {
    const claim = await claimLab('x', TOPOLOGY);
    expect(await codeOf(claimLab('x', TOPOLOGY))).toBe('LAB_RUNNING');
    await claim.release();
    writeRecord('y', DEAD_PID);
    const again = await claimLab('y', TOPOLOGY);
    expect(await findLab('y')).toMatchObject({ pid: process.pid });
    await again.release();
  });

  it('refuses a name that is no file name', async () => {
    expect(await codeOf(claimLab('../x', TOPOLOGY))).toBe('USAGE');
    expect(await codeOf(claimLab('', TOPOLOGY))).toBe('USAGE');
  });
});

describe('stale records', () => {
  it('a dead pid, a pid another program now has, and a malformed file are removed by listLabs', async () => {
    await claimLab('alive', TOPOLOGY);
    writeRecord('dead', DEAD_PID);
    const sleeper = spawn('sleep', ['30']);
    try {
      writeRecord('reused', sleeper.pid!);
      expect(isLabProcess(sleeper.pid!)).toBe(false);
      writeFileSync(join(state, 'broken.json'), '{"name":');
      expect((await listLabs()).map((l) => l.name)).toEqual(['alive']);
      expect(readdirSync(state)).toEqual(['alive.json']);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it('this process (node) is a lab process; a pid that does not exist is not', () => {
    expect(isLabProcess(process.pid)).toBe(true);
    expect(isLabProcess(DEAD_PID)).toBe(false);
  });
});

describe('findLab', () => {
  it('without a name: none → undefined, one → it, several → USAGE naming them', async () => {
    expect(await findLab()).toBeUndefined();
    expect(existsSync(state)).toBe(false); // looking creates nothing
    await claimLab('a', TOPOLOGY);
    expect(await findLab()).toMatchObject({ name: 'a' });
    await claimLab('b', TOPOLOGY);
    await expect(findLab()).rejects.toThrow(/2 labs are running \(a, b\)/);
  });

  it('an unknown name → LAB_UNKNOWN listing the running labs', async () => {
    await claimLab('a', TOPOLOGY);
    await expect(findLab('z')).rejects.toThrow('no lab "z" is running; running: a');
    expect(await codeOf(findLab('z'))).toBe('LAB_UNKNOWN');
  });
});

describe('check --lab', () => {
  it('refuses options that say where the fleet listens, naming them', async () => {
    const claim = await claimLab('x', TOPOLOGY);
    await claim.running(fleet, { bind: 'ip', restPlain: false });
    const io = captureIO();
    expect(await runCli(['check', 'lab-100', '--lab', 'x', '--ssh-port', '2222'], io.io)).toBe(2);
    expect(io.err).toContain('drop the topology "lab-100", --ssh-port');
  });

  it('refuses a transport the lab does not serve, and a lab still starting', async () => {
    const claim = await claimLab('x', TOPOLOGY);
    const io = captureIO();
    expect(await runCli(['collect', 'version', '--lab', 'x'], io.io)).toBe(2);
    expect(io.err).toContain('lab "x" (pid');
    expect(io.err).toContain('is still starting');
    await claim.running(fleet, { bind: 'ip', restPlain: false });
    expect(await runCli(['check', '--lab', 'x', '--transport', 'rest'], io.io)).toBe(2);
    expect(io.err).toContain('lab "x" serves no REST (up --no-rest); use --transport ssh [USAGE]');
  });
});
