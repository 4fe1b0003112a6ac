import { beforeAll, describe, expect, it } from 'vitest';
import { ciscoIosDriver } from '../../client/drivers/cisco-ios.js';
import { ciscoIosRestDriver } from '../../client/drivers/rest/cisco-ios.js';
import type { RestCollector } from '../../client/drivers/rest/types.js';
import type { Collector } from '../../client/drivers/types.js';
import { ClientError } from '../../client/errors.js';
import type { HttpAnswer } from '../../client/transport/rest-session.js';
import type { DeviceRuntime } from '../../simulator/device/runtime.js';
import { deviceRuntimeFor } from '../device.js';
import { apiSession, runCliLine } from '../../simulator/rest/cli.js';
import { restconf } from '../../simulator/rest/restconf/index.js';

/** Catalyst 9300 and 9500, a 3850, an ASR and an ISR of lab-100; a CSR of routers-10 (LLDP off). */
const DEVICES: Array<[topology: string, device: string]> = [
  ['lab-100', 'agg1'],
  ['lab-100', 'r1-tor1'],
  ['lab-100', 'r1-sw13'],
  ['lab-100', 'r1-rt09'],
  ['lab-100', 'r1-rt11'],
  ['routers-10', 'R3'],
];
const runtimes = new Map<string, DeviceRuntime>();

beforeAll(async () => {
  for (const [topology, device] of DEVICES) runtimes.set(device, await deviceRuntimeFor(topology, device));
});

/** What the RESTCONF API answers to a collector's request, as the HTTP client would see it. */
function ask<T>(device: DeviceRuntime, collector: RestCollector<T>): T {
  const { method, path, headers = {} } = collector.request;
  const q = path.indexOf('?');
  const reply = restconf.handle(
    {
      method,
      path: q < 0 ? path : path.slice(0, q),
      query: new URLSearchParams(q < 0 ? '' : path.slice(q + 1)),
      headers,
      body: Buffer.alloc(0),
      user: 'admin',
    },
    device,
  );
  const answer: HttpAnswer = { status: reply.status, headers: reply.headers, body: reply.body };
  return collector.parse(answer);
}

/** What the SSH driver reads from the CLI of the same device (a disabled protocol: nothing). */
function cli<T>(device: DeviceRuntime, collector: Collector<T> & { disabled?: RegExp }, empty?: T): T {
  const { output } = runCliLine(device, apiSession(device, 'admin', 'enable'), collector.command);
  if (collector.disabled?.test(output) && empty !== undefined) return empty;
  return collector.parse(output);
}

describe.each(DEVICES.map(([, device]) => device))('RESTCONF and the CLI agree on %s', (name) => {
  const device = () => runtimes.get(name)!;

  it.each(['cdp', 'lldp'] as const)('%s neighbours', (protocol) => {
    const rest = ciscoIosRestDriver.neighbors.find((c) => c.protocol === protocol)!;
    const ssh = ciscoIosDriver.neighbors.find((c) => c.protocol === protocol)!;
    const expected = cli(device(), ssh, []);
    expect(ask(device(), rest)).toEqual(expected);
    if (device().state().protocols[protocol]) expect(expected.length).toBeGreaterThan(0);
  });

  it('ARP rows, ages included', () => {
    const expected = cli(device(), ciscoIosDriver.arp);
    expect(expected.length).toBeGreaterThan(0);
    expect(ask(device(), ciscoIosRestDriver.arp)).toEqual(expected);
  });

  it('version facts', () => {
    const expected = cli(device(), ciscoIosDriver.version);
    expect(Object.keys(expected).sort()).toEqual(['hostname', 'model', 'serial', 'uptime', 'version']);
    expect(ask(device(), ciscoIosRestDriver.version)).toEqual(expected);
  });

  it('memory facts', () => {
    const expected = cli(device(), ciscoIosDriver.memory);
    expect(expected.totalBytes).toBeGreaterThan(0);
    expect(ask(device(), ciscoIosRestDriver.memory)).toEqual(expected);
  });
});

describe('RESTCONF driver answers', () => {
  it('raw returns the JSON text of a data path', () => {
    const device = runtimes.get('r1-rt09')!;
    const text = ask(device, ciscoIosRestDriver.raw!('Cisco-IOS-XE-native:native/hostname'));
    expect(JSON.parse(text)).toEqual({ 'Cisco-IOS-XE-native:hostname': 'r1-rt09' });
  });

  it('quotes the device error when a path is wrong', () => {
    const device = runtimes.get('r1-rt09')!;
    let caught: unknown;
    try {
      ask(device, ciscoIosRestDriver.raw!('Cisco-IOS-XE-nope:nothing'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClientError);
    expect((caught as ClientError).code).toBe('COMMAND_FAILED');
    expect((caught as ClientError).message).toContain('HTTP 404 uri keypath not found');
  });
});
