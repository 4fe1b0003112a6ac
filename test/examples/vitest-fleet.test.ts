import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCabling, documentationFromTopology, DEFAULT_COLLECT_OPTIONS, startFleet } from 'labfleet';
import type { RunningFleet } from 'labfleet';

let lab: RunningFleet;

beforeAll(async () => {
  // Ports default to 0: the OS picks free ones, so test files can run in parallel.
  lab = await startFleet('routers-10', { freezeTime: true, commandLatencyMs: 0 });
});
afterAll(() => lab.close());

const check = () =>
  checkCabling(lab.targets(), documentationFromTopology(lab.topology), DEFAULT_COLLECT_OPTIONS);

describe('my collector against a lab', () => {
  it('sees the documented cabling', async () => {
    const { report } = await check();
    expect(report.ok).toBe(true);
  });

  it('notices an unplugged cable, and a reset puts it back', async () => {
    lab.control.unplug('R1:GigabitEthernet2');
    const { report } = await check();
    expect(report.findings).toEqual([
      {
        kind: 'missing',
        a: { device: 'R1', interface: 'GigabitEthernet2' },
        b: { device: 'R2', interface: 'GigabitEthernet2' },
      },
    ]);
    await lab.control.reset();
    expect((await check()).report.ok).toBe(true);
  });

  it('reports a device that refuses every login as unverifiable, and checks the rest', async () => {
    const fault = await lab.control.fault('auth-fail', { devices: ['R3'] });
    const { report } = await check();
    expect(report.unverifiable).toEqual([expect.objectContaining({ device: 'R3', code: 'AUTH_FAILED' })]);
    expect(report.devices.checked).toBe(9);
    await lab.control.unfault(fault.id);
  });

  it('runs two fleets side by side, each on ports of its own', async () => {
    const [first, second] = await Promise.all([startFleet('routers-10'), startFleet('routers-10')]);
    await using a = first; // closed at the end of the block
    await using b = second;
    expect(a.inventory.sshPort).not.toBe(b.inventory.sshPort);
  });
});
