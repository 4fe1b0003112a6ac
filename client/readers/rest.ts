/**
 * Reading a device over its REST API (RESTCONF, NX-API, eAPI, Junos REST): one keep-alive
 * connection, each answer parsed by the platform's REST driver. A 401 is an authentication
 * failure, as a refused SSH login is.
 */
import { restDriverFor } from '../drivers/rest/index.js';
import type { RestCollector } from '../drivers/rest/types.js';
import { ClientError } from '../errors.js';
import { openRestSession, type RestSession } from '../transport/rest-session.js';
import type { Target } from '../target.js';
import type { TimelineRecorder } from '../timeline.js';
import type { DeviceReader } from './types.js';

export interface RestReaderOptions {
  timeoutMs: number;
  /** PEM to verify device certificates against; unchecked when absent (self-signed, as lab boxes are). */
  ca?: string;
  /** Records each request's spans (see RestOptions.recorder). */
  recorder?: TimelineRecorder;
}

export function openRestReader(target: Target, options: RestReaderOptions): DeviceReader {
  const driver = restDriverFor(target.platform);
  if (!target.restUrl)
    throw new ClientError(
      'INVENTORY_INVALID',
      `${target.name}: no rest_url (the device serves no REST, or the inventory does not say where)`,
    );
  const session = openRestSession(
    { name: target.name, restUrl: target.restUrl, username: target.username, password: target.password },
    {
      timeoutMs: options.timeoutMs,
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.recorder ? { recorder: options.recorder } : {}),
    },
  );
  const ask = <T>(collector: RestCollector<T>) =>
    read(
      session,
      driver.prepare ? { ...collector, request: driver.prepare(collector.request, target) } : collector,
      target,
    );
  return {
    async neighbors(only) {
      const collectors = driver.neighbors.filter((c) => !only || c.protocol === only);
      if (only && collectors.length === 0)
        throw new ClientError('COMMAND_FAILED', `${target.platform} does not speak ${only}`);
      const found = [];
      for (const collector of collectors) found.push(...(await ask(collector)));
      return found;
    },
    arp: () => ask(driver.arp),
    version: () => ask(driver.version),
    memory: () => ask(driver.memory),
    raw(command) {
      if (!driver.raw)
        throw new ClientError(
          'COMMAND_FAILED',
          `${target.platform}'s REST API has no raw commands; use --transport ssh`,
        );
      return ask(driver.raw(command));
    },
    close: () => session.close(),
  };
}

async function read<T>(session: RestSession, collector: RestCollector<T>, target: Target): Promise<T> {
  const answer = await session.request(collector.request);
  if (answer.status === 401)
    throw new ClientError('AUTH_FAILED', `${target.restUrl}: authentication failed for ${target.username}`);
  return collector.parse(answer);
}
