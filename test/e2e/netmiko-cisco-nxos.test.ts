/** An NX-OS device of the fleet driven by netmiko's cisco_nxos driver. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNxosCdpDetail, parseNxosVersion } from '../../client/drivers/cisco-nxos.js';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';

let fleet: Fleet;
let device: InventoryDevice;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
  device = fleet.devices.find((d) => d.platform === 'cisco_nxos')!;
});
afterAll(() => fleet?.stop());

describe.skipIf(!available('netmiko'))('netmiko (cisco_nxos)', () => {
  it('finds the prompt, runs show commands and configures', async () => {
    const runtime = fleet.runtime(device.name)!;
    const state = runtime.state();
    const port = state.interfaces.find((i) => !i.mgmt)!.name;
    const script = join(TEST_DIR, 'e2e', 'netmiko_cisco_nxos.py');
    const args = [script, device.host, String(device.port), 'admin', 'admin', port];
    const { stdout } = await run(DEBIAN_PYTHON, args, { timeout: 60_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;

    expect(seen.prompt).toBe(`${device.name}#`);
    expect(seen.base_prompt).toBe(device.name);
    const version = seen.version as string;
    expect(version.startsWith('Cisco Nexus Operating System (NX-OS) Software\n')).toBe(true);
    expect(parseNxosVersion(version)).toMatchObject({
      hostname: device.name,
      version: state.version,
      serial: state.serial,
    });
    const cdp = parseNxosCdpDetail(seen.cdp as string);
    const expected = state.neighbors.filter((n) => n.protocol === 'cdp');
    expect(cdp.map((n) => [n.localInterface, n.remoteDevice, n.remoteInterface])).toEqual(
      expected.map((n) => [n.localInterface, n.deviceId, n.remoteInterface]),
    );
    expect((seen.cdp as string).split('\n')[0]).toBe('-'.repeat(40));
    expect(seen.abbreviated).toBe(`  Device name: ${device.name}`);
    expect(seen.invalid).toBe(`${' '.repeat(device.name.length + 7)}^\n% Invalid command at '^' marker.`);
    expect(seen.enabled).toBe(true);
    expect(seen.config_set).toContain(`${device.name}(config-if)# description set by netmiko`);
    expect(seen.in_config_after).toBe(false);
    expect(seen.in_config).toBe(true);
    expect(seen.config_prompt).toBe(`${device.name}(config)#`);
    expect(seen.prompt_end).toBe(`${device.name}#`);
    expect(runtime.config().interfaces.get(port)).toEqual({ description: 'set by netmiko', shutdown: true });
  }, 60_000);
});
