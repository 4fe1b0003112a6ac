/** Reading a device over SSH: its CLI, paging off, each output parsed by the platform driver. */
import type { PlatformDriver } from '../drivers/types.js';
import { ClientError } from '../errors.js';
import type { Target, Timeouts } from '../target.js';
import { openSession, type DeviceSession } from '../transport/ssh-session.js';
import type { DeviceReader } from './types.js';

export async function openSshReader(
  target: Target,
  driver: PlatformDriver,
  timeouts: Timeouts,
): Promise<DeviceReader> {
  const session = await openSession(target, driver, timeouts);
  try {
    for (const command of driver.onOpen) await session.run(command);
  } catch (error) {
    session.close();
    throw error;
  }
  const run = (command: string) => runChecked(session, driver, command);
  return {
    async neighbors(only) {
      const collectors = driver.neighbors.filter((c) => !only || c.protocol === only);
      if (only && collectors.length === 0)
        throw new ClientError('COMMAND_FAILED', `${target.platform} does not speak ${only}`);
      const found = [];
      for (const collector of collectors) {
        const output = await session.run(collector.command);
        if (collector.disabled?.test(output)) continue;
        if (driver.errorMarkers.some((marker) => marker.test(output)))
          throw new ClientError('COMMAND_FAILED', `"${collector.command}" was refused`);
        found.push(...collector.parse(output));
      }
      return found;
    },
    arp: async () => driver.arp.parse(await run(driver.arp.command)),
    version: async () => driver.version.parse(await run(driver.version.command)),
    memory: async () => driver.memory.parse(await run(driver.memory.command)),
    raw: (command) => session.run(command),
    close: () => session.close(),
  };
}

async function runChecked(session: DeviceSession, driver: PlatformDriver, command: string): Promise<string> {
  const output = await session.run(command);
  if (driver.errorMarkers.some((marker) => marker.test(output)))
    throw new ClientError('COMMAND_FAILED', `"${command}" was refused: ${output.trim().split('\n').at(-1)}`);
  return output;
}
