/**
 * File descriptors: every listener is one, and a process may hold no more than its limit (20,000
 * on the machine this was built on). A fleet needs one listener per device and protocol, so a big
 * one spreads its listeners over helper processes (listener-helper.ts); this module plans that
 * split, and refuses, before anything binds, a fleet the machine's limits cannot hold.
 */
import { readFileSync } from 'node:fs';
import { LabfleetError } from '../errors.js';

/** The most helper processes one fleet process starts. */
export const MAX_HELPERS = 64;

/** What a process's descriptor limit is, and where that was read. */
export interface DescriptorLimit {
  /** The soft limit Node runs under (Node raises it to the hard limit at start). */
  soft: number;
  hard: number;
}

/** This process's RLIMIT_NOFILE, from /proc/self/limits; a conservative 1024 where it cannot be read. */
export function descriptorLimit(): DescriptorLimit {
  try {
    const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    const value = (text: string | undefined) => (text === 'unlimited' ? 1_048_576 : Number(text));
    if (line) return { soft: value(line[1]), hard: value(line[2]) };
  } catch {
    // not Linux: fall through
  }
  return { soft: 1024, hard: 1024 };
}

/**
 * Descriptors each process keeps for everything but listeners: connections (sessions and their
 * sockets), the helpers' channels, files. A tenth of the limit, at least 64.
 */
export function reserveOf(limit: number): number {
  return Math.max(64, Math.floor(limit / 10));
}

export interface ListenerPlan {
  /** Listeners this process holds itself. */
  local: number;
  /** Listeners each helper holds, in order; their sum and `local` make the total. */
  helpers: number[];
}

/**
 * How `total` listeners are spread: this process holds what its limit allows after its reserve,
 * helpers (same limit) hold the rest. A plan needing more than MAX_HELPERS helpers is refused with
 * how many devices would fit and how to raise the limit.
 */
export function planListeners(
  total: number,
  limit: number,
  perDevice: number,
  where = 'this process',
): ListenerPlan {
  const each = limit - reserveOf(limit);
  if (each < 1) throw tooFew(total, limit, perDevice, where, 0);
  const local = Math.min(total, each);
  const rest = total - local;
  const count = Math.ceil(rest / each);
  if (count > MAX_HELPERS) throw tooFew(total, limit, perDevice, where, each * (MAX_HELPERS + 1));
  const helpers = Array.from({ length: count }, (_, i) => Math.min(each, rest - i * each));
  return { local, helpers };
}

function tooFew(total: number, limit: number, perDevice: number, where: string, fits: number) {
  const devices = Math.floor(fits / perDevice);
  return new LabfleetError(
    'DESCRIPTORS_EXHAUSTED',
    `${Math.ceil(total / perDevice).toLocaleString('en')} devices need ${total.toLocaleString('en')} listeners (${perDevice} per device), but at ${where}'s descriptor limit of ${limit.toLocaleString('en')} per process at most ${devices.toLocaleString('en')} devices fit in ${MAX_HELPERS + 1} processes; raise the limit (\`ulimit -n\` up to the hard limit, which root raises in /etc/security/limits.conf or with \`prlimit\`), serve fewer protocols (--no-netconf, --no-rest), or split the fleet with --shard`,
  );
}

/**
 * The system-wide check: listeners beyond what the kernel's file table has free (fs.file-max minus
 * what is open) cannot be opened by any number of processes.
 */
export function checkSystemDescriptors(total: number, perDevice: number): void {
  let free: number;
  try {
    const [open, , max] = readFileSync('/proc/sys/fs/file-nr', 'utf8').trim().split(/\s+/).map(Number);
    free = max! - open!;
  } catch {
    return;
  }
  if (!Number.isFinite(free) || total < free) return;
  throw new LabfleetError(
    'DESCRIPTORS_EXHAUSTED',
    `${total.toLocaleString('en')} listeners are more than the system's free file handles (${free.toLocaleString('en')} of fs.file-max); at most ${Math.floor(free / perDevice).toLocaleString('en')} devices fit: raise fs.file-max (sysctl) or serve fewer protocols`,
  );
}
