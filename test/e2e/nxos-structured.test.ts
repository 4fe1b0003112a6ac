/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- the tests walk parsed NX-OS documents */
/**
 * NX-OS structured output on a real fleet: `<command> | json` over SSH and `cli_show` over
 * NX-API answer the same object for the everyday commands, and the keys NAPALM's nxos driver
 * and Ansible's cisco.nxos read are in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { nxapiShow, startFrozenLab } from '../rest.js';
import { connect, exec } from './ssh.js';
import type { Client } from 'ssh2';

/** The commands that gained a structured model with the everyday-commands work. */
const COMMANDS = [
  'show interface status',
  'show interface description',
  'show ip interface brief',
  'show ip interface brief vrf all',
  'show ip route',
  'show ip route vrf management',
  'show ip route vrf all',
  'show mac address-table',
];

let fleet: Fleet;
let nexus: InventoryDevice;
let ssh: Client;

beforeAll(async () => {
  fleet = await startFrozenLab();
  nexus = fleet.devices.find((d) => d.name === 'r2-nx02')!;
  ssh = await connect({ host: nexus.host, port: nexus.port });
});
afterAll(async () => {
  ssh?.end();
  await fleet?.stop();
});

/** A parsed NX-OS document: the tests walk it freely and assert on what they find. */
type Doc = any;

async function overSsh(command: string): Promise<Doc> {
  return JSON.parse((await exec(ssh, `${command} | json`)).trim());
}

async function overNxapi(command: string): Promise<Doc> {
  const { status, output } = await nxapiShow(nexus.rest_url!, command);
  expect(status).toBe(200);
  expect(output).toMatchObject({ code: '200', msg: 'Success' });
  return output.body as Doc;
}

/** NAPALM's `_get_table_rows`: a table may be an object or a list of `{ROW_x}`, a row an object or a list. */
function rows(doc: Doc, name: string): Doc[] {
  const table = doc[`TABLE_${name}`];
  const found = Array.isArray(table) ? table.map((t: Doc) => t[`ROW_${name}`]) : table?.[`ROW_${name}`];
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

describe('SSH `| json` and NX-API cli_show agree', () => {
  it.each(COMMANDS)('%s', async (command) => {
    const viaSsh = await overSsh(command);
    expect(Object.keys(viaSsh).length).toBeGreaterThan(0);
    expect(await overNxapi(command)).toEqual(viaSsh);
  });
});

describe('what the automation stacks read', () => {
  it('NAPALM get_mac_address_table: disp_mac_addr, disp_port, disp_vlan', async () => {
    const [entry] = rows(await overNxapi('show mac address-table'), 'mac_address');
    expect(entry).toEqual(
      expect.objectContaining({
        disp_mac_addr: expect.stringMatching(/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/),
        disp_port: expect.any(String),
        disp_vlan: '-',
      }),
    );
  });

  it('Ansible nxos_snapshot`s example: ROW_intf rows keyed by intf-name', async () => {
    const intf = rows(await overSsh('show ip interface brief'), 'intf');
    expect(intf.length).toBeGreaterThan(1);
    for (const row of intf) expect(Object.keys(row)).toEqual(expect.arrayContaining(['intf-name', 'prefix']));
    const vrfs = rows(await overSsh('show ip interface brief vrf all'), 'vrf');
    expect(vrfs.map((v) => v['vrf-name-out'])).toContain('management');
  });

  it('`show ip route` walks TABLE_vrf → TABLE_addrf → TABLE_prefix → TABLE_path', async () => {
    const [vrf] = rows(await overSsh('show ip route'), 'vrf');
    const [addrf] = rows(vrf, 'addrf');
    const prefixes = rows(addrf, 'prefix');
    const connected = prefixes.find((p) => p.attached === 'true')!;
    expect(rows(connected, 'path')[0]).toMatchObject({ clientname: 'direct', ubest: 'true' });
    expect(prefixes.every((p) => Number(p['ucast-nhops']) === rows(p, 'path').length)).toBe(true);
  });

  it('`show interface status` names every port in full, as `show interface` does', async () => {
    const status = rows(await overSsh('show interface status'), 'interface').map((r) => r.interface);
    const detail = rows(await overNxapi('show interface'), 'interface').map((r) => r.interface);
    expect(status).toEqual(detail);
  });
});

describe('show users sees the SSH sessions', () => {
  it('this session on pts/0 marked *, a second session on pts/1 unmarked, both from loopback', async () => {
    const second = await connect({ host: nexus.host, port: nexus.port });
    try {
      const lines = (await exec(ssh, 'show users')).replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
      expect(lines[0]).toBe('NAME     LINE         TIME         IDLE          PID COMMENT');
      expect(lines.slice(1)).toHaveLength(2);
      expect(lines[1]).toMatch(
        /^admin {4}pts\/0 {8}\w{3} [ \d]\d \d\d:\d\d {3}\. +\d+ \(127\.0\.0\.1\) session=ssh \*$/,
      );
      expect(lines[2]).toMatch(/^admin {4}pts\/1 .* \(127\.0\.0\.1\) session=ssh $/);
    } finally {
      second.end();
    }
  });

  it('has no structured form: | json is refused at the pipe word', async () => {
    expect(await exec(ssh, 'show users | json')).toContain("% Invalid command at '^' marker.");
  });
});
