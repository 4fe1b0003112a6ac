/**
 * Reading a device over NETCONF: one session, the platform's NETCONF driver asking its model (or,
 * on Junos, its RPC) for neighbours. ARP, version and memory are not read over NETCONF (collect
 * skips them with a reason); `raw` sends an operation as XML and answers the reply's text.
 */
import { netconfDriverFor } from '../drivers/netconf/index.js';
import { ClientError } from '../errors.js';
import { openNetconfSession } from '../transport/netconf-session.js';
import type { Target, Timeouts } from '../target.js';
import type { TimelineRecorder } from '../timeline.js';
import type { DeviceReader } from './types.js';

/** What NETCONF collects; the other items are skipped over it. */
export const NETCONF_ITEMS = ['neighbors', 'cdp', 'lldp'] as const;

export async function openNetconfReader(
  target: Target,
  timeouts: Timeouts,
  recorder?: TimelineRecorder,
): Promise<DeviceReader> {
  const driver = netconfDriverFor(target.platform);
  const session = await openNetconfSession(target, timeouts, recorder ? { recorder } : {});
  const timed = <T>(label: string, work: () => Promise<T>) =>
    recorder ? recorder.time('command', label, work) : work();
  const notOverNetconf = (what: string) => () =>
    Promise.reject(
      new ClientError('COMMAND_FAILED', `${what} is not collected over NETCONF; use --transport ssh or rest`),
    );
  return {
    async neighbors(only) {
      const collectors = driver.neighbors.filter((c) => !only || c.protocol === only);
      if (only && collectors.length === 0)
        throw new ClientError('COMMAND_FAILED', `${target.platform} does not speak ${only}`);
      const found = [];
      for (const collector of collectors)
        found.push(
          ...collector.parse(
            await timed(`${operationName(collector.operation)} (${collector.protocol.toUpperCase()})`, () =>
              session.rpc(collector.operation),
            ),
          ),
        );
      return found;
    },
    arp: notOverNetconf('arp'),
    version: notOverNetconf('version'),
    memory: notOverNetconf('memory'),
    raw: (operation) => timed(operationName(operation), () => session.rpcText(operation)),
    close: () => session.close(),
  };
}

/** An operation's element name (`get`, `get-lldp-neighbors-information`), for timeline labels. */
export function operationName(operation: string): string {
  return /^\s*<([\w:.-]+)/.exec(operation)?.[1] ?? 'rpc';
}
