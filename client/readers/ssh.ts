/**
 * Reading a device over SSH: its CLI, paging off, each output parsed by the platform driver. With a
 * recorder, the paging-off commands are `shell` spans and every other command a `command` span.
 */
import type { PlatformDriver } from '../drivers/types.js';
import { ClientError } from '../errors.js';
import type { Target, Timeouts } from '../target.js';
import type { TimelineRecorder } from '../timeline.js';
import { openSession, type DeviceSession } from '../transport/ssh-session.js';
import type { DeviceReader } from './types.js';

export async function openSshReader(
  target: Target,
  driver: PlatformDriver,
  timeouts: Timeouts,
  recorder?: TimelineRecorder,
): Promise<DeviceReader> {
  const opened = await openSession(target, driver, timeouts, recorder);
  try {
    for (const command of driver.onOpen)
      await (recorder ? recorder.time('shell', command, () => opened.run(command)) : opened.run(command));
  } catch (error) {
    opened.close();
    throw error;
  }
  const session: DeviceSession = recorder
    ? {
        run: (command) => recorder.time('command', command, () => opened.run(command)),
        close: () => opened.close(),
      }
    : opened;
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
