/**
 * Junos PyEZ op tables read the fleet's structured replies: `show … | display xml` over SSH and the
 * REST API's `/rpc/…`, each loaded with `Table(path=file).get()` (no device) under Debian's
 * python3 (test/e2e/pyez_tables.py). Every key field must be filled and equal what the same box
 * prints as text for the same command, parsed here from that text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import { TEST_DIR } from '../helpers.js';
import { startFleet } from '../../simulator/fleet/fleet.js';
import { parseDrift } from '../../simulator/topology/drift.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { ADMIN, rawRequest } from '../rest.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { execOnce } from './ssh.js';

type Fields = Record<string, string | number | boolean | string[] | null>;
type Parsed = Record<string, Array<[key: string, fields: Fields]>>;

let fleet: Fleet;
let dir: string;
let parsed: Parsed;
/** Text each command printed, by `<device> <command>`. */
const texts = new Map<string, string>();

const EX = 'r2-jx14';
const MX = 'r3-mx17';

const PHY_PORTS = 'show interfaces [efgx][et]-*';
const ETH_PORTS = 'show interfaces [afgxe][et]-*';

/** The table that reads each command's reply, and the commands asked of each box. */
const SSH_READS: ReadonlyArray<[device: string, command: string, table: string]> = [
  [MX, 'show route', 'RouteTable'],
  [EX, 'show route', 'RouteTable'],
  // The interface-name globs PhyPortTable and EthPortTable send with their RPC.
  [MX, PHY_PORTS, 'PhyPortTable'],
  [EX, PHY_PORTS, 'PhyPortTable'],
  [MX, ETH_PORTS, 'EthPortTable'],
  [MX, 'show interfaces terse', 'TerseAddressTable'],
  [EX, 'show interfaces terse', 'TerseAddressTable'],
  [MX, 'show lldp neighbors', 'LLDPNeighborTable'],
  [EX, 'show lldp neighbors detail', 'LldpDetailTable'],
  [MX, 'show arp no-resolve', 'ArpTable'],
  [MX, 'show chassis hardware', 'ModuleTable'],
  [EX, 'show chassis hardware', 'ModuleTable'],
  [EX, 'show ethernet-switching table', 'L2ngMacTable'],
  [EX, 'show vlans', 'L2ngVlanTable'],
  [EX, 'show system users', 'UserTable'],
];

const REST_READS: ReadonlyArray<[device: string, path: string, table: string]> = [
  [MX, '/rpc/get-route-information', 'RouteTable'],
  [EX, '/rpc/get-interface-information?terse', 'TerseAddressTable'],
  [MX, '/rpc/get-chassis-inventory', 'ModuleTable'],
  [EX, '/rpc/get-ethernet-switching-table-information', 'L2ngMacTable'],
];

const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;
const ssh = (name: string, command: string) =>
  execOnce({ host: device(name).host, port: device(name).port }, command);
const label = (name: string, what: string) => `${name} ${what}`.replace(/[^\w.-]+/g, '_');

/** The document between `<rpc-reply` and `</rpc-reply>` of what the CLI printed. */
function rpcReply(output: string): string {
  const match = /<rpc-reply[\s\S]*<\/rpc-reply>/.exec(output);
  if (!match) throw new Error(`no <rpc-reply> in: ${output.slice(0, 200)}`);
  return match[0];
}

beforeAll(async () => {
  if (!available('jnpr.junos')) return;
  // lab-100 addresses every documented link, so its switches learn no MAC: two undocumented
  // cables give r2-jx14 switch ports with a neighbour behind them.
  const topology = await loadTopology('lab-100');
  const world = parseDrift(
    [
      'drift:',
      '  - add: ["r2-jx14:ge-0/0/40", "r2-sw13:GigabitEthernet1/0/40"]',
      '  - add: ["r2-jx14:ge-0/0/41", "r2-sw15:GigabitEthernet1/0/21"]',
    ].join('\n'),
    topology,
  );
  fleet = await startFleet({
    topology,
    world,
    sshPort: 0,
    restPort: 0,
    freezeTime: true,
    commandLatencyMs: 0,
  });
  dir = mkdtempSync(join(tmpdir(), 'labfleet-pyez-'));
  for (const [name, command, table] of SSH_READS) {
    const key = `${name} ${command}`;
    if (!texts.has(key)) texts.set(key, (await ssh(name, command)).replace(/\r/g, ''));
    const xml = rpcReply(await ssh(name, `${command} | display xml`));
    writeFileSync(join(dir, `${table}--${label(name, command)}.xml`), xml);
  }
  for (const [name, path, table] of REST_READS) {
    const answer = await rawRequest(device(name).rest_url!, { path, auth: ADMIN });
    expect(answer.status).toBe(200);
    writeFileSync(join(dir, `${table}--${label(name, `rest ${path}`)}.xml`), answer.body);
  }
  const script = join(TEST_DIR, 'e2e', 'pyez_tables.py');
  const { stdout } = await run(DEBIAN_PYTHON, [script, dir], { timeout: 60_000 });
  parsed = JSON.parse(stdout) as Parsed;
}, 180_000);

afterAll(async () => {
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (name: string, command: string) => parsed[label(name, command)]!;
const text = (name: string, command: string) => texts.get(`${name} ${command}`)!;
const fields = (rows: Array<[string, Fields]>) => new Map(rows);

/** `51w6d 06:39:00` → seconds. */
function ageSeconds(age: string): number {
  const m = /^(?:(\d+)w)?(?:(\d+)d )?(\d+):(\d+):(\d+)$/.exec(age)!;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return (((w! * 7 + d!) * 24 + h!) * 60 + min!) * 60 + s!;
}

describe.skipIf(!available('jnpr.junos'))('Junos PyEZ tables over the fleet’s replies', () => {
  it.each([MX, EX])(
    'RouteTable (%s): destinations, protocol, via, next hop and age as show route prints them',
    (name) => {
      const lines = text(name, 'show route').split('\n');
      const routes = read(name, 'show route');
      const expected: Array<[string, Fields]> = [];
      lines.forEach((line, i) => {
        const head = /^(\S+)\s+\*\[(\w+)\/\d+\] (.+)$/.exec(line);
        if (!head) return;
        const hop = /(?:> (?:to (\S+) )?via|Local via) (\S+)$/.exec(lines[i + 1]!)!;
        expected.push([
          head[1]!,
          { protocol: head[2]!, via: hop[2]!, age: ageSeconds(head[3]!), nexthop: hop[1] ?? null },
        ]);
      });
      expect(expected.length).toBeGreaterThan(3);
      expect(routes).toEqual(expected);
    },
  );

  it.each([MX, EX])(
    'PhyPortTable (%s): state, description, speed, MAC and last flap as show interfaces prints them',
    (name) => {
      const blocks = text(name, PHY_PORTS).split(/\n(?=Physical interface: )/);
      const ports = fields(read(name, PHY_PORTS));
      expect(ports.size).toBe(blocks.length);
      for (const block of blocks) {
        const head =
          /^Physical interface: (\S+), (Enabled|Administratively down), Physical link is (Up|Down)/.exec(
            block,
          )!;
        const port = ports.get(head[1]!)!;
        expect(port, head[1]).toBeDefined();
        expect(port.admin).toBe(head[2] === 'Enabled' ? 'up' : 'down');
        expect(port.oper).toBe(head[3]!.toLowerCase());
        expect(port.description).toBe(/Description: (.+)/.exec(block)?.[1] ?? null);
        expect(port.speed).toBe(/Speed: ([^,\n]+)/.exec(block)?.[1] ?? null);
        expect(port.macaddr).toBe(/Current address: ([\w:]+)/.exec(block)?.[1] ?? null);
        expect(port.flapped).toBe(/Last flapped {3}: (.+)/.exec(block)![1]);
        expect(port.mtu).toBe(Number(/MTU: (\d+)/.exec(block)?.[1] ?? NaN) || null);
      }
    },
  );

  it('EthPortTable (MX): present and running flags, MAC', () => {
    const ports = read(MX, ETH_PORTS);
    expect(ports.map(([name]) => name)).toEqual(
      fleet
        .runtime(MX)!
        .renderContext()
        .state.interfaces.filter((i) => !i.mgmt)
        .map((i) => i.name),
    );
    for (const [name, port] of ports) {
      expect(port.present, name).toBe(true);
      expect(port.running, name).toBe(true);
      expect(port.macaddr, name).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    }
  });

  it.each([MX, EX])(
    'terse addresses (%s): every inet address of show interfaces terse, on its unit',
    (name) => {
      const expected = text(name, 'show interfaces terse')
        .split('\n')
        .map((l) => /^(\S+)\s+(up|down)\s+(up|down)\s+inet\s+(\S+)/.exec(l))
        .filter((m) => m !== null)
        .map((m): [string, Fields] => [m[4]!, { family: 'inet', interface: m[1]!, oper: m[3]! }]);
      expect(expected.length).toBeGreaterThan(0);
      expect(read(name, 'show interfaces terse')).toEqual(expected);
    },
  );

  it('LLDPNeighborTable on the brief reply (MX), a detail table on the detail reply (EX), as the CLI lists the neighbours', () => {
    const brief = text(MX, 'show lldp neighbors')
      .split('\n')
      .slice(1)
      .filter((row) => row.trim() !== '');
    expect(read(MX, 'show lldp neighbors')).toEqual(
      brief.map((row): [string, Fields] => {
        const [local, , chassis, port, system] = row.split(/\s+/);
        return [
          local!,
          {
            local_int: local!,
            local_parent: '-',
            remote_type: 'Mac address',
            remote_chassis_id: chassis!,
            remote_port_desc: port!,
            remote_port_id: null,
            remote_sysname: system!,
          },
        ];
      }),
    );
    const detail = text(EX, 'show lldp neighbors detail').split('LLDP Neighbor Information:').slice(1);
    const value = (block: string, field: string) =>
      new RegExp(`^\\s*${field}\\s*: (.+)$`, 'm').exec(block)![1]!.trim();
    expect(detail.length).toBeGreaterThan(1);
    expect(read(EX, 'show lldp neighbors detail')).toEqual(
      detail.map((block): [string, Fields] => [
        value(block, 'Local Interface'),
        {
          local_port_id: value(block, 'Local Port ID'),
          chassis_id: value(block, 'Chassis ID'),
          port_id: value(block, 'Port ID'),
          port_description: value(block, 'Port description'),
          system_name: value(block, 'System name'),
          system_description: value(block, 'System Description'),
          capabilities: value(block, 'Enabled'),
          management_address: value(block, 'Address'),
        },
      ]),
    );
  });

  it('ArpTable (MX): MAC, address and interface of each show arp row', () => {
    const rows = text(MX, 'show arp no-resolve')
      .split('\n')
      .filter((l) => /^[0-9a-f]{2}:/.test(l))
      .map((l): [string, Fields] => {
        const [mac, ip, iface] = l.split(/\s+/);
        return [mac!, { mac_address: mac!, ip_address: ip!, interface_name: iface! }];
      });
    expect(rows.length).toBeGreaterThan(0);
    expect(read(MX, 'show arp no-resolve')).toEqual(rows);
  });

  it.each([MX, EX])(
    'ModuleTable (%s): every module row of show chassis hardware, column by column',
    (name) => {
      const rows = text(name, 'show chassis hardware')
        .split('\n')
        .slice(3)
        .filter((l) => l.trim() !== '')
        .map((l): [string, Fields] => {
          const cut = (from: number, to?: number) => l.slice(from, to).trim() || null;
          return [
            cut(0, 16)!,
            { jname: cut(0, 16), sn: cut(39, 56), pn: cut(26, 38), ver: cut(17, 25), type: cut(57) },
          ];
        });
      expect(rows.length).toBeGreaterThan(3);
      expect(read(name, 'show chassis hardware')).toEqual(rows);
    },
  );

  it('ELS MAC table and VLANs (EX): entries and members as the CLI prints them', () => {
    const macs = text(EX, 'show ethernet-switching table')
      .split('\n')
      .map((l) => /^ {4}(\S+)\s+([0-9a-f:]{17})\s+(\S+)\s+-\s+(\S+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m): [string, Fields] => [m[2]!, { vlan: m[1]!, flags: m[3]!, interface: m[4]!, vlan_id: '1' }]);
    expect(macs.length).toBeGreaterThan(0);
    expect(read(EX, 'show ethernet-switching table')).toEqual(macs);
    const vlanText = text(EX, 'show vlans').split('\n');
    const [instance, vlan, tag] = vlanText[1]!.trim().split(/\s+/);
    const members = vlanText
      .slice(2)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    expect(read(EX, 'show vlans')).toEqual([[vlan, { instance, tag, members }]]);
  });

  it('UserTable (EX): the logged-in session of show system users', () => {
    const row = text(EX, 'show system users')
      .split('\n')
      .find((l) => l.startsWith('admin'))!;
    const [user, tty, from] = row.split(/\s+/);
    const [[key, session]] = read(EX, 'show system users') as [[string, Fields]];
    expect(key).toBe(user);
    expect(session).toMatchObject({ tty, source: from, command: row.slice(row.indexOf('-cli')) });
    expect(session.login_seconds).toBe(Math.floor(fleet.runtime(EX)!.renderContext().now / 1000));
  });

  it('REST /rpc replies read the same as the CLI’s | display xml', () => {
    expect(read(MX, 'rest /rpc/get-route-information')).toEqual(read(MX, 'show route'));
    expect(read(EX, 'rest /rpc/get-interface-information?terse')).toEqual(read(EX, 'show interfaces terse'));
    expect(read(MX, 'rest /rpc/get-chassis-inventory')).toEqual(read(MX, 'show chassis hardware'));
    expect(read(EX, 'rest /rpc/get-ethernet-switching-table-information')).toEqual(
      read(EX, 'show ethernet-switching table'),
    );
  });
});
