/** Memory: pools and per-process holdings, seeded per device. Issue 3 moves them over time. */
import type { Platform } from '../topology/kinds/types.js';
import type { StateContext } from './context.js';
import { specOf, type DeviceIdentity } from './identity.js';
import { createRng } from './random.js';

export interface MemoryPool {
  name: string;
  /** Address of the pool head, as IOS prints it. */
  head: number;
  total: number;
  used: number;
  free: number;
  lowest: number;
  largest: number;
}

export interface ProcessMemory {
  pid: number;
  name: string;
  allocated: number;
  freed: number;
  holding: number;
}

export interface MemoryState {
  /** Physical memory of the box, bytes. */
  totalBytes: number;
  usedBytes: number;
  /** Committed memory (can exceed total, as IOS-XE shows). */
  committedBytes: number;
  pools: MemoryPool[];
  processes: ProcessMemory[];
}

const PROCESS_NAMES: Record<Platform, readonly string[]> = {
  cisco_ios: [
    '*Init*',
    'IOSD ipc task',
    'Chunk Manager',
    'Load Meter',
    'ARP Input',
    'IP Input',
    'CDP Protocol',
    'LLDP Protocol',
    'SSH Process',
    'Exec',
    'Per-minute Jobs',
    'SNMP ENGINE',
  ],
  cisco_nxos: ['sysmgr', 'netstack', 'cdp', 'lldp', 'arp', 'bgp', 'ospf', 'vpc', 'snmpd', 'dcos-xinetd'],
  arista_eos: ['Sysdb', 'ConfigAgent', 'Lldp', 'Arp', 'Bgp', 'Ebra', 'SuperServer', 'Sand', 'Rib'],
  juniper_junos: ['rpd', 'chassisd', 'dcd', 'lldpd', 'mgd', 'snmpd', 'pfed', 'l2ald', 'kernel'],
};

/** Memory of one device at fleet start. */
export function deriveMemory(ctx: StateContext, self: DeviceIdentity): MemoryState {
  const rng = createRng(ctx.seed, self.name, 'memory');
  const { model } = specOf(self);
  const totalBytes = model.memory;
  const usedBytes = Math.round(totalBytes * (0.35 + rng.next() * 0.5));
  const processorTotal = Math.round(totalBytes * (0.18 + rng.next() * 0.06));
  const processorUsed = Math.round(processorTotal * (0.25 + rng.next() * 0.4));
  const ioTotal = 6_295_128;
  const ioUsed = ioTotal - rng.int(300, 1200);
  const pools: MemoryPool[] = [
    pool('Processor', 0xff86f21010 + rng.int(0, 0xffff) * 16, processorTotal, processorUsed, rng),
    pool('lsmpi_io', 0xff867c51a8, ioTotal, ioUsed, rng),
  ];
  let pid = 0;
  const processes = PROCESS_NAMES[self.platform].map((name) => {
    const holding = Math.round(processorUsed * rng.next() * 0.08);
    const freed = rng.int(0, holding * 4);
    pid += rng.int(1, 40);
    return { pid: name === '*Init*' ? 0 : pid, name, allocated: holding + freed, freed, holding };
  });
  processes.sort((a, b) => b.holding - a.holding);
  return {
    totalBytes,
    usedBytes,
    committedBytes: Math.round(usedBytes * (1.1 + rng.next() * 0.15)),
    pools,
    processes,
  };
}

function pool(
  name: string,
  head: number,
  total: number,
  used: number,
  rng: ReturnType<typeof createRng>,
): MemoryPool {
  const free = total - used;
  const lowest = Math.max(0, free - rng.int(0, Math.floor(free * 0.01)));
  return {
    name,
    head,
    total,
    used,
    free,
    lowest,
    largest: Math.max(0, lowest - rng.int(0, Math.floor(lowest * 0.005))),
  };
}

/**
 * Memory `elapsedSeconds` after fleet start: usage drifts minute by minute (seeded per device and
 * minute), so repeated reads move like a real box's but the same time always gives the same bytes.
 */
export function memoryAt(
  base: MemoryState,
  seed: string | number,
  device: string,
  elapsedSeconds: number,
): MemoryState {
  const minute = Math.floor(elapsedSeconds / 60);
  if (minute === 0) return base;
  const rng = createRng(seed, device, `memory/${minute}`);
  const factor = 1 + (rng.next() - 0.5) * 0.04;
  const scale = (n: number) => Math.round(n * factor);
  return {
    ...base,
    usedBytes: Math.min(base.totalBytes, scale(base.usedBytes)),
    committedBytes: scale(base.committedBytes),
    pools: base.pools.map((p) => {
      const used = Math.min(p.total, scale(p.used));
      const free = p.total - used;
      return { ...p, used, free, lowest: Math.min(p.lowest, free), largest: Math.min(p.largest, free) };
    }),
    processes: base.processes.map((p) => ({
      ...p,
      holding: scale(p.holding),
      allocated: p.allocated + rng.int(0, 4096) * minute,
    })),
  };
}
