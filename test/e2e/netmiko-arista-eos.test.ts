/** An EOS device driven by netmiko 2.4's arista_eos driver: session preparation, enable, config. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { renderShowVersion } from '../../simulator/personalities/arista-eos/render/index.js';
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
  device = fleet.devices.find((d) => d.platform === 'arista_eos')!;
});
afterAll(() => fleet?.stop());

describe.skipIf(!available('netmiko'))('netmiko (arista_eos)', () => {
  it('logs in, sends show commands, enables and configures', async () => {
    const runtime = fleet.runtime(device.name)!;
    const port = runtime.state().interfaces.find((i) => !i.mgmt)!.name;
    const { username, password, secret } = runtime.node.credentials;
    const driver = join(TEST_DIR, 'e2e', 'netmiko_arista_eos.py');
    const args = [driver, device.host, String(device.port), username, password, secret, port];
    const { stdout } = await run(DEBIAN_PYTHON, args, { timeout: 60_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;

    expect(seen.prompt_user).toBe(`${device.name}>`);
    expect(seen.version).toBe(renderShowVersion(runtime.renderContext()));
    expect(seen.version).toMatch(/^Arista DCS-\S+\nHardware version: /);
    const lldp = String(seen.lldp).split('\n');
    expect(lldp[0]).toMatch(/^Last table change time {3}: /);
    expect(lldp).toContain('Port          Neighbor Device ID       Neighbor Port ID    TTL');
    const first = runtime.state().neighbors.find((n) => n.protocol === 'lldp')!;
    expect(lldp.some((l) => l.startsWith('Et') && l.includes(first.deviceId))).toBe(true);
    expect(seen.invalid).toBe("% Invalid input (at token 1: 'foo')");
    expect(seen.unprivileged).toBe('% Invalid input (privileged mode required)');
    expect(seen.prompt_enable).toBe(`${device.name}#`);
    expect(seen.config_set).toContain(`${device.name}(config-if-Et1)#description set by netmiko`);
    expect(seen.in_config_after).toBe(false);
    expect(seen.in_config).toBe(true);
    expect(seen.prompt_config).toBe(`${device.name}(config)#`);
    expect(seen.prompt_end).toBe(`${device.name}#`);
    expect(runtime.config().interfaces.get(port)).toEqual({ description: 'set by netmiko' });
  }, 60_000);
});
