/** An EOS device's eAPI driven by pyeapi, the client napalm and Ansible's EOS support are built on. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFrozenLab } from '../rest.js';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';

let fleet: Fleet;
let device: InventoryDevice;

beforeAll(async () => {
  fleet = await startFrozenLab();
  device = fleet.devices.find((d) => d.name === 'r1-ar12')!;
});
afterAll(() => fleet?.stop());

describe.skipIf(!available('pyeapi'))('pyeapi against eAPI', () => {
  it('reads, configures, reads the running config back, and sees errors as pyeapi expects them', async () => {
    const runtime = fleet.runtime(device.name)!;
    const { username, password, secret } = runtime.node.credentials;
    const url = new URL(device.rest_url!);
    const script = join(TEST_DIR, 'e2e', 'pyeapi_client.py');
    const { stdout } = await run(
      DEBIAN_PYTHON,
      [script, url.hostname, url.port, username, password, secret],
      {
        timeout: 60_000,
      },
    );
    const seen = JSON.parse(stdout) as {
      version: Record<string, unknown>;
      lldp: { lldpNeighbors: Record<string, { lldpNeighborInfo: unknown[] }> };
      lldp_text: string;
      config: unknown[];
      hostname: unknown;
      running_config: string;
      error: { code: number; message: string };
      bad_password: string;
    };

    expect(seen.version).toMatchObject({
      modelName: 'DCS-7050SX3-48YC8',
      serialNumber: runtime.state().serial,
    });
    const lldp = runtime.state().neighbors.filter((n) => n.protocol === 'lldp');
    expect(
      Object.entries(seen.lldp.lldpNeighbors)
        .filter(([, port]) => port.lldpNeighborInfo.length > 0)
        .map(([name]) => name)
        .sort(),
    ).toEqual([...new Set(lldp.map((n) => n.localInterface))].sort());
    expect(seen.lldp_text).toMatch(/^Last table change time {3}: /);
    expect(seen.config).toEqual([{}, {}, {}]);
    expect(seen.hostname).toEqual({ hostname: 'pyeapi-sw', fqdn: 'pyeapi-sw.lab.example.com' });
    expect(seen.running_config).toMatch(/^! Command: show running-config all\n/);
    expect(seen.running_config).toContain('\nhostname pyeapi-sw\n');
    expect(seen.running_config).toMatch(/\ninterface Ethernet1\n {3}description set by pyeapi\n/);
    const { error } = seen;
    expect(error.code).toBe(1002);
    expect(error.message).toContain("CLI command 2 of 2 'show bogus' failed: invalid command");
    expect(seen.bad_password).toMatch(/Unauthorized|401|authenticate/i);
    // The change is the device's own: SSH sees it too.
    expect(runtime.config().hostname).toBe('pyeapi-sw');
  });
});
