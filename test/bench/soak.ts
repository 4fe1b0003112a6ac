/**
 * Soak: 10,000 login + command + logout cycles against one fleet process. A leak of memory or of
 * file descriptors per session shows as a slope between the start, middle and end samples.
 */
import { readdirSync } from 'node:fs';
import { loginAndCommand, rssMiB, sleep, startFleetProcess, type Row } from './fleet.js';

const CYCLES = 10_000;
const CONCURRENCY = 20;
const WARM_UP = 2_000;

function openDescriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

export async function benchSoak(): Promise<Row[]> {
  const fleet = await startFleetProcess(100, 26_000, '0ms');
  const pid = fleet.child.pid!;
  const run = async (count: number, offset: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = offset + next++;
          await loginAndCommand(fleet.devices[i % fleet.devices.length]!);
        }
      }),
    );
  };
  const sample = async () => {
    await sleep(500); // let closed sockets be reaped before counting
    return { rss: rssMiB(pid), fds: openDescriptors(pid) };
  };
  try {
    await run(WARM_UP, 0); // every device's state derived, every code path warm
    const start = await sample();
    await run(CYCLES / 2, WARM_UP);
    const middle = await sample();
    await run(CYCLES / 2, WARM_UP + CYCLES / 2);
    const end = await sample();
    const mib = (v: number) => `${v.toFixed(0)}`;
    return [
      {
        what: `soak, 100 devices: ${CYCLES.toLocaleString('en')} login + \`show clock\` + logout cycles (concurrency ${CONCURRENCY}): RSS start / middle / end`,
        value: `${mib(start.rss)} / ${mib(middle.rss)} / ${mib(end.rss)} MiB`,
      },
      {
        what: 'the same: open file descriptors start / middle / end',
        value: `${start.fds} / ${middle.fds} / ${end.fds}`,
      },
    ];
  } finally {
    await fleet.stop();
  }
}
