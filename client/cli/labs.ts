/**
 * Labs by name, as containerlab users expect: `up --name` records where a running fleet listens,
 * one JSON file per lab in a per-user state directory, so `ls`, `inspect`, `down`, `check --lab`
 * and `collect --lab` find it without repeating a single option. A record whose process is gone
 * (or whose pid now belongs to another program) is stale: whoever meets it removes it.
 */
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LabfleetError } from '../../simulator/errors.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { BindMode } from '../../simulator/topology/addresses.js';
import type { Platform } from '../../simulator/topology/kinds/index.js';

/** One served device of a lab: where it listens (credentials stay in the topology). */
export interface LabDevice {
  name: string;
  platform: Platform;
  host: string;
  port?: number;
  rest_url?: string;
  netconf_port?: number;
}

/** A lab's record, as written to `<state dir>/<name>.json`. */
export interface LabRecord {
  format: 1;
  name: string;
  pid: number;
  /** ISO time `up` started. */
  started: string;
  /** `starting` from the claim of the name until every device accepts connections. */
  state: 'starting' | 'running';
  topology: { name: string; file: string };
  bind?: BindMode;
  /** The first device's ports, as `check --ssh-port/--rest-port/--netconf-port` take them. */
  ports?: { ssh: number; rest: number; netconf: number };
  rest_plain?: boolean;
  /** Whether any device is served over REST, over NETCONF on its own port. */
  serves?: { rest: boolean; netconf: boolean };
  control_url?: string;
  devices?: LabDevice[];
}

/** A running lab: `state` is `running` and every address is known. */
export type RunningLab = Required<LabRecord>;

const DIR_MODE = 0o700;
/** Records name the process and where it listens; the owner's alone. */
const FILE_MODE = 0o600;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** $LABFLEET_STATE_DIR, else $XDG_STATE_HOME/labfleet/labs, else ~/.local/state/labfleet/labs. */
export function labsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LABFLEET_STATE_DIR) return env.LABFLEET_STATE_DIR;
  const state = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'labfleet', 'labs');
}

/** A lab name is a file name in the state directory: letters, digits, ".", "_" or "-". */
export function checkLabName(name: string): string {
  if (NAME.test(name) && !name.endsWith('.tmp')) return name;
  throw new LabfleetError(
    'USAGE',
    `lab name "${name}" is not valid: expected letters, digits, ".", "_" or "-" (a letter or digit first, at most 100)`,
  );
}

const recordFile = (name: string) => join(labsDir(), `${name}.json`);

/**
 * Whether `pid` is still the process that wrote the record: it exists (signal 0 reaches it) and,
 * where /proc tells, runs node or labfleet, so a pid the system handed to another program after
 * a crash does not keep a dead lab alive. EPERM means another user's process: not ours.
 */
export function isLabProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true; // no /proc (macOS) or already gone between the two looks: trust the signal
  }
  return /labfleet|node/i.test(cmdline);
}

async function readRecord(file: string): Promise<LabRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LabfleetError(
      'FILE_UNREADABLE',
      `cannot read lab record ${file}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  try {
    const record = JSON.parse(text) as LabRecord;
    return typeof record.pid === 'number' && typeof record.name === 'string' ? record : staleMark;
  } catch {
    return staleMark; // not ours to read (hand-edited, cut short by a full disk): stale
  }
}

/** What a malformed record reads as: a lab whose process is certainly gone. */
const staleMark: LabRecord = {
  format: 1,
  name: '',
  pid: 0,
  started: '',
  state: 'starting',
  topology: { name: '', file: '' },
};

/** Removes a stale record unless another `up` replaced it meanwhile. */
async function removeStale(file: string, stale: LabRecord): Promise<void> {
  const now = await readRecord(file);
  if (now && (now === staleMark || (now.pid === stale.pid && now.started === stale.started)))
    await rm(file, { force: true });
}

/** Every lab whose process still runs, by name; stale records found on the way are removed. */
export async function listLabs(): Promise<LabRecord[]> {
  let names: string[];
  try {
    names = (await readdir(labsDir())).filter((f) => f.endsWith('.json'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new LabfleetError('FILE_UNREADABLE', `cannot read ${labsDir()}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const labs: LabRecord[] = [];
  for (const name of names.sort()) {
    const file = join(labsDir(), name);
    const record = await readRecord(file);
    if (!record) continue;
    if (record !== staleMark && record.pid > 0 && isLabProcess(record.pid)) labs.push(record);
    else await removeStale(file, record);
  }
  return labs;
}

/**
 * The lab `check`, `collect`, `inspect`, `down` and `ctl` talk to: the one named (LAB_UNKNOWN,
 * listing the running labs, if none runs by that name), or without a name the only one running
 * (undefined when none runs; USAGE, listing them, when several do).
 */
export async function findLab(name?: string): Promise<LabRecord | undefined> {
  const labs = await listLabs();
  if (name === undefined) {
    if (labs.length <= 1) return labs[0];
    throw new LabfleetError(
      'USAGE',
      `${labs.length} labs are running (${labs.map((l) => l.name).join(', ')}); name one with --lab <name>`,
    );
  }
  const lab = labs.find((l) => l.name === name);
  if (lab) return lab;
  throw new LabfleetError(
    'LAB_UNKNOWN',
    `no lab "${checkLabName(name)}" is running; ${labs.length ? `running: ${labs.map((l) => l.name).join(', ')}` : 'none is (start one with labfleet up --name <name>)'}`,
  );
}

/** `findLab` for a command that needs the addresses: a lab still starting is not there yet. */
export async function findRunningLab(name?: string): Promise<RunningLab | undefined> {
  const lab = await findLab(name);
  if (lab && lab.state !== 'running')
    throw new LabfleetError(
      'LAB_UNKNOWN',
      `lab "${lab.name}" (pid ${lab.pid}) is still starting; wait for its ready file, or try again`,
    );
  return lab as RunningLab | undefined;
}

/** One line naming a lab and where it listens, for refusals and notes. */
export function describeLab(lab: LabRecord): string {
  const where = lab.state === 'running' ? `SSH ${sshSpan(lab)}` : 'still starting';
  return `lab "${lab.name}" (${lab.topology.name}, pid ${lab.pid}, started ${lab.started}, ${where})`;
}

/** The first and last SSH address, or the only one. */
export function sshSpan(lab: LabRecord): string {
  const ssh = (lab.devices ?? []).filter((d) => d.port !== undefined).map((d) => `${d.host}:${d.port}`);
  if (ssh.length === 0) return 'none';
  return ssh.length === 1 ? ssh[0]! : `${ssh[0]} … ${ssh.at(-1)}`;
}

/** What `up` keeps of its claim on a name: fill in the addresses once up, give it back at stop. */
export interface LabClaim {
  readonly name: string;
  running(
    fleet: Pick<Fleet, 'devices' | 'sshPort' | 'restPort' | 'netconfPort'>,
    settings: { bind: BindMode; restPlain: boolean; controlUrl?: string },
  ): Promise<void>;
  release(): Promise<void>;
}

/**
 * Claims `name` for this process, before anything starts: the record is written whole to a
 * temporary file and hard-linked into place, which fails if the name is taken, so of two `up`
 * started at once exactly one wins. A running owner is LAB_RUNNING naming it; a stale one is
 * removed and the claim tried again.
 */
export async function claimLab(name: string, topology: { name: string; file: string }): Promise<LabClaim> {
  const file = recordFile(checkLabName(name));
  let record: LabRecord = {
    format: 1,
    name,
    pid: process.pid,
    started: new Date().toISOString(),
    state: 'starting',
    topology,
  };
  await ensureDir();
  const temporary = await writeTemporary(file, record);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await link(temporary, file);
        break;
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 3)
          throw unwritable(file, cause);
      }
      const owner = await readRecord(file);
      if (owner && owner !== staleMark && isLabProcess(owner.pid))
        throw new LabfleetError(
          'LAB_RUNNING',
          `${describeLab(owner)} is already running; stop it first (labfleet down ${name}) or pick another --name`,
        );
      if (owner) await removeStale(file, owner);
    }
  } finally {
    await rm(temporary, { force: true });
  }
  return {
    name,
    async running(fleet, settings) {
      record = {
        ...record,
        state: 'running',
        bind: settings.bind,
        ports: { ssh: fleet.sshPort, rest: fleet.restPort, netconf: fleet.netconfPort },
        rest_plain: settings.restPlain,
        serves: {
          rest: fleet.devices.some((d) => d.rest_url !== undefined),
          netconf: fleet.devices.some((d) => d.netconf_port !== undefined),
        },
        ...(settings.controlUrl === undefined ? {} : { control_url: settings.controlUrl }),
        devices: fleet.devices.map(({ name, platform, host, port, rest_url, netconf_port }) => ({
          name,
          platform,
          host,
          ...(port === undefined ? {} : { port }),
          ...(rest_url === undefined ? {} : { rest_url }),
          ...(netconf_port === undefined ? {} : { netconf_port }),
        })),
      };
      const temporary = await writeTemporary(file, record);
      try {
        await rename(temporary, file);
      } catch (cause) {
        await rm(temporary, { force: true });
        throw unwritable(file, cause);
      }
    },
    async release() {
      const now = await readRecord(file).catch(() => undefined);
      if (now?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

async function ensureDir(): Promise<void> {
  try {
    await mkdir(labsDir(), { recursive: true, mode: DIR_MODE });
  } catch (cause) {
    throw unwritable(labsDir(), cause);
  }
}

/** The record, whole, under a name of this process's own, created with its final mode. */
async function writeTemporary(file: string, record: LabRecord): Promise<string> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await rm(temporary, { force: true });
    await writeFile(temporary, JSON.stringify(record, null, 2) + '\n', { mode: FILE_MODE, flag: 'wx' });
  } catch (cause) {
    throw unwritable(file, cause);
  }
  return temporary;
}

function unwritable(file: string, cause: unknown): LabfleetError {
  return new LabfleetError(
    'FILE_UNWRITABLE',
    `cannot write lab record ${file}: ${(cause as Error).message}`,
    {
      cause,
    },
  );
}

/**
 * Stops a lab as Ctrl-C would: SIGTERM, then waits (bounded) until the process is gone, removing
 * the record if it did not (a lab killed while starting). LAB_STOP_FAILED when it outlives the wait.
 */
export async function stopLab(lab: LabRecord, timeoutMs = 10_000): Promise<void> {
  try {
    process.kill(lab.pid, 'SIGTERM');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ESRCH') throw cause;
  }
  const deadline = Date.now() + timeoutMs;
  while (isLabProcess(lab.pid)) {
    if (Date.now() > deadline)
      throw new LabfleetError(
        'LAB_STOP_FAILED',
        `${describeLab(lab)} did not stop within ${timeoutMs / 1000} s of SIGTERM; kill -KILL ${lab.pid} ends it`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await removeStale(recordFile(lab.name), lab);
}
