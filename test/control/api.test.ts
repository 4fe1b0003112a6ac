/** The control API over a real fleet: drift and faults through HTTP, seen by the checker; bad input refused whole. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { createControlApp, startControlServer } from '../../simulator/control/index.js';
import { FAULT_KINDS } from '../../simulator/topology/faults.js';
import type { FleetControl } from '../../simulator/fleet/control.js';
import { startControlledFleet, type ControlledFleet } from './harness.js';

let fleet: ControlledFleet;

beforeAll(async () => {
  fleet = await startControlledFleet({ topology: 'routers-10', rest: false, netconf: false });
});
afterAll(() => fleet.stop());

const check = () =>
  checkCabling(fleet.lab.targets(), documentationFromTopology(fleet.lab.topology), {
    ...DEFAULT_COLLECT_OPTIONS,
    timeouts: { connectMs: 5000, commandMs: 5000 },
    retries: 0,
  });

const ERROR_SHAPE = {
  statusCode: expect.any(Number) as number,
  code: expect.any(String) as string,
  error: expect.any(String) as string,
  message: expect.any(String) as string,
};

describe('control API over a running fleet', () => {
  it('health and readiness answer; devices list state, sessions and counters', async () => {
    expect(await fleet.call('GET', '/health')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(await fleet.call('GET', '/ready')).toMatchObject({ status: 200, json: { status: 'ready' } });
    // `up` hands its inventory to the API (GET /inventory; test/deploy/pods.test.ts reads it); none here.
    expect(await fleet.call('GET', '/inventory')).toMatchObject({
      status: 404,
      json: { code: 'CONTROL_REQUEST_INVALID' },
    });
    const { json } = await fleet.call('GET', '/devices');
    const devices = json.devices as Array<Record<string, unknown>>;
    expect(devices).toHaveLength(10);
    expect(devices[0]).toEqual({
      name: 'R1',
      platform: 'cisco_ios',
      availability: 'up',
      vtyLines: 0,
      counters: expect.any(Object) as object,
      faults: [],
    });
    expect(await fleet.call('GET', '/devices/R2')).toMatchObject({ status: 200, json: { name: 'R2' } });
  });

  it('unplug through the API: the next check misses that link; POST /reset makes it clean again', async () => {
    const link = fleet.lab.topology.links[0]!;
    const port = `${link.a.node}:${link.a.interface}`;
    const applied = await fleet.call('POST', '/drift', { unplug: port });
    expect(applied).toMatchObject({
      status: 200,
      json: { applied: 1, affected: [link.a.node, link.b.node].sort(), drift: [{ unplug: port }] },
    });
    const drifted = await check();
    expect(drifted.report.ok).toBe(false);
    expect(drifted.report.findings).toEqual([
      {
        kind: 'missing',
        a: expect.objectContaining({ device: link.a.node }) as object,
        b: expect.any(Object) as object,
      },
    ]);
    expect(JSON.stringify(drifted.report.findings[0])).toContain(link.a.interface);
    expect(await fleet.call('POST', '/reset')).toMatchObject({
      status: 200,
      json: { drift: [], faults: [] },
    });
    expect((await check()).report.ok).toBe(true);
  });

  it('patch is add; a batch applies in order; DELETE /drift restores the documented wiring and keeps faults', async () => {
    const batch = await fleet.call('POST', '/drift', [
      { unplug: 'R1:Gi2' },
      { patch: ['R1:Gi2', 'R5:Gi16'], note: 'replugged elsewhere' },
    ]);
    expect(batch.json).toMatchObject({ applied: 2 });
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([
      { unplug: 'R1:GigabitEthernet2' },
      { add: ['R1:GigabitEthernet2', 'R5:GigabitEthernet16'] },
    ]);
    const fault = await fleet.call('POST', '/faults', { kind: 'slow', devices: ['R3'] });
    expect(fault).toMatchObject({ status: 201, json: { kind: 'slow', devices: ['R3'] } });
    expect(await fleet.call('DELETE', '/drift')).toMatchObject({
      status: 200,
      json: { removed: 2, drift: [] },
    });
    expect((await fleet.call('GET', '/faults')).json.faults).toHaveLength(1);
    expect((await check()).report.ok).toBe(true);
    expect(await fleet.call('DELETE', `/faults/${String(fault.json.id)}`)).toMatchObject({ status: 200 });
    expect((await fleet.call('GET', '/faults')).json.faults).toEqual([]);
  });

  it('faults by fraction: exactly round(F × N) devices, listed on the devices; DELETE /faults lifts all', async () => {
    const added = await fleet.call('POST', '/faults', { kind: 'auth-fail', fraction: 0.3, seed: 5 });
    expect(added.status).toBe(201);
    const names = added.json.devices as string[];
    expect(names).toHaveLength(3);
    const { json } = await fleet.call('GET', `/devices/${names[0]}`);
    expect(json.faults).toEqual(['auth-fail']);
    expect(await fleet.call('DELETE', '/faults')).toMatchObject({ status: 200, json: { cleared: 1 } });
    expect((await fleet.call('GET', `/devices/${names[0]}`)).json.faults).toEqual([]);
  });
});

describe('control API: bad input is refused whole, naming the field', () => {
  const link = () => fleet.lab.topology.links[0]!;
  const port = () => `${link().a.node}:${link().a.interface}`;

  it.each([
    ['malformed JSON', '/faults', '{"kind": "down",', 400, 'CONTROL_REQUEST_INVALID', /not valid JSON/],
    [
      'an unknown field',
      '/faults',
      { kind: 'down', devices: ['R1'], colour: 'red' },
      400,
      'FAULT_INVALID',
      /unknown field "colour"; valid fields here: kind, devices, fraction/,
    ],
    [
      'an unknown kind (the valid kinds listed)',
      '/faults',
      { kind: 'melt', devices: ['R1'] },
      400,
      'FAULT_INVALID',
      new RegExp(`kind: "melt" is not valid; valid: ${FAULT_KINDS.join(', ')}`),
    ],
    [
      'a fraction of the wrong type',
      '/faults',
      { kind: 'down', fraction: '0.5' },
      400,
      'FAULT_INVALID',
      /^fraction: expected number, got string$/,
    ],
    [
      'a fraction out of range',
      '/faults',
      { kind: 'down', fraction: 2 },
      400,
      'FAULT_INVALID',
      /^fraction: /,
    ],
    [
      'a duration that is not one',
      '/faults',
      { kind: 'down', devices: ['R1'], for: 'soon' },
      400,
      'FAULT_INVALID',
      /^for: "soon" is not a duration/,
    ],
    [
      'both devices and a fraction',
      '/faults',
      { kind: 'down', devices: ['R1'], fraction: 0.5 },
      400,
      'FAULT_INVALID',
      /either `devices`/,
    ],
    [
      'an unknown device',
      '/faults',
      { kind: 'down', devices: ['R1', 'R99'] },
      404,
      'DEVICE_UNKNOWN',
      /"R99"/,
    ],
    [
      'an unknown drift form',
      '/drift',
      { unplog: 'R1:Gi2' },
      400,
      'DRIFT_INVALID',
      /^drift: expected a drift item, one of: unplug/,
    ],
    [
      'a port of the wrong type',
      '/drift',
      [{ unplug: 'R1:Gi2' }, { unplug: 5 }],
      400,
      'DRIFT_INVALID',
      /^drift\[1\]\.unplug: expected string, got number$/,
    ],
    [
      'a half cable',
      '/drift',
      [{ swap: ['R1:Gi2'] }],
      400,
      'DRIFT_INVALID',
      /^drift\[0\]\.swap: expected at least 2/,
    ],
    [
      'a move without a destination',
      '/drift',
      { move: { from: 'R1:Gi2' } },
      400,
      'DRIFT_INVALID',
      /^drift\.move: to is missing$/,
    ],
    [
      'an unknown device in a port',
      '/drift',
      [{ unplug: 'R1:Gi2' }, { unplug: 'R99:Gi2' }],
      404,
      'DRIFT_INVALID',
      /^drift\[1\]\.unplug: "R99" is not a node/,
    ],
    [
      'an unknown port',
      '/drift',
      [{ unplug: 'R1:Gi2' }, { unplug: 'R2:Gi99' }],
      404,
      'DRIFT_INVALID',
      /^drift\[1\]\.unplug: .*no port GigabitEthernet99/,
    ],
    ['an empty batch', '/drift', [], 400, 'DRIFT_INVALID', /^drift: expected at least 1/],
  ])('%s: nothing applied', async (_name, path, body, status, code, message) => {
    const answer = await fleet.call('POST', path, body);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      ...ERROR_SHAPE,
      ...(code === 'DRIFT_INVALID' && status === 404 ? { diagnostics: expect.any(Array) as unknown[] } : {}),
    });
    expect(answer.json).toMatchObject({ statusCode: status, code });
    expect(answer.json.message).toMatch(message);
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([]);
    expect((await fleet.call('GET', '/faults')).json.faults).toEqual([]);
  });

  it('a batch whose 2nd item does not fit the cabling applies nothing, and says which item', async () => {
    const answer = await fleet.call('POST', '/drift', [{ unplug: port() }, { unplug: port() }]);
    expect(answer).toMatchObject({ status: 400, json: { code: 'DRIFT_INVALID' } });
    expect(answer.json.diagnostics).toEqual([
      expect.objectContaining({ code: 'DRIFT_PORT_UNCABLED', path: 'drift[1].unplug' }),
    ]);
    expect((await fleet.call('GET', '/drift')).json.drift).toEqual([]);
    expect((await check()).report.ok).toBe(true);
  });

  it('bounds: more than 1000 drift items, or a body over the limit, are refused', async () => {
    const many = Array.from({ length: 1001 }, () => ({ unplug: port() }));
    expect((await fleet.call('POST', '/drift', many)).json).toMatchObject({
      statusCode: 400,
      message: 'drift: expected at most 1000 item(s), got 1001',
    });
    const huge = await fleet.call('POST', '/drift', { unplug: 'x'.repeat(300_000) });
    expect(huge).toMatchObject({ status: 413, json: { code: 'CONTROL_REQUEST_INVALID' } });
  });

  it('unknown names and routes are 404 with the same error shape', async () => {
    for (const [method, path, code] of [
      ['GET', '/devices/R99', 'DEVICE_UNKNOWN'],
      ['DELETE', '/faults/f999', 'FAULT_UNKNOWN'],
      ['GET', '/nosuch', 'CONTROL_REQUEST_INVALID'],
    ] as const) {
      const answer = await fleet.call(method, path);
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ ...ERROR_SHAPE, statusCode: 404, code });
    }
  });
});

describe('control API: robustness and access', () => {
  it('a failing handler is a 500 with a message; the app keeps answering', async () => {
    const broken = {
      devices: () => {
        throw new Error('boom');
      },
    } as unknown as FleetControl;
    const app = await createControlApp({ control: broken });
    try {
      const answer = await app.inject({ method: 'GET', url: '/devices' });
      expect(answer.statusCode).toBe(500);
      expect(answer.json()).toEqual({
        statusCode: 500,
        code: 'CONTROL_FAILED',
        error: 'Internal Server Error',
        message: 'the control API failed: boom; the fleet keeps serving',
      });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('/ready is 503 while stopping', async () => {
    const app = await createControlApp(fleet.lab.fleet, { ready: () => 'the fleet is stopping' });
    try {
      const answer = await app.inject({ method: 'GET', url: '/ready' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({ code: 'CONTROL_FAILED', message: 'the fleet is stopping' });
    } finally {
      await app.close();
    }
  });

  it('a token set on loopback is enforced on every route but /health and /ready', async () => {
    const server = await startControlServer(fleet.lab.fleet, { token: 's3cret' });
    try {
      const get = (path: string, authorization?: string) =>
        fetch(`${server.url}${path}`, { headers: authorization ? { authorization } : {} });
      expect((await get('/health')).status).toBe(200);
      // Probes carry no secrets.
      expect((await get('/ready')).status).toBe(200);
      const missing = await get('/devices');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect(await missing.json()).toMatchObject({
        code: 'CONTROL_UNAUTHORIZED',
        message: /Authorization: Bearer/,
      });
      expect((await get('/metrics', 'Bearer wrong')).status).toBe(401);
      expect((await get('/devices', 'Bearer s3cret')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start off loopback without a token, before binding anything', async () => {
    await expect(startControlServer(fleet.lab.fleet, { host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(
        /give a token \(--control-token <t> or LABFLEET_CONTROL_TOKEN\)/,
      ) as string,
    });
  });
});
