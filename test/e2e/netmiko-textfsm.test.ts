/**
 * netmiko's `use_textfsm=True` path against the fleet: Debian ships no ntc-templates, so the test
 * copies its own small TextFSM templates and index (test/e2e/textfsm/) into a temporary directory and points
 * NET_TEXTFSM at it (netmiko 2.4.2 `utilities.get_template_dir`: the directory must hold a file
 * named `index`; `get_structured_data` matches the index rows on Platform = device_type and
 * Command with `[[…]]` completion). The parsed rows must be the device's state.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { TEST_DIR } from '../helpers.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';

/** Our templates and their index (test/e2e/textfsm/), written by us for this test. */
const TEMPLATE_FILES = ['index', 'labfleet_ios_cdp_detail.textfsm', 'labfleet_nxos_ip_brief.textfsm'];

let fleet: Fleet;
let templates: string;

beforeAll(async () => {
  fleet = await startFleet({
    topology: await loadTopology('lab-100'),
    rest: false,
    sshPort: 0,
    commandLatencyMs: 0,
    freezeTime: true,
  });
  templates = mkdtempSync(join(tmpdir(), 'labfleet-textfsm-'));
  for (const file of TEMPLATE_FILES)
    copyFileSync(join(TEST_DIR, 'e2e', 'textfsm', file), join(templates, file));
});
afterAll(async () => {
  await fleet?.stop();
  if (templates) rmSync(templates, { recursive: true, force: true });
});

type Row = Record<string, string>;

async function parsed(device: InventoryDevice, command: string): Promise<Row[]> {
  const script = join(TEST_DIR, 'e2e', 'netmiko_textfsm.py');
  const args = [script, device.host, String(device.port), device.platform, 'admin', command];
  const { stdout } = await run(DEBIAN_PYTHON, args, {
    timeout: 60_000,
    env: { ...process.env, NET_TEXTFSM: templates },
  });
  const rows: unknown = JSON.parse(stdout);
  // netmiko returns the raw text when no template row matched: that is a failure here.
  expect(Array.isArray(rows), String(rows)).toBe(true);
  return rows as Row[];
}

describe.skipIf(!available('netmiko'))('netmiko send_command(use_textfsm=True) with our templates', () => {
  it('IOS show cdp neighbors detail: one row per CDP neighbour of the state', async () => {
    const device = fleet.devices.find((d) => d.platform === 'cisco_ios')!;
    const state = fleet.runtime(device.name)!.state();
    const expected = state.neighbors.filter((n) => n.protocol === 'cdp');
    expect(expected.length).toBeGreaterThan(0);
    const rows = await parsed(device, 'show cdp neighbors detail');
    expect(rows).toEqual(
      expected.map((n) => ({
        device_id: n.deviceId,
        entry_ip: n.address,
        platform: n.platform,
        local_port: n.localInterface,
        remote_port: n.remoteInterface,
        mgmt_ip: n.mgmtAddress,
      })),
    );
  }, 60_000);

  it('NX-OS show ip interface brief vrf all: every addressed port in its VRF', async () => {
    const device = fleet.devices.find((d) => d.platform === 'cisco_nxos')!;
    const state = fleet.runtime(device.name)!.state();
    const rows = await parsed(device, 'show ip interface brief vrf all');
    const addressed = state.interfaces.filter((i) => i.address);
    const inVrf = (mgmt: boolean) => addressed.filter((i) => i.mgmt === mgmt);
    const expected = [...inVrf(false), ...inVrf(true)].map((i) => ({
      vrf: i.mgmt ? 'management' : 'default',
      interface: i.name.replace(/^Ethernet/, 'Eth'),
      ip_address: i.address!.ip,
    }));
    expect(rows.map((r) => ({ vrf: r.vrf, interface: r.interface, ip_address: r.ip_address }))).toEqual(
      expected,
    );
    for (const row of rows) {
      const iface = addressed.find((i) => i.address!.ip === row.ip_address)!;
      expect(row).toMatchObject({ admin: 'up', link: row.protocol });
      if (!iface.mgmt) expect(row.protocol).toBe(iface.connected ? 'up' : 'down');
    }
  }, 60_000);
});
