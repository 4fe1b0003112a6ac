/** A fleet steered while it runs: drift and faults through its control, seen by the checker over real sockets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling } from '../../client/check.js';
import { DEFAULT_COLLECT_OPTIONS } from '../../client/collect.js';
import { documentationFromTopology } from '../../client/verify/documentation.js';
import { startTestFleet, type TestFleet } from '../../client/testing/index.js';
import { LabfleetError } from '../../simulator/errors.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { probe } from '../helpers.js';

let lab: TestFleet;

beforeAll(async () => {
  lab = await startTestFleet({ topology: 'routers-10', rest: false, netconf: false });
});
afterAll(() => lab.stop());

const check = () =>
  checkCabling(lab.targets(), documentationFromTopology(lab.topology), {
    ...DEFAULT_COLLECT_OPTIONS,
    timeouts: { connectMs: 5000, commandMs: 5000 },
    retries: 0,
  });

describe('fleet control', () => {
  it('unplugs a cable at runtime: the next check misses that link; reset makes it clean again', async () => {
    const link = lab.topology.links[0]!;
    const port = `${link.a.node}:${link.a.interface}`;
    const { applied, affected } = lab.fleet.control.applyDrift([{ unplug: port }]);
    expect(applied).toBe(1);
    expect(affected).toEqual([link.a.node, link.b.node].sort());
    expect(lab.fleet.control.drift()).toEqual([{ unplug: port }]);
    const drifted = await check();
    expect(drifted.report.ok).toBe(false);
    expect(JSON.stringify(drifted.report)).toContain(link.a.interface);
    await lab.fleet.control.reset();
    expect(lab.fleet.control.drift()).toEqual([]);
    expect((await check()).report.ok).toBe(true);
  });

  it('a rejected drift request applies nothing', () => {
    const link = lab.topology.links[0]!;
    const port = `${link.a.node}:${link.a.interface}`;
    expect(() => lab.fleet.control.applyDrift([{ unplug: port }, { unplug: 'nosuch:Gi0/0' }])).toThrow(
      LabfleetError,
    );
    expect(lab.fleet.control.drift()).toEqual([]);
  });

  it('down refuses connections until lifted', async () => {
    const device = lab.devices[0]!;
    expect(await probe(device.host, device.port!)).toMatch(/^SSH-2\.0-/);
    const fault = await lab.fleet.control.addFault({ kind: 'down', devices: [device.name] });
    expect(lab.fleet.control.device(device.name).availability).toBe('down');
    expect(await probe(device.host, device.port!)).toBe('refused');
    await lab.fleet.control.removeFault(fault.id);
    expect(await probe(device.host, device.port!)).toMatch(/^SSH-2\.0-/);
  });

  it('a fraction is exactly round(F × N) devices, the same ones for the same seed', async () => {
    const first = await lab.fleet.control.addFault({ kind: 'auth-fail', fraction: 0.25, seed: 7 });
    expect(first.devices).toHaveLength(Math.round(0.25 * lab.devices.length));
    await lab.fleet.control.clearFaults();
    const again = await lab.fleet.control.addFault({ kind: 'auth-fail', fraction: 0.25, seed: 7 });
    expect(again.devices).toEqual(first.devices);
    await lab.fleet.control.clearFaults();
    expect(lab.fleet.control.faults()).toEqual([]);
  });

  it('reset returns to how the fleet started: its drift and its faults, nothing applied since', async () => {
    const [first, second] = lab.topology.links;
    const started = await startTestFleet({
      topology: lab.topology,
      world: parseDrift(`drift:\n  - unplug: "${first!.a.node}:${first!.a.interface}"\n`, lab.topology),
      rest: false,
      netconf: false,
    });
    try {
      const control = started.fleet.control;
      await control.startWith([{ kind: 'auth-fail', devices: [second!.b.node] }]);
      control.applyDrift([{ unplug: `${second!.a.node}:${second!.a.interface}` }]);
      await control.addFault({ kind: 'down', devices: [first!.b.node] });
      await control.reset();
      expect(control.drift()).toEqual([{ unplug: `${first!.a.node}:${first!.a.interface}` }]);
      expect(control.faults().map((f) => [f.kind, f.devices])).toEqual([['auth-fail', [second!.b.node]]]);
      expect(control.device(first!.b.node).availability).toBe('up');
    } finally {
      await started.stop();
    }
  });

  it('an unknown kind is refused with the valid kinds; an unknown device by name', async () => {
    await expect(lab.fleet.control.addFault({ kind: 'melt', devices: ['r1'] })).rejects.toThrow(/down, hang/);
    await expect(lab.fleet.control.addFault({ kind: 'down', devices: ['nosuch'] })).rejects.toMatchObject({
      code: 'DEVICE_UNKNOWN',
    });
    expect(lab.fleet.control.faults()).toEqual([]);
  });
});
