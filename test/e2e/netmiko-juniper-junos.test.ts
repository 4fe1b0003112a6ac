/** A Junos fleet driven by netmiko's juniper_junos driver: EX (with `{master:0}`) and MX. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import {
  renderShowLldpNeighbors,
  renderShowVersion,
} from '../../simulator/personalities/juniper-junos/render/index.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';

let fleet: Fleet;
const pick = (model: string): InventoryDevice =>
  fleet.devices.find((d) => d.platform === 'juniper_junos' && fleet.runtime(d.name)!.node.model === model)!;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
});
afterAll(() => fleet?.stop());

interface Seen {
  base_prompt: string;
  prompt: string;
  version: string;
  lldp: string;
  invalid: string;
  config_enter: string;
  in_config: boolean;
  config_prompt: string;
  config_exit: string;
  in_config_after: boolean;
  prompt_end: string;
}

async function drive(device: InventoryDevice): Promise<Seen> {
  const driver = join(TEST_DIR, 'e2e', 'netmiko_juniper_junos.py');
  const args = [driver, device.host, String(device.port), 'admin', 'admin'];
  const { stdout } = await run(DEBIAN_PYTHON, args, { timeout: 60_000 });
  return JSON.parse(stdout) as Seen;
}

describe.skipIf(!available('netmiko'))('netmiko (juniper_junos)', () => {
  for (const model of ['EX4300-48T', 'MX204']) {
    it(`logs in, runs show commands and enters and leaves configuration on ${model}`, async () => {
      const device = pick(model);
      const ctx = fleet.runtime(device.name)!.renderContext();
      const seen = await drive(device);
      expect(seen.base_prompt).toBe(`admin@${device.name}`);
      expect(seen.prompt).toBe(`admin@${device.name}>`);
      // Junos opens every answer with " \n"; netmiko strips the echo, the prompt and {master:0}.
      expect(seen.version.trim()).toBe(renderShowVersion(ctx));
      expect(seen.lldp.trim()).toBe(renderShowLldpNeighbors(ctx));
      expect(seen.invalid).toContain('syntax error, expecting <command>.');
      expect(seen.in_config).toBe(true);
      expect(seen.config_prompt).toBe(`admin@${device.name}#`);
      expect(seen.config_exit).toContain('Exiting configuration mode');
      expect(seen.in_config_after).toBe(false);
      expect(seen.prompt_end).toBe(`admin@${device.name}>`);
    }, 90_000);
  }
});
