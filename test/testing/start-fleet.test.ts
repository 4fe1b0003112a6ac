/**
 * `startFleet` for test suites, beyond the documented example (test/examples/vitest-fleet.test.ts):
 * every control operation seen by the checker over real sockets, rejected changes applying
 * nothing, topologies given as an object, the inventory `up` writes, and close() / `await using`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { startFleet, type RunningFleet } from '../../client/testing/index.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { renderInventory } from '../../simulator/fleet/inventory.js';
import { probe } from '../helpers.js';

let lab: RunningFleet;

beforeAll(async () => {
  lab = await startFleet('routers-10', { commandLatencyMs: 0, rest: false, netconf: false });
});
afterAll(() => lab?.close());

const check = async (fleet: RunningFleet = lab) =>
  (await checkCabling(fleet.targets(), documentationFromTopology(fleet.topology), DEFAULT_COLLECT_OPTIONS))
    .report;

describe('startFleet', () => {
  it('gives the inventory up writes, on ports the OS picked', () => {
    expect({ devices: lab.inventory.devices }).toEqual(JSON.parse(renderInventory(lab.devices, 'json')));
    expect(lab.inventory.sshPort).toBeGreaterThan(0);
    expect(lab.inventory.sshPort).not.toBe(2222);
    expect(lab.devices.every((d) => d.port === lab.inventory.sshPort)).toBe(true);
    expect(lab.controlUrl).toBeUndefined();
    expect(lab.control.status().map((d) => [d.name, d.availability])).toEqual(
      lab.devices.map((d) => [d.name, 'up']),
    );
  });

  it('swap, move and patch change what the checker finds; reset undoes them all', async () => {
    expect(lab.control.swap('R1:Gi2', 'R1:Gi3')).toMatchObject({ applied: 1 });
    expect((await check()).findings).toEqual([expect.objectContaining({ kind: 'swapped' })]);
    await lab.control.reset();
    lab.control.move('R1:GigabitEthernet2', 'R1:GigabitEthernet8');
    expect((await check()).findings).toEqual([expect.objectContaining({ kind: 'moved' })]);
    lab.control.patch('R9:GigabitEthernet8', 'R10:GigabitEthernet8');
    const findings = (await check()).findings.map((f) => f.kind).sort();
    expect(findings).toEqual(['moved', 'unexpected']);
    expect(lab.control.drift()).toHaveLength(2);
    await lab.control.reset();
    expect(lab.control.drift()).toEqual([]);
    expect((await check()).ok).toBe(true);
  });

  it('a rejected change applies nothing and says why', async () => {
    expect(() => lab.control.unplug('R1:GigabitEthernet99')).toThrow(
      expect.objectContaining({ code: 'DRIFT_INVALID' }),
    );
    await expect(lab.control.fault('down', { devices: ['R1', 'nosuch'] })).rejects.toMatchObject({
      code: 'DEVICE_UNKNOWN',
    });
    await expect(lab.control.unfault('f999')).rejects.toMatchObject({ code: 'FAULT_UNKNOWN' });
    expect([lab.control.drift(), lab.control.faults()]).toEqual([[], []]);
  });

  it('faults are listed, shown per device and lifted', async () => {
    const fault = await lab.control.fault('auth-fail', { fraction: 0.2, seed: 3 });
    expect(fault.devices).toHaveLength(2);
    expect(lab.control.faults().map((f) => f.id)).toEqual([fault.id]);
    for (const name of fault.devices) expect(lab.fleet.control.device(name).faults).toEqual(['auth-fail']);
    const down = await lab.control.fault('down', { devices: ['R5'] });
    const r5 = lab.devices.find((d) => d.name === 'R5')!;
    expect(await probe(r5.host, r5.port!)).toBe('refused');
    expect((await check()).unverifiable.map((u) => u.device)).toContain('R5');
    await lab.control.unfault(down.id);
    expect(await probe(r5.host, r5.port!)).toMatch(/^SSH-2\.0-/);
    expect(await lab.control.clear()).toBe(1);
    expect(lab.control.faults()).toEqual([]);
  });

  it('takes a topology written as an object, and rejects a bad one with its diagnostics', async () => {
    const topology = {
      name: 'pair',
      defaults: { kind: 'cisco_ios', protocols: { cdp: true } },
      mgmt: { pool: '127.111.0.0/24' },
      nodes: { A: { model: 'CSR1000V' }, B: { model: 'CSR1000V' } },
      links: [{ endpoints: ['A:GigabitEthernet2', 'B:GigabitEthernet2'] }],
    };
    await using pair = await startFleet(topology, { rest: false, netconf: false, commandLatencyMs: 0 });
    expect(pair.devices.map((d) => d.host)).toEqual(['127.111.0.1', '127.111.0.2']);
    expect((await check(pair)).ok).toBe(true);
    await expect(
      startFleet({ ...topology, nodes: { ...topology.nodes, A: { model: 'NOPE' } } }),
    ).rejects.toMatchObject({
      code: 'TOPOLOGY_INVALID',
      diagnostics: [{ code: 'MODEL_UNKNOWN', path: 'nodes.A.model' }],
    });
  });

  it('close() is idempotent; `await using` closes at the end of the block', async () => {
    let where: [string, number] | undefined;
    {
      await using scoped = await startFleet('routers-10', { rest: false, netconf: false });
      where = [scoped.devices[0]!.host, scoped.inventory.sshPort];
      expect(await probe(...where)).toMatch(/^SSH-2\.0-/);
    }
    const [host, port] = where;
    expect(await probe(host, port)).toBe('refused');
    const other = await startFleet('routers-10', { rest: false, netconf: false });
    await Promise.all([other.close(), other.close()]);
    await other.close();
    expect(await probe(other.devices[0]!.host, other.inventory.sshPort)).toBe('refused');
  });
});

describe('startFleet with control: the control API up serves, over the same fleet', () => {
  it('serves the API at controlUrl: drift through HTTP reaches the checker, metrics count the check', async () => {
    await using served = await startFleet('routers-10', {
      commandLatencyMs: 0,
      rest: false,
      netconf: false,
      control: true,
    });
    expect(served.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const post = await fetch(`${served.controlUrl}/drift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unplug: 'R1:GigabitEthernet2' }),
    });
    expect(post.status).toBe(200);
    expect(served.control.drift()).toEqual([{ unplug: 'R1:GigabitEthernet2' }]);
    expect((await check(served)).findings).toHaveLength(1);
    const metrics = await (await fetch(`${served.controlUrl}/metrics`)).text();
    expect(metrics).toMatch(/^labfleet_logins_total\{platform="cisco_ios",protocol="ssh"\} 10$/m);
    expect(metrics).toMatch(/^labfleet_drift_items 1$/m);
  });
});
