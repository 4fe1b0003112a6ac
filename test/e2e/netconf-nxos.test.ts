/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-explicit-any -- the tests walk parsed NX-OS documents */
/**
 * NX-OS's NETCONF agent on lab-100's Nexus boxes, driven by ncclient with its `nexus` and
 * `default` device handlers (test/e2e/netconf_nxos.py) on the SSH port's `netconf` subsystem: the
 * hello a Nexus sends, the DME's cdp-items and lldp-items and openconfig-lldp answering what the
 * topology documents and what `show … neighbors detail | json` prints, hostname and interface
 * edits on the candidate and on running reaching the prompt, the running-config and NX-API, and
 * the errors a bad edit earns. The hello and one filtered get are goldens, read off the wire.
 */
import { join } from 'node:path';
import type { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fleet } from '../../simulator/fleet/fleet.js';
import type { InventoryDevice } from '../../simulator/fleet/inventory.js';
import type { Topology } from '../../simulator/topology/model.js';
import { loadTopology } from '../../simulator/topology/load.js';
import { expectGolden, TEST_DIR } from '../helpers.js';
import { nxapiShow, startFrozenLab } from '../rest.js';
import { available, DEBIAN_PYTHON, run } from './clients.js';
import { connect, exec, execOnce, shell } from './ssh.js';

const READER = 'r2-nx02';
const GOLDEN = 'r1-nx06';
const CANDIDATE = 'r3-nx10';
const RUNNING = 'r4-nx16';
const DISCARD = 'r5-nx13';
const ERRORS = 'r5-nx15';

const DEVICE_NS = 'http://cisco.com/ns/yang/cisco-nx-os-device';

const hasNcclient = available('ncclient');

let fleet: Fleet;
let topology: Topology;

beforeAll(async () => {
  fleet = await startFrozenLab();
  topology = await loadTopology('lab-100');
}, 60_000);
afterAll(async () => {
  await fleet?.stop();
});

const device = (name: string): InventoryDevice => fleet.devices.find((d) => d.name === name)!;

type Doc = any;
type Row = Record<string, string>;

/** One ncclient run against `name`'s SSH port (the NETCONF port comes with the plumbing work). */
async function ncclient(name: string, scenario: string, handler = 'nexus'): Promise<Doc> {
  const script = join(TEST_DIR, 'e2e', 'netconf_nxos.py');
  const { stdout } = await run(
    DEBIAN_PYTHON,
    [script, device(name).host, String(device(name).port), handler, scenario],
    {
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout);
}

const cli = (name: string, command: string) =>
  execOnce({ host: device(name).host, port: device(name).port }, command);

async function nxapi(name: string, command: string): Promise<Doc> {
  const { status, output } = await nxapiShow(device(name).rest_url!, command);
  expect(status).toBe(200);
  return output.body as Doc;
}

const rows = (table: Doc, name: string): Row[] => {
  const row: Row | Row[] | undefined = table[`TABLE_${name}`]?.[`ROW_${name}`];
  return row === undefined ? [] : Array.isArray(row) ? row : [row];
};

/** `Ethernet1/1` → `eth1/1`, as the DME names ports. */
const dme = (name: string) => name.replace(/^Ethernet/, 'eth');

/** The topology's documented cables from `name`: local port → the peer's node and port. */
function documented(name: string): Map<string, { node: string; interface: string }> {
  const out = new Map<string, { node: string; interface: string }>();
  for (const link of topology.links) {
    if (link.a.node === name) out.set(link.a.interface, link.b);
    if (link.b.node === name) out.set(link.b.interface, link.a);
  }
  return out;
}

describe.skipIf(!hasNcclient)('NX-OS NETCONF with ncclient', () => {
  it.each(['nexus', 'default'])(
    'the %s handler reads the Nexus hello',
    async (handler) => {
      const hello = await ncclient(READER, 'hello', handler);
      const caps: string[] = hello.capabilities;
      expect(caps.slice(0, 2)).toEqual([
        'urn:ietf:params:netconf:base:1.0',
        'urn:ietf:params:netconf:base:1.1',
      ]);
      expect(caps).toContain('urn:ietf:params:netconf:capability:candidate:1.0');
      expect(caps).toContain('urn:ietf:params:netconf:capability:writable-running:1.0');
      expect(caps).toContain('urn:ietf:params:netconf:capability:confirmed-commit:1.1');
      expect(caps.some((c) => c.includes(':xpath:'))).toBe(false);
      const model = caps.find((c) => c.startsWith(`${DEVICE_NS}?`));
      expect(model).toMatch(
        /^http:\/\/cisco\.com\/ns\/yang\/cisco-nx-os-device\?revision=\d{4}-\d\d-\d\d&module=Cisco-NX-OS-device/,
      );
      expect(caps.some((c) => c.includes('module=openconfig-lldp&'))).toBe(true);
      expect(Number(hello.session_id)).toBeGreaterThan(0);
    },
    90_000,
  );

  it('cdp-items lists the documented neighbours, as show cdp neighbors detail does', async () => {
    const adjacencies: Row[] = (await ncclient(READER, 'cdp')).rows;
    const cabled = documented(READER);
    expect(adjacencies.length).toBeGreaterThan(0);
    for (const adj of adjacencies) {
      const port = adj.local!.replace(/^eth/, 'Ethernet');
      const peer = cabled.get(port);
      expect(peer, `${port} is documented`).toBeDefined();
      expect(adj.portId).toBe(peer!.interface);
      expect(adj.devId!.startsWith(peer!.node)).toBe(true);
    }
    const detail = JSON.parse(await cli(READER, 'show cdp neighbors detail | json'));
    const printed = rows(detail, 'cdp_neighbor_detail_info').map((r: Row) => ({
      local: dme(r.intf_id!),
      devId: r.device_id,
      portId: r.port_id,
      mgmtIp: r.v4mgmtaddr,
    }));
    expect(adjacencies.map(({ local, devId, portId, mgmtIp }) => ({ local, devId, portId, mgmtIp }))).toEqual(
      printed,
    );
  }, 90_000);

  it('lldp-items and openconfig-lldp answer what show lldp neighbors detail prints', async () => {
    const read = await ncclient(READER, 'lldp');
    const native: Row[] = read.dme;
    const openconfig: Row[] = read.openconfig;
    const detail = await nxapi(READER, 'show lldp neighbors detail');
    const printed = rows(detail, 'nbor_detail');
    expect(printed.length).toBeGreaterThan(0);
    expect(native.map((n) => [n.local, n.sysName, n.portIdV, n.mgmtIp])).toEqual(
      printed.map((r) => [dme(r.l_port_id!.replace(/^Eth/, 'Ethernet')), r.sys_name, r.port_id, r.mgmt_addr]),
    );
    expect(openconfig.map((n) => [n.local, n['system-name'], n['port-id'], n['chassis-id']])).toEqual(
      native.map((n) => [n.local, n.sysName, n.portIdV, n.chassisIdV]),
    );
    const cabled = documented(READER);
    for (const n of openconfig) expect(cabled.has(n.local!.replace(/^eth/, 'Ethernet'))).toBe(true);
  }, 90_000);

  it('a hostname edited on the candidate shows everywhere once committed', async () => {
    const result = await ncclient(CANDIDATE, 'candidate');
    expect(result.before).toBe(CANDIDATE);
    expect(result.staged).toEqual({ running: CANDIDATE, candidate: 'nx-candidate' });
    expect(result.after).toBe('nx-candidate');
    const client: Client = await connect({ host: device(CANDIDATE).host, port: device(CANDIDATE).port });
    try {
      const sh = await shell(client);
      await sh.expect(/nx-candidate# $/, 10_000);
      expect(await exec(client, 'show running-config')).toContain('hostname nx-candidate');
    } finally {
      client.end();
    }
    const hostname = await nxapi(CANDIDATE, 'show hostname');
    expect(hostname.hostname).toBe('nx-candidate');
  }, 90_000);

  it('an interface edited on running shows in show interface description and the running-config', async () => {
    expect(await ncclient(RUNNING, 'running', 'default')).toEqual({
      descr: 'edited over netconf',
      adminSt: 'down',
    });
    const description = await cli(RUNNING, 'show interface description');
    expect(description).toMatch(/^Eth1\/5\s+eth\s+\S+\s+edited over netconf\s*$/m);
    const running = (await cli(RUNNING, 'show running-config')).replace(/\r/g, '');
    const block = /^interface Ethernet1\/5\n((?: {2}.*\n)*)/m.exec(running)?.[1];
    expect(block).toContain('  description edited over netconf\n');
    expect(block).toMatch(/^ {2}shutdown$/m);
  }, 90_000);

  it('discard-changes drops a candidate change nobody committed', async () => {
    expect(await ncclient(DISCARD, 'discard')).toEqual({
      staged: 'never-committed',
      candidate: DISCARD,
      running: DISCARD,
    });
  }, 90_000);

  it('a bad edit earns an rpc-error and changes nothing', async () => {
    const errors = await ncclient(ERRORS, 'errors');
    expect(errors.interface).toMatchObject({
      tag: 'operation-failed',
      type: 'application',
      path: "/System/intf-items/phys-items/PhysIf-list[id='eth1/99']",
    });
    expect(errors.element).toMatchObject({ tag: 'unknown-element', type: 'application' });
    expect(errors.element.info).toContain('<bad-element>bogus-items</bad-element>');
    expect(errors.adminSt).toMatchObject({ tag: 'invalid-value' });
    expect(errors.xpath).toMatchObject({ tag: 'bad-attribute', type: 'protocol' });
    expect(errors.hostname).toBe(ERRORS);
  }, 90_000);
});

/** Reads framed messages off a raw `netconf` subsystem channel (base:1.0 end-of-message framing). */
describe('NX-OS NETCONF on the wire', () => {
  it('sends the golden hello and answers a filtered get', async () => {
    const client: Client = await connect({ host: device(GOLDEN).host, port: device(GOLDEN).port });
    try {
      const channel = await new Promise<import('ssh2').ClientChannel>((resolve, reject) =>
        client.subsys('netconf', (error, ch) => (error ? reject(error) : resolve(ch))),
      );
      let buffer = '';
      const waiters: Array<() => void> = [];
      channel.on('data', (d: Buffer) => {
        buffer += d.toString('utf8');
        waiters.splice(0).forEach((w) => w());
      });
      const message = () =>
        new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no message; got ${buffer.slice(-200)}`)), 10_000);
          const check = () => {
            const end = buffer.indexOf(']]>]]>');
            if (end < 0) return waiters.push(check);
            clearTimeout(timer);
            const text = buffer.slice(0, end);
            buffer = buffer.slice(end + 6);
            resolve(text);
          };
          check();
        });
      const hello = await message();
      expectGolden('netconf/nx-os-hello.xml', hello);
      channel.write(
        '<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">' +
          '<capabilities><capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>',
      );
      channel.write(
        '<rpc xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="101"><get><filter type="subtree">' +
          `<System xmlns="${DEVICE_NS}"><name/><lldp-items><inst-items><if-items><If-list><id>eth1/1</id>` +
          '</If-list></if-items></inst-items></lldp-items></System></filter></get></rpc>]]>]]>',
      );
      const reply = await message();
      expectGolden('netconf/nx-os-get-lldp-eth1-1.xml', reply);
      expect(reply).toContain(`<name>${GOLDEN}</name>`);
      channel.end();
    } finally {
      client.end();
    }
  }, 30_000);
});
